#include "inspections/inspection_service.hpp"

#include <nlohmann/json.hpp>

#include <regex>
#include <set>

#include "access/visibility.hpp"
#include "audit/audit_listing.hpp"
#include "audit/audit_log.hpp"
#include "inspections/inspection_files.hpp"
#include "inspections/inspection_flow.hpp"
#include "inspections/inspection_store.hpp"
#include "inspections/inspection_vocabularies.hpp"
#include "inspections/template_store.hpp"
#include "platform/errors.hpp"
#include "platform/json_input.hpp"
#include "platform/json_rows.hpp"
#include "platform/paging.hpp"
#include "services/status_history.hpp"
#include "services/visit_listing.hpp"
#include "workflow/engine.hpp"

namespace rw::inspections {
namespace {

using nlohmann::json;

constexpr const char* kSelectList =
    "SELECT i.id, i.visit_id, i.template_id, i.enterprise_id, i.agency_org_id, i.status, i.score, "
    "i.submitted_at, "
    "i.signed_at, i.signer_name, i.created_at, i.updated_at, t.code AS template_code, t.version AS "
    "template_version, "
    "t.name AS template_name, e.name AS enterprise_name, v.planned_on, "
    "(SELECT COUNT(*) FROM inspection_answers a WHERE a.inspection_id = i.id) AS answered, "
    "(SELECT COUNT(*) FROM inspection_findings f WHERE f.inspection_id = i.id) AS findings "
    "FROM inspections i JOIN checklist_templates t ON t.id = i.template_id "
    "JOIN enterprises e ON e.id = i.enterprise_id JOIN visits v ON v.id = i.visit_id";
// The filters read the inspection's own columns only (the access sets are on them too): the page's ids come
// from them, the display joins and counts for those alone. Past the total's cap, the newest are a walk back
// from the end of the table, where the indexes of a regulator's three access rules would gather every
// match to sort them (province: 20 -> 2 ms in the CLI).
const DeferredList kInspectionList{kSelectList, {"inspections i"}, "i.id", "inspections i NOT INDEXED"};

json answer_json(const std::string& item_id, const StoredAnswer& a) {
  json out = a.answer;
  out["item_id"] = item_id;
  out["version"] = a.version;
  out["edited_at"] = a.edited_at;
  out["answered_by"] = a.answered_by;
  out["updated_at"] = a.updated_at;
  return out;
}

json finding_json(const db::Row& row) {
  return {{"id", row.integer("id")},
          {"item_id", row.text("item_id")},
          {"raised_by_option", row.text("option_value")},
          {"category", row.text("category")},
          {"grade", row.text("grade")},
          {"description", row.text("description")},
          {"suggestion", row.text("suggestion")},
          {"basis", row.text("basis")},
          {"photos", json::parse(row.text("photo_file_ids"))},
          {"created_at", row.text("created_at")}};
}

// The reviewers' changes after the signature, from the audit log: [{at, user, item_id, from, to, reason}].
json amendments(const json& entries) {
  json out = json::array();
  for (const auto& entry : entries) {
    const auto& change = entry["changes"];
    if (!change.is_object()) continue;
    const auto answer = change.value("answer", json::object());
    out.push_back({{"at", entry["at"]},
                   {"user", entry["user"]},
                   {"item_id", change.value("item", "")},
                   {"from", answer.value("from", json())},
                   {"to", answer.value("to", json())},
                   {"reason", change.value("reason", "")}});
  }
  return out;
}

// The answer as sent: only the fields an answer has, so a retried sync compares equal.
json answer_of_body(const json& body) {
  json out = json::object();
  for (const char* key : {"value", "detail", "note", "photos"})
    if (body.contains(key) && !body.at(key).is_null()) out[key] = body.at(key);
  if (!out.contains("value")) out["value"] = nullptr;
  return out;
}

const std::set<std::string> kAnswerBodyFields = {"value",   "detail",    "note",  "photos",
                                                 "version", "edited_at", "reason"};

// When the inspector changed the answer on the device: an ISO 8601 time with its zone.
std::string read_edited_at(Fields& fields) {
  static const std::regex time(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))");
  fields.require("edited_at");
  const auto text = fields.optional_text("edited_at", 40);
  if (text && !std::regex_match(*text, time))
    fields.add_error("edited_at", "not_a_time", "应为带时区的 ISO 8601 时间",
                     "expected an ISO 8601 time with a zone");
  return text.value_or("");
}

}  // namespace

json list_inspections(const accounts::Operation& op, const std::map<std::string, std::string>& query) {
  SqlFilter where = access::read_filter(op.db, op.actor, access::kInspection);
  if (auto v = query_id(query, "visit_id")) where.add("i.visit_id = ?", *v);
  if (auto v = query_id(query, "enterprise_id")) where.add("i.enterprise_id = ?", *v);
  if (auto v = query_choice(query, "status", inspection_machine().statuses.values()))
    where.add("i.status = ?", *v);
  const auto page = parse_page(query);
  auto [rows, total] = select_page(op.db, kInspectionList, where, "i.id DESC", page);
  json items = json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    items.push_back(
        {{"id", r.integer("id")},
         {"visit_id", r.integer("visit_id")},
         {"template",
          {{"id", r.integer("template_id")},
           {"code", r.text("template_code")},
           {"version", r.integer("template_version")},
           {"name", r.text("template_name")}}},
         {"enterprise", {{"id", r.integer("enterprise_id")}, {"name", r.text("enterprise_name")}}},
         {"status", r.text("status")},
         {"score", r.is_null("score") ? json() : json(r.real("score"))},
         {"answered", r.integer("answered")},
         {"findings", r.integer("findings")},
         {"planned_on", r.text("planned_on")},
         {"submitted_at", json_text(r, "submitted_at")},
         {"signed_at", json_text(r, "signed_at")},
         {"signer_name", r.text("signer_name")},
         {"updated_at", r.text("updated_at")}});
  }
  return page_json(std::move(items), total, page);
}

JsonWithRaw get_inspection(const accounts::Operation& op, std::int64_t id) {
  const auto [s, parts] = load_inspection_with(
      op.db, op.actor, id,
      {answers_of(id), findings_of(id), photo_consent_of_inspection(id),
       services::status_events_of("inspection", id), audit::record_history_of("inspection", id, "amend")});
  const auto& r = s.row;
  const auto stored = find_template(op.db, r.integer("template_id"));
  const auto saved = answers_from(parts[0]);
  const auto answers = answer_values(saved);
  const auto facts = enterprise_facts(r);
  const auto shown = forms::visibility(stored->form, answers, facts);

  json answer_list = json::array();
  for (const auto& [item, a] : saved) answer_list.push_back(answer_json(item, a));
  json hidden_items = json::array(), hidden_sections = json::array();
  for (std::size_t i = 0; i < shown.items.size(); ++i)
    if (!shown.items[i]) hidden_items.push_back(stored->form.items[i].id);
  for (std::size_t i = 0; i < shown.sections.size(); ++i)
    if (!shown.sections[i]) hidden_sections.push_back(stored->form.sections[i].id);
  json gaps = json::array();
  for (const auto& gap : forms::submission_gaps(stored->form, answers, facts))
    gaps.push_back({{"item_id", gap.item_id}, {"code", gap.code}});
  json findings = json::array();
  const auto& finding_rows = parts[1];
  for (std::size_t i = 0; i < finding_rows.size(); ++i) findings.push_back(finding_json(finding_rows[i]));
  json score;
  if (const auto sc = forms::score(stored->form, answers, facts)) {
    score = {{"total", sc->total}, {"best", sc->best}, {"sections", json::array()}};
    for (const auto& section : sc->sections)
      score["sections"].push_back({{"id", section.section_id},
                                   {"score", section.score},
                                   {"best", section.best},
                                   {"weight", section.weight}});
  }
  json consent;
  if (const auto& c = parts[2]; !c.empty())
    consent = {{"consenting_person", c[0].text("consenting_person")},
               {"recorded_at", c[0].text("recorded_at")},
               {"recorded_by", c[0].integer("recorded_by")}};
  const workflow::Caller caller(op.db, op.actor);
  json value = {{"id", id},
                {"visit_id", r.integer("visit_id")},
                {"visit_status", r.text("visit_status")},
                {"enterprise", {{"id", r.integer("enterprise_id")}, {"name", r.text("enterprise_name")}}},
                {"agency_org_id", r.integer("agency_org_id")},
                {"status", s.status},
                {"template",
                 {{"id", stored->id},
                  {"code", stored->form.code},
                  {"version", stored->form.version},
                  {"name", stored->form.name}}},
                {"answers", answer_list},
                {"hidden_items", hidden_items},
                {"hidden_sections", hidden_sections},
                {"gaps", gaps},
                {"findings", findings},
                {"score", score},
                {"photo_consent", consent},
                {"submitted_at", json_text(r, "submitted_at")},
                {"signer_name", r.text("signer_name")},
                {"signature_file_id", json_integer(r, "signature_file_id")},
                {"signed_at", json_text(r, "signed_at")},
                {"created_at", r.text("created_at")},
                {"updated_at", r.text("updated_at")},
                {"history", services::status_history_json(parts[3])},
                {"amendments", amendments(audit::record_history_json(parts[4]))},
                {"actions", workflow::actions(caller, inspection_machine(), s)}};
  return {std::move(value), "template", "body", stored->body_json};
}

namespace {

struct AnswerRequest {
  json answer;
  std::int64_t base = 0;  // the version the edit was made on
  std::string edited_at;
  std::optional<std::string> reason;
};

AnswerRequest read_answer_request(const json& body) {
  AnswerRequest request;
  Fields fields(body);
  for (const auto& [key, value] : body.items())
    if (!kAnswerBodyFields.count(key))
      fields.add_error(key, "unknown_field", "不认识的字段", "unknown field");
  fields.require("version");
  request.base = fields.optional_integer("version", 0, 1'000'000'000).value_or(0);
  request.edited_at = read_edited_at(fields);
  request.reason = fields.optional_text("reason", 1000);
  fields.finish();
  request.answer = answer_of_body(body);
  return request;
}

// What the checks of an answer read, and what they found.
struct CheckedAnswer {
  InspectionState s;
  std::shared_ptr<const StoredTemplate> stored;
  const forms::Item* item = nullptr;
  std::optional<StoredAnswer> current;
  bool amend() const { return s.status == "signed"; }
};

CheckedAnswer check_answer(const accounts::Operation& op, std::int64_t id, const std::string& item_id,
                           const AnswerRequest& request) {
  CheckedAnswer c{load_inspection(op.db, op.actor, id)};
  workflow::authorize(workflow::Caller(op.db, op.actor), inspection_machine(), c.s,
                      c.amend() ? "amend" : "answer");
  if (c.amend() && request.reason.value_or("").empty())
    throw invalid_field("reason", "required", "修改已签字的检查表须说明原因",
                        "changing a signed checklist needs a reason");
  c.stored = find_template(op.db, c.s.row.integer("template_id"));
  c.item = c.stored->form.item(item_id);
  if (!c.item) throw not_found();
  if (auto fault = forms::check_answer(*c.item, request.answer))
    throw invalid_field("value", fault->code, fault->zh, fault->en);
  c.current = answer_of(op.db, id, item_id);
  return c;
}

// Whether what the checks read is as it was: the checklist's and the visit's status, the team, the answer.
bool still_as_checked(db::Connection& db, std::int64_t id, const std::string& item_id,
                      const CheckedAnswer& c) {
  const auto row = status_row(db, id);
  const auto current = answer_of(db, id, item_id);
  return row && row->text("status") == c.s.status && row->text("visit_status") == c.s.visit_status &&
         services::team_user_ids(db, row->integer("visit_id")) == c.s.team_user_ids &&
         current.has_value() == c.current.has_value() && (!current || current->version == c.current->version);
}

ApiError answer_conflict(const std::string& item_id, const std::optional<StoredAnswer>& current) {
  auto conflict = rw::conflict("answer_conflict", "这一题已被他人或其他设备修改，请查看最新答案",
                               "the answer changed on the server since this edit was based on it");
  conflict.extensions.emplace_back("current", current ? answer_json(item_id, *current).dump()
                                                      : json{{"item_id", item_id}, {"version", 0}}.dump());
  return conflict;
}

json save_answer(const accounts::Operation& op, std::int64_t id, const std::string& item_id,
                 const AnswerRequest& request, const CheckedAnswer& c) {
  if (c.current && c.current->answer == request.answer)
    return answer_json(item_id, *c.current);  // a retried sync
  const auto current_version = c.current ? c.current->version : 0;
  if (request.base != current_version) throw answer_conflict(item_id, c.current);
  link_answer_files(op, id, c.s.row.integer("enterprise_id"), *c.item, request.answer);
  const StoredAnswer written{request.answer, current_version + 1, request.edited_at, op.actor.id,
                             op.now_text()};
  // On PostgreSQL writers do not queue: another may have written this answer since it was read.
  if (!write_answer(op.db, id, item_id, written, c.current.has_value()))
    throw answer_conflict(item_id, answer_of(op.db, id, item_id));
  touch(op.db, id, op.now_text());
  json change = {{"item", item_id},
                 {"answer", {{"from", c.current ? c.current->answer : json()}, {"to", request.answer}}},
                 {"version", written.version}};
  if (c.amend()) {
    change["reason"] = *request.reason;
    settle_outcome(op.db, c.s, c.stored->form, answer_values(answers_of(op.db, id)), op.actor.id,
                   op.now_text());
  }
  audit::record(
      op, {"inspection", std::to_string(id), c.amend() ? "amend" : "answer", c.s.agency_org_id, change});
  return answer_json(item_id, written);
}

}  // namespace

json put_answer(const accounts::Operation& op, std::int64_t id, const std::string& item_id,
                const json& body) {
  const auto request = read_answer_request(body);
  return save_answer(op, id, item_id, request, check_answer(op, id, item_id, request));
}

json put_answer_checked_first(const accounts::Operation& op, std::int64_t id, const std::string& item_id,
                              const json& body) {
  const auto request = read_answer_request(body);
  db::Transaction reading(op.db, false);  // the checks read one snapshot
  auto checked = check_answer(op, id, item_id, request);
  reading.commit();
  db::Transaction transaction(op.db, true);
  if (!still_as_checked(op.db, id, item_id, checked)) checked = check_answer(op, id, item_id, request);
  auto out = save_answer(op, id, item_id, request, checked);
  transaction.commit();
  return out;
}

json record_finding(const accounts::Operation& op, std::int64_t id, const json& body) {
  Fields fields(body);
  const auto item_id = fields.required_text("item_id", 1, 100);
  forms::RaisedFinding raised;
  raised.item_id = item_id;
  raised.finding.category = fields.required_text("category", 1, 200);
  raised.finding.grade = fields.required_choice("grade", finding_grades().values());
  raised.finding.description = fields.required_text("description", 1, 2000);
  raised.finding.suggestion = fields.optional_text("suggestion", 2000).value_or("");
  raised.finding.basis = fields.optional_text("basis", 2000).value_or("");
  raised.photo_file_ids = fields.optional_ids("photos", 50).value_or(std::vector<std::int64_t>{});
  const auto client_id = fields.optional_nonempty_text("client_id", 100);
  fields.finish();

  const auto s = workflow::require(op.db, op.actor, op.clock, inspection_machine(), id, "record_finding");
  const auto stored = find_template(op.db, s.row.integer("template_id"));
  if (!stored->form.item(item_id))
    throw invalid_field("item_id", "unknown_item", "检查表没有这一题", "no such item");
  auto finding_id = client_id ? finding_of_client(op.db, id, *client_id) : std::nullopt;
  if (!finding_id) {  // not recorded by an earlier try of the same sync
    finding_id = insert_finding(op.db, id, s.row.integer("enterprise_id"), raised, op.actor.id, op.now_text(),
                                client_id);
    link_finding_files(op, *finding_id, s.row.integer("enterprise_id"), raised.photo_file_ids);
    touch(op.db, id, op.now_text());
    audit::record(op, {"inspection_finding", std::to_string(*finding_id), "create", s.agency_org_id,
                       audit::created({{"inspection_id", id},
                                       {"item_id", item_id},
                                       {"grade", raised.finding.grade},
                                       {"description", raised.finding.description}})});
  }
  const auto rows = findings_of(op.db, id);
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (rows[i].integer("id") == *finding_id) return finding_json(rows[i]);
  throw not_found();
}

}  // namespace rw::inspections
