#pragma once
// The work-safety risk lists of the enterprises the agencies help identify their risks (chengdu App. C 3.2,
// src/safety/): on a done work-safety visit, for about a quarter of the enterprises (and always the demo
// enterprise), the visit's worker records the 作业活动清单 and 设备设施清单 and grades each activity's steps
// (JHA) and each piece of equipment's checks (SCL) with LS or LEC under the default mapping, through the
// product's own parsing and grading (safety::parse_record), each with its audit entry. No site plan or
// zones: the generator writes no files.
#include <set>

#include "benchdata/bulk_insert.hpp"
#include "benchdata/records.hpp"
#include "benchdata/world.hpp"
#include "safety/risk_records.hpp"

namespace rw::benchdata {

class SafetyRisksWriter {
 public:
  SafetyRisksWriter(WriteBehind& out, World& world, Records& records);
  // A done visit: the enterprise's lists, the first time one of its visits is chosen.
  void write_visit(const WorkedVisit& visit, bool safety);
  void flush() { records_table_.flush(); }

 private:
  void write_record(const WorkedVisit& v, safety::Kind kind, const nlohmann::json& body,
                    const std::string& at);

  World& w_;
  Random rnd_;
  Records& records_;
  BulkInsert records_table_;
  std::set<std::size_t> listed_;  // enterprises whose lists are written
};

}  // namespace rw::benchdata
