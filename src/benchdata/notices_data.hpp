#pragma once
// Notices 文书 of the done visits, as the product leaves them (src/notices/): the agency's 预警提示单
// (yueqing att.2) listing the visit's hazards the enterprise was told of, issued the day after the visit
// under the agency's numbering (预警〔年〕序号号: number_rules.cpp default_pattern), or still a draft while
// its hazards are only found; and for most visits a 温馨提示单 (att.3), issued or left a draft. Issuing
// leaves a status event, audit entries and the enterprise's notification, as notice_flow.cpp does. No notice
// is received here: a receipt 签收 is a signature or a scan, a file, and bench data holds no file contents.
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "benchdata/bulk_insert.hpp"
#include "benchdata/hazards_data.hpp"
#include "benchdata/records.hpp"
#include "benchdata/world.hpp"

namespace rw::benchdata {

class NoticesWriter {
 public:
  // Its links follow `hazards` (they refer to them).
  NoticesWriter(WriteBehind& out, World& world, Records& records, BulkInsert& hazards);
  void write_visit(const WorkedVisit& visit, const std::vector<WrittenHazard>& hazards);
  // The notices, their links and the numbering's counters, so that the next issued number follows.
  void flush();

 private:
  void write_notice(const WorkedVisit& v, const std::string& kind, bool issued,
                    const std::vector<const WrittenHazard*>& listed);
  // The number the organization's default pattern gives the kind's next notice ("" for an unnumbered kind).
  std::string next_number(const std::string& kind, std::int64_t org_id, Day day);

  World& w_;
  Random rnd_;
  Records& records_;
  BulkInsert notices_, links_, counters_;
  std::map<std::int64_t, std::string> agency_names_;  // org id → name
  // (org id, pattern, year) → the last number given, as notice_number_counters keeps it.
  std::map<std::tuple<std::int64_t, std::string, int>, std::int64_t> last_sequence_;
};

}  // namespace rw::benchdata
