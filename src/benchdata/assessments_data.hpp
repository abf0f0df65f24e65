#pragma once
// HJ 941 assessments 环境风险评估 of the done 环责险风险评估 visits, as the product leaves them
// (src/envrisk/): the visit's worker grades the enterprise from each medium's indicators (速算: Q, M and E)
// on the visit's day, and a reviewer of an insurer of its environmental policies reviews it a few days later,
// unless it is too recent or nobody insures it. Each leaves its audit entries and the review its status
// event; the enterprise's register then shows its latest reviewed assessment, as the review sets it.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "benchdata/bulk_insert.hpp"
#include "benchdata/records.hpp"
#include "benchdata/world.hpp"
#include "envrisk/evaluation.hpp"
#include "envrisk/substance_store.hpp"

namespace rw::benchdata {

class AssessmentsWriter {
 public:
  // Reads the table version in force from the connection: construct it before anything is queued.
  AssessmentsWriter(WriteBehind& out, World& world, Records& records);
  // Nothing unless the done visit served a 环责险风险评估 (`codes`: its service types' codes).
  void write_visit(const WorkedVisit& visit, const std::vector<std::string>& codes);
  // The assessments, then each reviewed enterprise's register (envrisk::set_enterprise_risk).
  void flush();

 private:
  envrisk::GivenIndicators indicators();

  // An enterprise's latest reviewed assessment so far.
  struct Reviewed {
    std::string assessed_on;
    std::int64_t id = 0;
    std::string level, label, reviewed_at;
  };

  WriteBehind& out_;
  World& w_;
  Random rnd_;
  Records& records_;
  BulkInsert assessments_;
  envrisk::TableVersion table_;
  envrisk::ScoreTable scores_;
  std::map<std::size_t, std::int64_t> reviewer_of_;  // enterprise index → an insurer's reviewer
  std::map<std::int64_t, Reviewed> latest_;          // enterprise id → its latest reviewed assessment
};

}  // namespace rw::benchdata
