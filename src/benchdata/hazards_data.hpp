#pragma once
// Hazards 隐患 of the done visits, as the product leaves them (src/hazards/): every finding its checklists
// raised made into a hazard, and more recorded by hand — about a million at province scale — each at the
// point of the rectification life cycle its age gives it (the older, the likelier closed), with its deadline,
// plan, evidence and acceptance; those left overdue past the escalation rules escalated (chengdu 6.3.2.3).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "benchdata/bulk_insert.hpp"
#include "benchdata/world.hpp"

namespace rw::benchdata {

// A finding a done visit's checklist raised.
struct RaisedFinding {
  std::int64_t inspection_id = 0;
  std::int64_t finding_id = 0;
  std::string item_id;
  std::string grade;
  std::string description;
  std::string suggestion;
  std::string basis;
};

// A hazard as a notice about it (notices_data.hpp) and its rectification (rectification_data.hpp) need it.
struct WrittenHazard {
  std::int64_t id = 0;
  bool told = false;  // the enterprise was told of it (notified or later)
  int due_days = 0;   // its rectification period in working days, when told
  bool major = false;
  std::string status;
  std::optional<Day> accepted_on;  // verified and closed by the agency
};

class HazardsWriter {
 public:
  // Its rows follow `findings` (they refer to them).
  HazardsWriter(WriteBehind& out, World& world, BulkInsert& findings);
  // The visit's hazards, in the order written.
  std::vector<WrittenHazard> write_visit(const WorkedVisit& visit, bool safety,
                                         const std::vector<RaisedFinding>& findings);
  void flush();
  BulkInsert& table() { return hazards_; }

 private:
  WrittenHazard write_one(const WorkedVisit& v, bool safety, const RaisedFinding* finding);

  World& w_;
  Random rnd_;
  BulkInsert hazards_, escalations_;
};

}  // namespace rw::benchdata
