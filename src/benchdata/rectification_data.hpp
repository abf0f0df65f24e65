#pragma once
// What the rectification of the hazards left besides the hazards' own rows (src/hazards/): the enterprise's
// progress notes while it rectified (add_progress, 整改进展; photos need files, which the bench data has
// not), and the re-checks of later visits (hazard_recheck.cpp, wuxi 第十五条（五）): a visit that starts
// lists the enterprise's hazards of earlier visits that are still open once one of them was 重大
// (hazards_to_recheck), and a done visit records each result: 已整改到位 closes the hazard on that visit
// (close_on_recheck, its acceptance moved to the visit's day), 未整改到位 carries it over to that visit's
// agency. Each step has its status event and audit entry.
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "benchdata/bulk_insert.hpp"
#include "benchdata/hazards_data.hpp"
#include "benchdata/records.hpp"
#include "benchdata/world.hpp"
#include "hazards/hazard_store.hpp"

namespace rw::benchdata {

class RectificationWriter {
 public:
  // Its rows follow `hazards` (they refer to them).
  RectificationWriter(WriteBehind& out, World& world, Records& records, BulkInsert& hazards);
  // The hazards `v` found, as HazardsWriter wrote them.
  void follow(const WorkedVisit& v, const std::vector<WrittenHazard>& hazards);
  // The re-checks and progress notes, once every visit's hazards are written and flushed: re-checks change
  // some hazards' rows, and notes fall before the hazard closed.
  void finish();

 private:
  // What the re-check rule and its results need of a hazard.
  struct Followed {
    std::int64_t id = 0;
    std::int64_t visit_id = 0;
    Day found;
    bool major = false;
    std::string status;
    std::optional<Day> closed_on;  // accepted: by the agency, or by a re-check
    std::int64_t agency_org_id = 0;
  };
  void note_progress(const Followed& h, std::int64_t user);
  static std::string status_on(const Followed& h, Day day);
  void recheck_enterprise(std::vector<const WorkedVisit*>& visits, std::vector<Followed>& hazards);
  void recheck(const WorkedVisit& v, Followed& h);

  WriteBehind& out_;
  World& w_;
  Random rnd_;
  Records& records_;
  BulkInsert progress_, rechecks_;
  std::vector<std::vector<Followed>> by_enterprise_;  // index into World::enterprises
  // What the re-checks change of the hazards' rows, written with the product's store once they are all in:
  // (hazard, acceptance, when) of those closed, (hazard, agency, when) of those carried over.
  std::vector<std::tuple<std::int64_t, hazards::Acceptance, std::string>> closed_;
  std::vector<std::tuple<std::int64_t, std::int64_t, std::string>> carried_over_;
};

}  // namespace rw::benchdata
