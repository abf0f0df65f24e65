#pragma once
// The SQL of inspections: the inspection with its visit's parties, answers with their versions, findings,
// the visit's photo consent.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "forms/form_rules.hpp"
#include "platform/db/database.hpp"

namespace rw::inspections {

// The inspection with what its workflow asks of the visit (status, team, agency, commissioning insurer) and
// the enterprise fields a template's conditions read.
extern const char* const kSelectInspection;
std::optional<db::Row> inspection_row(db::Connection& db, std::int64_t id);
db::Rows visit_inspection_rows(db::Connection& db, std::int64_t visit_id);
// Only the inspection's status, its visit's status and visit_id: two rows by key, for a recheck.
std::optional<db::Row> status_row(db::Connection& db, std::int64_t id);
// The visit of an inspection, the inspection of a finding (nullopt when there is none).
std::optional<std::int64_t> visit_of_inspection(db::Connection& db, std::int64_t id);
std::optional<std::int64_t> inspection_of_finding(db::Connection& db, std::int64_t finding_id);
forms::EnterpriseFacts enterprise_facts(const db::Row& inspection);

// Opens one inspection per template (already open ones are kept: "进一次门、查多项事" opens each once).
void open_inspections(db::Connection& db, std::int64_t visit_id,
                      const std::vector<std::int64_t>& template_ids, const std::string& now);
// Opens the visit's inspections from its service types' templates.
void open_visit_inspections(db::Connection& db, std::int64_t visit_id, const std::string& now);

struct StoredAnswer {
  nlohmann::json answer;  // {value, detail?, note?, photos?}
  std::int64_t version = 0;
  std::string edited_at;
  std::int64_t answered_by = 0;
  std::string updated_at;
};
std::map<std::string, StoredAnswer> answers_of(db::Connection& db, std::int64_t inspection_id);
// The same read as a statement (Connection::query_each) and its rows as answers.
db::Statement answers_of(std::int64_t inspection_id);
std::map<std::string, StoredAnswer> answers_from(const db::Rows& rows);
// The answers alone, as the form rules read them.
forms::Answers answer_values(const std::map<std::string, StoredAnswer>& stored);
std::optional<StoredAnswer> answer_of(db::Connection& db, std::int64_t inspection_id,
                                      const std::string& item_id);
// Writes the answer as the version after the one stored (or the first); false when another writer got there
// first — the stored version is no longer answer.version - 1, or a first answer exists already.
bool write_answer(db::Connection& db, std::int64_t inspection_id, const std::string& item_id,
                  const StoredAnswer& answer, bool exists);

db::Rows findings_of(db::Connection& db, std::int64_t inspection_id);
db::Statement findings_of(std::int64_t inspection_id);
// Replaces the findings the template raised (the inspector's own stay, and so do those that became hazards).
void replace_raised_findings(db::Connection& db, std::int64_t inspection_id, std::int64_t enterprise_id,
                             const std::vector<forms::RaisedFinding>& findings, std::int64_t by,
                             const std::string& now);
std::int64_t insert_finding(db::Connection& db, std::int64_t inspection_id, std::int64_t enterprise_id,
                            const forms::RaisedFinding& finding, std::int64_t by, const std::string& now,
                            const std::optional<std::string>& client_id = std::nullopt);
// The finding an earlier sync recorded under the phone's id.
std::optional<std::int64_t> finding_of_client(db::Connection& db, std::int64_t inspection_id,
                                              const std::string& client_id);

void set_score(db::Connection& db, std::int64_t id, std::optional<double> score, const std::string& now);
void set_submitted(db::Connection& db, std::int64_t id, std::int64_t by, const std::string& now);
void set_status(db::Connection& db, std::int64_t id, const std::string& status, const std::string& now);
void set_signed(db::Connection& db, std::int64_t id, const std::string& signer,
                std::int64_t signature_file_id, const std::string& now);
void touch(db::Connection& db, std::int64_t id, const std::string& now);

std::optional<db::Row> photo_consent(db::Connection& db, std::int64_t visit_id);
db::Statement photo_consent(std::int64_t visit_id);  // no row: none recorded
// The visit of the inspection whose id is the parameter, as an SQL expression: what the inspection's page
// reads of its visit (the consent below, its team) goes out with the inspection's row.
extern const char* const kVisitOfInspection;
// By the inspection's id, the consent recorded on its visit.
db::Statement photo_consent_of_inspection(std::int64_t inspection_id);
void record_photo_consent(db::Connection& db, std::int64_t visit_id, const std::string& person,
                          std::int64_t by, const std::string& now);

}  // namespace rw::inspections
