#include "hazards/hazard_store.hpp"

#include <nlohmann/json.hpp>

#include "accounts/scope.hpp"

namespace rw::hazards {
namespace {

std::string ids_json(const std::vector<std::int64_t>& ids) { return nlohmann::json(ids).dump(); }

constexpr const char* kInsertHazard =
    "INSERT INTO hazards (enterprise_id, agency_org_id, visit_id, inspection_id, finding_id, item_id, "
    "found_on, found_by, domain, category, sub_category, description, location, photo_file_ids, grade, "
    "basis, suggestion, remarks, created_by, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kUpdateFacts =
    "UPDATE hazards SET domain = ?, category = ?, sub_category = ?, description = ?, location = ?, "
    "photo_file_ids = ?, grade = ?, basis = ?, suggestion = ?, remarks = ?, updated_at = ? WHERE id = ?";
constexpr const char* kSelectOfFinding = "SELECT id FROM hazards WHERE finding_id = ?";
constexpr const char* kUpdateStatus = "UPDATE hazards SET status = ?, updated_at = ? WHERE id = ?";
constexpr const char* kUpdateDue =
    "UPDATE hazards SET due_on = ?, due_amount = ?, due_unit = ?, updated_at = ? WHERE id = ?";
constexpr const char* kUpdatePlan =
    "UPDATE hazards SET plan_measures = ?, plan_due_on = ?, plan_responsible = ?, plan_funds_fen = ?, "
    "updated_at = ? WHERE id = ?";
constexpr const char* kUpdateEvidence =
    "UPDATE hazards SET evidence_description = ?, evidence_photo_file_ids = ?, updated_at = ? WHERE id = ?";
constexpr const char* kUpdateAcceptance =
    "UPDATE hazards SET accepted_on = ?, accepted_by = ?, acceptance_result = ?, "
    "acceptance_photo_file_ids = ?, updated_at = ? WHERE id = ?";
constexpr const char* kUpdateAgency = "UPDATE hazards SET agency_org_id = ?, updated_at = ? WHERE id = ?";
constexpr const char* kInsertProgress =
    "INSERT INTO hazard_progress (hazard_id, note, photo_file_ids, created_by, created_at) VALUES (?, ?, ?, "
    "?, ?)";
constexpr const char* kSelectProgress =
    "SELECT p.id, p.note, p.photo_file_ids, p.created_by, u.display_name, p.created_at FROM hazard_progress "
    "p "
    "LEFT JOIN users u ON u.id = p.created_by WHERE p.hazard_id = ? ORDER BY p.id";
constexpr const char* kSelectEarlier =
    "SELECT h.id, h.grade, h.status FROM hazards h JOIN visits v ON v.id = h.visit_id "
    "WHERE h.enterprise_id = ? AND h.visit_id <> ? "
    "AND v.planned_on <= (SELECT planned_on FROM visits WHERE id = ?) ORDER BY h.id";
constexpr const char* kInsertRecheck =
    "INSERT INTO hazard_rechecks (visit_id, hazard_id, created_at) SELECT ?, ?, ? WHERE NOT EXISTS "
    "(SELECT 1 FROM hazard_rechecks WHERE visit_id = ? AND hazard_id = ?)";
const std::string kRecheckColumns =
    "r.visit_id, r.hazard_id, r.result, r.note, r.checked_by, r.checked_at, u.display_name AS checker";
const std::string kSelectRechecks =
    "SELECT " + kRecheckColumns + " FROM hazard_rechecks r LEFT JOIN users u ON u.id = r.checked_by ";
constexpr const char* kUpdateRecheck =
    "UPDATE hazard_rechecks SET result = ?, note = ?, checked_by = ?, checked_at = ? WHERE visit_id = ? AND "
    "hazard_id = ?";
constexpr const char* kSelectPastDue =
    "SELECT h.id, h.enterprise_id, h.agency_org_id, h.grade, h.due_on, h.description, e.name AS "
    "enterprise_name, "
    "e.region_id FROM hazards h JOIN enterprises e ON e.id = h.enterprise_id "
    "WHERE h.due_on < ? AND h.status <> 'verified_closed' AND h.escalated_on IS NULL ORDER BY h.id";
constexpr const char* kInsertEscalation =
    "INSERT INTO hazard_escalations (hazard_id, enterprise_id, agency_org_id, rule, due_on, "
    "working_days_overdue, "
    "escalated_on, regulator_org_ids, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kMarkEscalated = "UPDATE hazards SET escalated_on = ? WHERE id = ?";
constexpr const char* kSelectEnterpriseName = "SELECT name FROM enterprises WHERE id = ?";
constexpr const char* kSelectRegionName = "SELECT name FROM regions WHERE id = ?";
constexpr const char* kSelectOrganizationName = "SELECT name FROM organizations WHERE id = ?";
constexpr const char* kSelectRegulatorsOver =
    "WITH RECURSIVE up (id, parent_id) AS (SELECT id, parent_id FROM regions WHERE id = ? "
    "UNION ALL SELECT r.id, r.parent_id FROM regions r JOIN up ON r.id = up.parent_id) "
    "SELECT DISTINCT o.id FROM organizations o JOIN organization_regions orr ON orr.org_id = o.id "
    "WHERE o.type = 'regulator' AND o.active = 1 AND orr.region_id IN (SELECT id FROM up) ORDER BY o.id";

}  // namespace

const char* const kSelectHazard =
    "SELECT h.*, e.name AS enterprise_name, e.org_id AS enterprise_org_id, "
    "a.name AS agency_name, v.planned_on AS visit_planned_on, v.status AS visit_status FROM hazards h "
    "JOIN enterprises e ON e.id = h.enterprise_id JOIN organizations a ON a.id = h.agency_org_id "
    "JOIN visits v ON v.id = h.visit_id";
// The filters and the access sets read the hazard's own columns, so the page's ids come from its indexes.
// Past the total's cap the page walks back an index of the id and the columns they test (V038).
const DeferredList kHazardList{kSelectHazard, {"hazards h"}, "h.id", "hazards h INDEXED BY hazards_by_id"};
SqlFilter of_regions(db::Dialect dialect, const std::vector<std::int64_t>& region_ids) {
  return accounts::in_regions(dialect, "h.region_id", region_ids);
}

const char* const kSelectEscalation =
    "SELECT x.*, e.name AS enterprise_name, a.name AS agency_name, h.grade, h.description, h.status "
    "FROM hazard_escalations x JOIN enterprises e ON e.id = x.enterprise_id "
    "JOIN organizations a ON a.id = x.agency_org_id JOIN hazards h ON h.id = x.hazard_id";
const DeferredList kEscalationList{
    kSelectEscalation, {"hazard_escalations x"}, "x.id", "hazard_escalations x NOT INDEXED"};

std::int64_t insert_hazard(db::Connection& db, const NewHazard& h, const std::string& now) {
  const auto& f = h.facts;
  return db
      .query(kInsertHazard, {h.enterprise_id,
                             h.agency_org_id,
                             h.visit_id,
                             db::optional_value(h.inspection_id),
                             db::optional_value(h.finding_id),
                             h.item_id,
                             h.found_on,
                             h.found_by,
                             f.domain,
                             f.category,
                             f.sub_category,
                             f.description,
                             f.location,
                             ids_json(f.photos),
                             f.grade,
                             f.basis,
                             f.suggestion,
                             f.remarks,
                             h.created_by,
                             now,
                             now})[0]
      .integer("id");
}

void update_facts(db::Connection& db, std::int64_t id, const HazardFacts& f, const std::string& now) {
  db.execute(kUpdateFacts, {f.domain, f.category, f.sub_category, f.description, f.location,
                            ids_json(f.photos), f.grade, f.basis, f.suggestion, f.remarks, now, id});
}

std::optional<db::Row> hazard_row(db::Connection& db, std::int64_t id) {
  auto rows = db.query(std::string(kSelectHazard) + " WHERE h.id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return rows[0];
}

db::Rows hazards_of_visit(db::Connection& db, std::int64_t visit_id) {
  return db.query(std::string(kSelectHazard) + " WHERE h.visit_id = ? ORDER BY h.id", {visit_id});
}

std::optional<std::int64_t> hazard_of_finding(db::Connection& db, std::int64_t finding_id) {
  auto rows = db.query(kSelectOfFinding, {finding_id});
  if (rows.empty()) return std::nullopt;
  return rows[0].integer("id");
}

void set_status(db::Connection& db, std::int64_t id, const std::string& status, const std::string& now) {
  db.execute(kUpdateStatus, {status, now, id});
}

void set_due(db::Connection& db, std::int64_t id, const std::string& due_on, int amount,
             const std::string& unit, const std::string& now) {
  db.execute(kUpdateDue, {due_on, std::int64_t{amount}, unit, now, id});
}

void set_plan(db::Connection& db, std::int64_t id, const Plan& plan, const std::string& now) {
  db.execute(kUpdatePlan,
             {plan.measures, plan.due_on, plan.responsible, db::optional_value(plan.funds_fen), now, id});
}

void set_evidence(db::Connection& db, std::int64_t id, const std::string& description,
                  const std::vector<std::int64_t>& photos, const std::string& now) {
  db.execute(kUpdateEvidence, {description, ids_json(photos), now, id});
}

void set_acceptance(db::Connection& db, std::int64_t id, const Acceptance& a, const std::string& now) {
  db.execute(kUpdateAcceptance, {a.accepted_on, a.accepted_by, a.result, ids_json(a.photos), now, id});
}

void set_agency(db::Connection& db, std::int64_t id, std::int64_t agency_org_id, const std::string& now) {
  db.execute(kUpdateAgency, {agency_org_id, now, id});
}

void insert_progress(db::Connection& db, std::int64_t hazard_id, const std::string& note,
                     const std::vector<std::int64_t>& photos, std::int64_t by, const std::string& now) {
  db.execute(kInsertProgress, {hazard_id, note, ids_json(photos), by, now});
}

db::Statement progress_of(std::int64_t hazard_id) { return {kSelectProgress, {hazard_id}}; }

db::Rows earlier_hazards(db::Connection& db, std::int64_t enterprise_id, std::int64_t visit_id) {
  return db.query(kSelectEarlier, {enterprise_id, visit_id, visit_id});
}

void list_for_recheck(db::Connection& db, std::int64_t visit_id, const std::vector<std::int64_t>& hazard_ids,
                      const std::string& now) {
  for (const auto hazard_id : hazard_ids)
    db.execute(kInsertRecheck, {visit_id, hazard_id, now, visit_id, hazard_id});
}

db::Statement rechecks_of_visit(std::int64_t visit_id) {
  return {
      "SELECT " + kRecheckColumns +
          ", h.found_on, h.visit_id AS hazard_visit_id, h.grade, h.domain, h.category, h.description, "
          "h.location, h.suggestion, h.status FROM hazard_rechecks r JOIN hazards h ON h.id = r.hazard_id "
          "LEFT JOIN users u ON u.id = r.checked_by WHERE r.visit_id = ? ORDER BY r.hazard_id",
      {visit_id}};
}

db::Statement rechecks_of_hazard(std::int64_t hazard_id) {
  return {kSelectRechecks + "WHERE r.hazard_id = ? ORDER BY r.visit_id", {hazard_id}};
}

std::optional<db::Row> recheck_row(db::Connection& db, std::int64_t visit_id, std::int64_t hazard_id) {
  auto rows = db.query(kSelectRechecks + "WHERE r.visit_id = ? AND r.hazard_id = ?", {visit_id, hazard_id});
  if (rows.empty()) return std::nullopt;
  return rows[0];
}

void set_recheck_result(db::Connection& db, std::int64_t visit_id, std::int64_t hazard_id,
                        const std::string& result, const std::string& note, std::int64_t by,
                        const std::string& now) {
  db.execute(kUpdateRecheck, {result, note, by, now, visit_id, hazard_id});
}

db::Rows hazards_past_due(db::Connection& db, const std::string& today) {
  return db.query(kSelectPastDue, {today});
}

void insert_escalation(db::Connection& db, const NewEscalation& x, const std::string& now) {
  db.execute(kInsertEscalation,
             {x.hazard_id, x.enterprise_id, x.agency_org_id, x.rule, x.due_on,
              std::int64_t{x.working_days_overdue}, x.escalated_on, ids_json(x.regulator_org_ids), now});
  db.execute(kMarkEscalated, {x.escalated_on, x.hazard_id});
}

std::vector<std::int64_t> regulators_over(db::Connection& db, std::int64_t region_id) {
  return db.query(kSelectRegulatorsOver, {region_id}).integers("id");
}

std::optional<std::string> subject_name(db::Connection& db, const std::string& kind, std::int64_t id) {
  const char* sql = kind == "enterprise" ? kSelectEnterpriseName
                    : kind == "region"   ? kSelectRegionName
                                         : kSelectOrganizationName;
  auto rows = db.query(sql, {id});
  if (rows.empty()) return std::nullopt;
  return rows[0].text("name");
}

}  // namespace rw::hazards
