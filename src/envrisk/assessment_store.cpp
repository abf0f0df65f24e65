#include "envrisk/assessment_store.hpp"

namespace rw::envrisk {

const char* const kSelectAssessment =
    "SELECT ra.*, e.name AS enterprise_name, o.name AS org_name, t.version AS table_version, "
    "cu.display_name AS created_by_name, ru.display_name AS reviewed_by_name, "
    "rs.visit_id AS report_visit_id, rs.version AS report_version, rs.status AS report_status, "
    "rs.title AS report_title "
    "FROM env_risk_assessments ra JOIN enterprises e ON e.id = ra.enterprise_id "
    "JOIN organizations o ON o.id = ra.org_id JOIN env_risk_tables t ON t.id = ra.table_id "
    "JOIN users cu ON cu.id = ra.created_by LEFT JOIN users ru ON ru.id = ra.reviewed_by "
    "LEFT JOIN report_submissions rs ON rs.id = "
    "(SELECT MAX(id) FROM report_submissions WHERE env_risk_assessment_id = ra.id)";

namespace {

constexpr const char* kInsert =
    "INSERT INTO env_risk_assessments (enterprise_id, org_id, table_id, level, label, inputs, result, "
    "assessed_on, "
    "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kById = " WHERE ra.id = ?";
// The page's ids from the assessments alone; a page of newest ids walks the table back from its end when
// 3,000 or more match (a regulator's: the ids of its enterprises' assessments gathered and sorted took 7 ms
// at province scale; an insurer's 4,500 in the CLI, 1.4 -> 0.2 ms). With fewer, the walk would pass more
// assessments than sorting reads.
const DeferredList kAssessmentList{
    .select = kSelectAssessment,
    .from = {"env_risk_assessments ra", {{"e", "JOIN enterprises e ON e.id = ra.enterprise_id"}}},
    .id = "ra.id",
    .scan_from = "env_risk_assessments ra NOT INDEXED",
    .scan_at_total = 3'000};
constexpr const char* kSetReviewed =
    "UPDATE env_risk_assessments SET status = 'reviewed', reviewed_by = ?, reviewed_at = ? WHERE id = ?";
constexpr const char* kLatestReviewed =
    "SELECT id, level, label, assessed_on, table_id FROM env_risk_assessments WHERE enterprise_id = ? AND "
    "status = "
    "'reviewed' ORDER BY assessed_on DESC, id DESC LIMIT 1";
constexpr const char* kSetEnterpriseRisk =
    "UPDATE enterprises SET risk_level = ?, risk_assessed_on = ?, risk_source = ?, risk_label = ?, "
    "updated_at = ? "
    "WHERE id = ?";

}  // namespace

std::int64_t insert_assessment(db::Connection& db, const NewAssessment& a) {
  return db
      .query(kInsert, {a.enterprise_id, a.org_id, a.table_id, a.level, a.label, a.inputs, a.result,
                       a.assessed_on, a.created_by, a.created_at})[0]
      .integer("id");
}

std::optional<db::Row> assessment_row(db::Connection& db, std::int64_t id) {
  auto rows = db.query(std::string(kSelectAssessment) + kById, {id});
  if (rows.empty()) return std::nullopt;
  return rows[0];
}

PageOfRows assessment_page(db::Connection& db, const SqlFilter& where, const Page& page) {
  return select_page(db, kAssessmentList, where, "ra.id DESC", page);
}

std::optional<db::Row> newest_assessment(db::Connection& db, const SqlFilter& where) {
  auto rows =
      db.query(std::string(kSelectAssessment) + where.sql() + " ORDER BY ra.id DESC LIMIT 1", where.params());
  if (rows.empty()) return std::nullopt;
  return rows[0];
}

void set_reviewed(db::Connection& db, std::int64_t id, std::int64_t by, const std::string& at) {
  db.execute(kSetReviewed, {by, at, id});
}

std::optional<db::Row> latest_reviewed(db::Connection& db, std::int64_t enterprise_id) {
  auto rows = db.query(kLatestReviewed, {enterprise_id});
  if (rows.empty()) return std::nullopt;
  return rows[0];
}

void set_enterprise_risk(db::Connection& db, std::int64_t enterprise_id, const std::string& level,
                         const std::string& assessed_on, const std::string& source, const std::string& label,
                         const std::string& now) {
  db.execute(kSetEnterpriseRisk, {level, assessed_on, source, label, now, enterprise_id});
}

}  // namespace rw::envrisk
