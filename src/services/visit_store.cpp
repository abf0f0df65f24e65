#include "services/visit_store.hpp"

#include "platform/sql_filter.hpp"

namespace rw::services {
namespace {

constexpr const char* kSelectPlanOf =
    "SELECT 1 AS one FROM service_plans WHERE id = ? AND enterprise_id = ? AND agency_org_id = ?";
constexpr const char* kSelectAcceptedItem =
    "SELECT ci.id FROM commission_items ci WHERE ci.enterprise_id = ? AND ci.agency_org_id = ? AND ci.status "
    "= 'accepted' ORDER BY ci.id DESC "
    "LIMIT 1";
constexpr const char* kSelectServiceTypes =
    "SELECT service_type_version_id FROM visit_service_types WHERE visit_id = ? ORDER BY "
    "service_type_version_id";
constexpr const char* kInsertVisit =
    "INSERT INTO visits (enterprise_id, agency_org_id, commission_item_id, plan_id, planned_on, "
    "duration_days, special_request, notes, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kUpdateVisit =
    "UPDATE visits SET plan_id = ?, planned_on = ?, duration_days = ?, special_request = ?, notes = ?, "
    "updated_at = ? WHERE id = ?";
constexpr const char* kDeleteTeam = "DELETE FROM visit_team WHERE visit_id = ?";
constexpr const char* kDeleteServiceTypes = "DELETE FROM visit_service_types WHERE visit_id = ?";
constexpr const char* kInsertTeamMember =
    "INSERT INTO visit_team (visit_id, staff_id, leader) VALUES (?, ?, ?)";
constexpr const char* kInsertServiceType =
    "INSERT INTO visit_service_types (visit_id, service_type_version_id) VALUES (?, ?)";
// kSelectTeamCandidates + the agencies' condition + kTeamCandidateOrder. The day's teams are counted once,
// by member: a count per candidate walked every visit of the day again (province: 164 candidates x 1,904
// visits, 143 ms in the CLI; once, 3-7 ms).
constexpr const char* kSelectTeamCandidates =
    "SELECT s.id, s.name, s.kind, s.title_level, s.evaluation_grade, s.specialties, "
    "COALESCE(day.visits, 0) AS busy FROM staff s LEFT JOIN ("
    "SELECT t.staff_id, COUNT(*) AS visits FROM visits v JOIN visit_team t ON t.visit_id = v.id "
    "WHERE v.planned_on = ? AND v.status IN ('planned', 'confirmed', 'in_progress') GROUP BY t.staff_id"
    ") day ON day.staff_id = s.id WHERE ";
constexpr const char* kTeamCandidateOrder =
    " AND s.active = 1 AND s.excluded = 0 AND s.evaluation_grade <> 'unqualified' "
    "ORDER BY CASE s.evaluation_grade WHEN 'excellent' THEN 0 WHEN 'good' THEN 1 WHEN 'fair' THEN 2 "
    "ELSE 3 END, "
    "CASE s.kind WHEN 'expert' THEN 0 ELSE 1 END, "
    "CASE s.title_level WHEN 'full_senior' THEN 0 WHEN 'senior' THEN 1 WHEN 'intermediate' THEN 2 ELSE "
    "3 END, s.name";

}  // namespace

bool plan_of(db::Connection& db, std::int64_t plan_id, std::int64_t enterprise_id,
             std::int64_t agency_org_id) {
  return !db.query(kSelectPlanOf, {plan_id, enterprise_id, agency_org_id}).empty();
}

std::optional<std::int64_t> accepted_commission_item(db::Connection& db, std::int64_t enterprise_id,
                                                     std::int64_t agency_org_id) {
  auto rows = db.query(kSelectAcceptedItem, {enterprise_id, agency_org_id});
  if (rows.empty()) return std::nullopt;
  return rows[0].integer("id");
}

std::vector<std::int64_t> visit_type_versions(db::Connection& db, std::int64_t visit_id) {
  return db.query(kSelectServiceTypes, {visit_id}).integers("service_type_version_id");
}

std::int64_t insert_visit(db::Connection& db, const VisitInput& input, const std::string& now) {
  return db
      .query(kInsertVisit,
             {input.enterprise_id, input.agency_org_id, db::optional_value(input.commission_item_id),
              db::optional_value(input.plan_id), input.planned_on, std::int64_t{input.duration_days},
              std::int64_t{input.special_request}, input.notes, now, now})[0]
      .integer("id");
}

void update_visit_row(db::Connection& db, std::int64_t id, const VisitInput& input, const std::string& now) {
  db.execute(kUpdateVisit,
             {db::optional_value(input.plan_id), input.planned_on, std::int64_t{input.duration_days},
              std::int64_t{input.special_request}, input.notes, now, id});
}

void write_team_and_types(db::Connection& db, std::int64_t id, const VisitInput& input) {
  db.execute(kDeleteTeam, {id});
  db.execute(kDeleteServiceTypes, {id});
  const auto leader = input.leader_staff_id.value_or(input.staff_ids.empty() ? 0 : input.staff_ids.front());
  for (auto staff : input.staff_ids)
    db.execute(kInsertTeamMember, {id, staff, std::int64_t{staff == leader}});
  for (const auto& type : input.service_types) db.execute(kInsertServiceType, {id, type.version_id});
}

db::Rows team_candidates(db::Connection& db, const std::string& agency_ids, const std::string& day) {
  const auto agency_staff = in_id_set(db.dialect(), "s.org_id", agency_ids);
  db::Params params{day};  // the busy count's day comes first in the statement
  params.insert(params.end(), agency_staff.params().begin(), agency_staff.params().end());
  return db.query(kSelectTeamCandidates + agency_staff.condition() + kTeamCandidateOrder, params);
}

}  // namespace rw::services
