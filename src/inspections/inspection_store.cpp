#include "inspections/inspection_store.hpp"

#include <set>
#include <utility>

#include "inspections/template_store.hpp"

namespace rw::inspections {

const char* const kSelectInspection =
    "SELECT i.id, i.visit_id, i.template_id, i.enterprise_id, i.agency_org_id, i.status, i.score, "
    "i.submitted_at, i.submitted_by, i.signer_name, i.signature_file_id, i.signed_at, i.created_at, "
    "i.updated_at, t.code AS template_code, t.version AS template_version, t.name AS template_name, "
    "v.status AS visit_status, v.planned_on, v.started_at AS visit_started_at, "
    "(SELECT ci.insurer_org_id FROM commission_items ci WHERE ci.id = v.commission_item_id) AS "
    "insurer_org_id, "
    "e.name AS enterprise_name, e.tags, e.permit_type, e.scale, e.industry_code, e.production_status, "
    "e.risk_level "
    "FROM inspections i JOIN checklist_templates t ON t.id = i.template_id "
    "JOIN visits v ON v.id = i.visit_id JOIN enterprises e ON e.id = i.enterprise_id ";

namespace {

constexpr const char* kSelectStatuses =
    "SELECT i.status, v.status AS visit_status, i.visit_id "
    "FROM inspections i JOIN visits v ON v.id = i.visit_id WHERE i.id = ?";
constexpr const char* kSelectVisitOf = "SELECT visit_id AS id FROM inspections WHERE id = ?";
constexpr const char* kSelectInspectionOf =
    "SELECT inspection_id AS id FROM inspection_findings WHERE id = ?";
constexpr const char* kInsertInspection =
    "INSERT INTO inspections (visit_id, template_id, enterprise_id, agency_org_id, created_at, updated_at) "
    "SELECT v.id, ?, v.enterprise_id, v.agency_org_id, ?, ? FROM visits v WHERE v.id = ? "
    "AND NOT EXISTS (SELECT 1 FROM inspections i WHERE i.visit_id = v.id AND i.template_id = ?)";
constexpr const char* kSelectAnswers =
    "SELECT item_id, value, version, edited_at, answered_by, updated_at FROM inspection_answers "
    "WHERE inspection_id = ?";
constexpr const char* kSelectAnswer =
    "SELECT item_id, value, version, edited_at, answered_by, updated_at FROM inspection_answers "
    "WHERE inspection_id = ? AND item_id = ?";
constexpr const char* kInsertAnswer =
    "INSERT INTO inspection_answers (inspection_id, item_id, value, version, edited_at, answered_by, "
    "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (inspection_id, item_id) DO NOTHING";
constexpr const char* kUpdateAnswer =
    "UPDATE inspection_answers SET value = ?, version = ?, edited_at = ?, answered_by = ?, updated_at = ? "
    "WHERE inspection_id = ? AND item_id = ? AND version = ?";
constexpr const char* kSelectFindings =
    "SELECT id, item_id, option_value, category, grade, description, suggestion, basis, photo_file_ids, "
    "created_at, created_by FROM inspection_findings WHERE inspection_id = ? ORDER BY id";
// A finding that became a hazard stays (the hazard links to it); the same item and option is not raised
// twice.
constexpr const char* kDeleteRaised =
    "DELETE FROM inspection_findings WHERE inspection_id = ? AND option_value <> '' "
    "AND NOT EXISTS (SELECT 1 FROM hazards h WHERE h.finding_id = inspection_findings.id)";
constexpr const char* kSelectKeptRaised =
    "SELECT item_id, option_value FROM inspection_findings WHERE inspection_id = ? AND option_value <> ''";
constexpr const char* kInsertFinding =
    "INSERT INTO inspection_findings (inspection_id, enterprise_id, item_id, option_value, category, grade, "
    "description, suggestion, basis, photo_file_ids, client_id, created_at, created_by) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kSelectClientFinding =
    "SELECT id FROM inspection_findings WHERE inspection_id = ? AND client_id = ?";
constexpr const char* kUpdateScore = "UPDATE inspections SET score = ?, updated_at = ? WHERE id = ?";
constexpr const char* kUpdateSubmitted =
    "UPDATE inspections SET status = 'submitted', submitted_at = ?, submitted_by = ?, updated_at = ? WHERE "
    "id = ?";
constexpr const char* kUpdateStatus = "UPDATE inspections SET status = ?, updated_at = ? WHERE id = ?";
constexpr const char* kUpdateSigned =
    "UPDATE inspections SET status = 'signed', signer_name = ?, signature_file_id = ?, signed_at = ?, "
    "updated_at = ? WHERE id = ?";
constexpr const char* kTouch = "UPDATE inspections SET updated_at = ? WHERE id = ?";
// kSelectConsent + the visit's id.
constexpr const char* kSelectConsent =
    "SELECT visit_id, consenting_person, recorded_by, recorded_at FROM visit_photo_consents WHERE visit_id "
    "= ";
constexpr const char* kInsertConsent =
    "INSERT INTO visit_photo_consents (visit_id, consenting_person, recorded_by, recorded_at) VALUES (?, ?, "
    "?, ?)";

StoredAnswer stored_answer(const db::Row& row) {
  return {nlohmann::json::parse(row.text("value")), row.integer("version"), row.text("edited_at"),
          row.integer("answered_by"), row.text("updated_at")};
}

std::optional<std::int64_t> single_id(db::Connection& db, const char* sql, std::int64_t key) {
  const auto rows = db.query(sql, {key});
  if (rows.empty()) return std::nullopt;
  return rows[0].integer("id");
}

}  // namespace

const char* const kVisitOfInspection = "(SELECT vi.visit_id FROM inspections vi WHERE vi.id = ?)";

std::optional<db::Row> inspection_row(db::Connection& db, std::int64_t id) {
  auto rows = db.query(std::string(kSelectInspection) + "WHERE i.id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return rows[0];
}

db::Rows visit_inspection_rows(db::Connection& db, std::int64_t visit_id) {
  return db.query(std::string(kSelectInspection) + "WHERE i.visit_id = ? ORDER BY i.id", {visit_id});
}

std::optional<db::Row> status_row(db::Connection& db, std::int64_t id) {
  auto rows = db.query(kSelectStatuses, {id});
  if (rows.empty()) return std::nullopt;
  return rows[0];
}

std::optional<std::int64_t> visit_of_inspection(db::Connection& db, std::int64_t id) {
  return single_id(db, kSelectVisitOf, id);
}

std::optional<std::int64_t> inspection_of_finding(db::Connection& db, std::int64_t finding_id) {
  return single_id(db, kSelectInspectionOf, finding_id);
}

forms::EnterpriseFacts enterprise_facts(const db::Row& inspection) {
  forms::EnterpriseFacts facts;
  facts["tags"] = nlohmann::json::parse(inspection.text("tags")).get<std::vector<std::string>>();
  for (const char* field : {"permit_type", "scale", "industry_code", "production_status", "risk_level"})
    facts[field] = {inspection.text(field)};
  return facts;
}

void open_inspections(db::Connection& db, std::int64_t visit_id,
                      const std::vector<std::int64_t>& template_ids, const std::string& now) {
  for (const auto template_id : template_ids)
    db.execute(kInsertInspection, {template_id, now, now, visit_id, template_id});
}

void open_visit_inspections(db::Connection& db, std::int64_t visit_id, const std::string& now) {
  open_inspections(db, visit_id, templates_for_visit(db, visit_id), now);
}

std::map<std::string, StoredAnswer> answers_of(db::Connection& db, std::int64_t inspection_id) {
  return answers_from(db.query(answers_of(inspection_id)));
}

db::Statement answers_of(std::int64_t inspection_id) { return {kSelectAnswers, {inspection_id}}; }

std::map<std::string, StoredAnswer> answers_from(const db::Rows& rows) {
  std::map<std::string, StoredAnswer> out;
  for (std::size_t i = 0; i < rows.size(); ++i) out[rows[i].text("item_id")] = stored_answer(rows[i]);
  return out;
}

forms::Answers answer_values(const std::map<std::string, StoredAnswer>& stored) {
  forms::Answers out;
  for (const auto& [item, a] : stored) out[item] = a.answer;
  return out;
}

std::optional<StoredAnswer> answer_of(db::Connection& db, std::int64_t inspection_id,
                                      const std::string& item_id) {
  auto rows = db.query(kSelectAnswer, {inspection_id, item_id});
  if (rows.empty()) return std::nullopt;
  return stored_answer(rows[0]);
}

bool write_answer(db::Connection& db, std::int64_t inspection_id, const std::string& item_id,
                  const StoredAnswer& answer, bool exists) {
  if (exists)
    return db.execute(kUpdateAnswer,
                      {answer.answer.dump(), answer.version, answer.edited_at, answer.answered_by,
                       answer.updated_at, inspection_id, item_id, answer.version - 1}) == 1;
  return db.execute(kInsertAnswer, {inspection_id, item_id, answer.answer.dump(), answer.version,
                                    answer.edited_at, answer.answered_by, answer.updated_at}) == 1;
}

db::Rows findings_of(db::Connection& db, std::int64_t inspection_id) {
  return db.query(findings_of(inspection_id));
}

db::Statement findings_of(std::int64_t inspection_id) { return {kSelectFindings, {inspection_id}}; }

std::int64_t insert_finding(db::Connection& db, std::int64_t inspection_id, std::int64_t enterprise_id,
                            const forms::RaisedFinding& raised, std::int64_t by, const std::string& now,
                            const std::optional<std::string>& client_id) {
  const auto& f = raised.finding;
  return db
      .query(kInsertFinding,
             {inspection_id, enterprise_id, raised.item_id, raised.option_value, f.category, f.grade,
              f.description, f.suggestion, f.basis, nlohmann::json(raised.photo_file_ids).dump(),
              db::optional_value(client_id), now, by})[0]
      .integer("id");
}

std::optional<std::int64_t> finding_of_client(db::Connection& db, std::int64_t inspection_id,
                                              const std::string& client_id) {
  auto rows = db.query(kSelectClientFinding, {inspection_id, client_id});
  if (rows.empty()) return std::nullopt;
  return rows[0].integer("id");
}

void replace_raised_findings(db::Connection& db, std::int64_t inspection_id, std::int64_t enterprise_id,
                             const std::vector<forms::RaisedFinding>& findings, std::int64_t by,
                             const std::string& now) {
  db.execute(kDeleteRaised, {inspection_id});
  std::set<std::pair<std::string, std::string>> kept;
  const auto rows = db.query(kSelectKeptRaised, {inspection_id});
  for (std::size_t i = 0; i < rows.size(); ++i)
    kept.emplace(rows[i].text("item_id"), rows[i].text("option_value"));
  for (const auto& f : findings)
    if (!kept.count({f.item_id, f.option_value}))
      insert_finding(db, inspection_id, enterprise_id, f, by, now);
}

void set_score(db::Connection& db, std::int64_t id, std::optional<double> score, const std::string& now) {
  db.execute(kUpdateScore, {db::optional_value(score), now, id});
}

void set_submitted(db::Connection& db, std::int64_t id, std::int64_t by, const std::string& now) {
  db.execute(kUpdateSubmitted, {now, by, now, id});
}

void set_status(db::Connection& db, std::int64_t id, const std::string& status, const std::string& now) {
  db.execute(kUpdateStatus, {status, now, id});
}

void set_signed(db::Connection& db, std::int64_t id, const std::string& signer,
                std::int64_t signature_file_id, const std::string& now) {
  db.execute(kUpdateSigned, {signer, signature_file_id, now, now, id});
}

void touch(db::Connection& db, std::int64_t id, const std::string& now) { db.execute(kTouch, {now, id}); }

std::optional<db::Row> photo_consent(db::Connection& db, std::int64_t visit_id) {
  auto rows = db.query(photo_consent(visit_id));
  if (rows.empty()) return std::nullopt;
  return rows[0];
}

db::Statement photo_consent(std::int64_t visit_id) { return {std::string(kSelectConsent) + "?", {visit_id}}; }

db::Statement photo_consent_of_inspection(std::int64_t inspection_id) {
  return {std::string(kSelectConsent) + kVisitOfInspection, {inspection_id}};
}

void record_photo_consent(db::Connection& db, std::int64_t visit_id, const std::string& person,
                          std::int64_t by, const std::string& now) {
  db.execute(kInsertConsent, {visit_id, person, by, now});
}

}  // namespace rw::inspections
