#include "hazards/hazard_flow.hpp"

#include "access/visibility.hpp"
#include "files/file_service.hpp"
#include "hazards/hazard_deadlines.hpp"
#include "hazards/hazard_messages.hpp"
#include "hazards/hazard_rules.hpp"
#include "hazards/hazard_store.hpp"
#include "hazards/hazard_vocabularies.hpp"
#include "platform/dates.hpp"
#include "workflow/engine.hpp"

namespace rw::hazards {
namespace {

using State = HazardState;
using Move = workflow::Move<State>;
using workflow::Caller;
using workflow::Refusal;

// The agency that follows the hazard: its experts, technicians, reviewers and leads; the platform's leads.
const workflow::Grant<State> kAgency{
    {"agency", "platform"}, "hazard:manage", [](const Caller& c, const State& s) {
      return is_agency_for(c, s.agency_org_id);
    }};
// The enterprise's own users.
const workflow::Grant<State> kEnterprise{
    {"enterprise"}, "hazard:rectify", [](const Caller& c, const State& s) {
      return c.acts_for(s.enterprise_org_id);
    }};
// The regulators of the enterprise's region (the hazard is loaded only for those who see it).
const workflow::Grant<State> kRegulator{{"regulator"}, "hazard:comment"};

const Refusal kNotEditable{"hazard_not_editable", "企业已提交整改方案，隐患内容不能再修改",
                           "the enterprise has answered with a plan; the hazard can no longer change"};
const Refusal kClosed{"hazard_closed", "隐患已验收销号", "the hazard is verified and closed"};

const std::vector<std::string_view> kOpen = {"found", "notified", "plan_submitted", "rectifying",
                                             "evidence_submitted"};
const std::vector<std::string_view> kAll = {"found",      "notified",           "plan_submitted",
                                            "rectifying", "evidence_submitted", "verified_closed"};

// Step input beyond a plain reason travels in Input::code as a JSON object (the engine's Input has text
// slots only), read back by the store and hooks below.
nlohmann::json data_of(const workflow::Input& input) {
  return input.code.empty() ? nlohmann::json::object() : nlohmann::json::parse(input.code);
}

std::vector<std::int64_t> photo_ids(Fields& fields, const char* key) {
  return fields.optional_ids(key, 50).value_or(std::vector<std::int64_t>{});
}

// A deadline: `deadline_days` working days, or a date `due_on`; at most one. `required`: one must be given.
void read_deadline_into(Fields& fields, workflow::Input& input, bool required) {
  const auto days = fields.optional_integer("deadline_days", 1, kMaxRectificationWorkingDays);
  const auto date = fields.optional_date("due_on");
  input.text = fields.optional_text("reason", 1000).value_or("");
  if (days && date)
    fields.add_error("due_on", "one_deadline", "整改期限只能给出工作日数或日期之一",
                     "give the deadline as working days or as a date, not both");
  if (required && !days && !date && fields.ok())
    fields.add_error("deadline_days", "required", "请给出整改期限", "give the rectification deadline");
  nlohmann::json data = nlohmann::json::object();
  if (days) data["days"] = *days;
  if (date) data["date"] = *date;
  input.code = data.dump();
  input.history = input.text;
}

void read_notify(Fields& fields, workflow::Input& input) { read_deadline_into(fields, input, false); }
void read_deadline(Fields& fields, workflow::Input& input) { read_deadline_into(fields, input, true); }

// Table 9 治理措施, 治理时限, 责任人, 经费.
void read_plan(Fields& fields, workflow::Input& input) {
  nlohmann::json data = {{"measures", fields.required_text("measures", 1, 2000)},
                         {"responsible", fields.required_text("responsible", 1, 100)}};
  const auto due = fields.optional_date("due_on");
  if (!fields.present("due_on"))
    fields.add_error("due_on", "required", "请填写治理时限", "give the plan's deadline");
  data["due_on"] = due.value_or("");
  if (const auto funds = fields.optional_amount_fen("funds")) data["funds_fen"] = *funds;
  input.code = data.dump();
  input.history = "整改措施：" + data["measures"].get<std::string>();
}

void read_progress(Fields& fields, workflow::Input& input) {
  nlohmann::json data = {{"note", fields.required_text("note", 1, 2000)},
                         {"photos", photo_ids(fields, "photos")}};
  input.code = data.dump();
  input.history = data["note"].get<std::string>();
}

// Table 9 治理情况描述, 治理照片.
void read_evidence(Fields& fields, workflow::Input& input) {
  nlohmann::json data = {{"description", fields.required_text("description", 1, 2000)},
                         {"photos", photo_ids(fields, "photos")}};
  input.code = data.dump();
  input.history = data["description"].get<std::string>();
}

// Table 9 验收时间, 验收人员, with the result and photos.
void read_acceptance(Fields& fields, workflow::Input& input) {
  nlohmann::json data = {{"result", fields.required_text("result", 1, 2000)},
                         {"accepted_by", fields.optional_text("accepted_by", 100).value_or("")},
                         {"accepted_on", fields.optional_date("accepted_on").value_or("")},
                         {"photos", photo_ids(fields, "photos")}};
  input.code = data.dump();
  input.history = "验收结论：" + data["result"].get<std::string>();
}

// Photos attached to the hazard as files (404 for a file the caller may not see).
void attach_photos(Move& move, const std::vector<std::int64_t>& ids) {
  const accounts::Operation op{move.db, move.user, move.clock, ""};
  for (const auto id : ids)
    files::link(op, id, {"hazard", move.subject.id, move.subject.row.integer("enterprise_id")});
}

void check_plan_date(const Move& move, const std::string& due_on) {
  if (due_on < china_date(move.clock.now()))
    throw invalid_field("due_on", "in_the_past", "治理时限不能早于今天",
                        "the plan's deadline is already past");
}

// Accepted today by the caller unless the step names the day and the people.
Acceptance acceptance_of(const Move& move, const nlohmann::json& data, std::vector<std::int64_t> photos) {
  auto on = data.value("accepted_on", std::string());
  auto by = data.value("accepted_by", std::string());
  if (on.empty()) on = china_date(move.clock.now());
  if (by.empty()) by = move.user.display_name;
  if (on > china_date(move.clock.now()))
    throw invalid_field("accepted_on", "in_the_future", "验收时间不能晚于今天",
                        "the acceptance cannot be in the future");
  return {on, by, data["result"], std::move(photos)};
}

std::vector<std::int64_t> ids_in(const nlohmann::json& data, const char* key) {
  return data.value(key, nlohmann::json::array()).get<std::vector<std::int64_t>>();
}

void store(Move& move) {
  const auto& s = move.subject;
  const std::string action(move.step.action);
  const auto data = data_of(move.input);
  if (action == "notify") {
    apply_deadline(move, data, true);
  } else if (action == "submit_plan") {
    check_plan_date(move, data["due_on"]);
    set_plan(move.db, s.id,
             {data["measures"], data["due_on"], data["responsible"],
              data.contains("funds_fen") ? std::optional<std::int64_t>(data["funds_fen"]) : std::nullopt},
             move.now);
  } else if (action == "submit_evidence") {
    const auto photos = ids_in(data, "photos");
    attach_photos(move, photos);
    set_evidence(move.db, s.id, data["description"], photos, move.now);
  } else if (action == "verify") {
    const auto photos = ids_in(data, "photos");
    attach_photos(move, photos);
    set_acceptance(move.db, s.id, acceptance_of(move, data, photos), move.now);
  }
  set_status(move.db, s.id, std::string(move.step.to), move.now);
  if (move.step.to == "verified_closed") close_rectification_deadline(move);
}

// Steps that keep the status still belong in the history: the deadline set, a note, a comment.
void record_in_history(Move& move) {
  workflow::record_status(move, "hazard", move.subject.id, move.subject.agency_org_id, move.step.action,
                          move.subject.status, move.subject.status, move.input.history);
}

void on_deadline_set(Move& move) {
  apply_deadline(move, data_of(move.input), false);
  record_in_history(move);
}

void on_progress(Move& move) {
  const auto data = data_of(move.input);
  const auto photos = ids_in(data, "photos");
  attach_photos(move, photos);
  insert_progress(move.db, move.subject.id, data["note"], photos, move.user.id, move.now);
  record_in_history(move);
}

State load(db::Connection& db, const accounts::Actor& user, const Clock&, std::int64_t id) {
  return load_hazard(db, user, id);
}

}  // namespace

bool is_agency_for(const Caller& caller, std::int64_t agency_org_id) {
  return caller.user().is_platform_admin() ||
         (caller.user().org_type == "agency" && caller.acts_for(agency_org_id));
}

HazardState hazard_state(const db::Row& row) {
  return {row.integer("id"),
          row.text("status"),
          row.integer("agency_org_id"),
          row.optional_integer("enterprise_org_id"),
          row.text("grade"),
          row};
}

HazardState load_hazard(db::Connection& db, const accounts::Actor& user, std::int64_t id) {
  return hazard_state(access::visible_row(db, user, access::kHazard, kSelectHazard, id));
}

const workflow::Machine<HazardState>& hazard_machine() {
  using workflow::Reason;
  static const workflow::Machine<State> machine{
      "hazard",
      hazard_statuses(),
      "hazard:read",
      1000,
      {
          // PATCH /hazards/{id}: what was found, until the enterprise answers with a plan.
          {.action = "edit",
           .from = {"found", "notified"},
           .who = {kAgency},
           .reason = Reason::none,
           .unavailable = &kNotEditable},
          {.action = "set_deadline",
           .from = kOpen,
           .who = {kAgency},
           .unavailable = &kClosed,
           .read = read_deadline,
           .on_enter = on_deadline_set},
          {.action = "notify",
           .from = {"found"},
           .to = "notified",
           .who = {kAgency},
           .read = read_notify,
           .on_enter = tell_enterprise},
          {.action = "submit_plan",
           .from = {"notified"},
           .to = "plan_submitted",
           .who = {kEnterprise},
           .read = read_plan,
           .on_enter = tell_agency},
          {.action = "accept_plan",
           .from = {"plan_submitted"},
           .to = "rectifying",
           .who = {kAgency},
           .on_enter = tell_enterprise},
          {.action = "return_plan",
           .from = {"plan_submitted"},
           .to = "notified",
           .who = {kAgency},
           .reason = Reason::required,
           .on_enter = tell_enterprise},
          {.action = "add_progress",
           .from = {"rectifying"},
           .who = {kEnterprise},
           .read = read_progress,
           .on_enter = on_progress},
          {.action = "submit_evidence",
           .from = {"rectifying"},
           .to = "evidence_submitted",
           .who = {kEnterprise},
           .read = read_evidence,
           .on_enter = tell_agency},
          {.action = "verify",
           .from = {"evidence_submitted"},
           .to = "verified_closed",
           .who = {kAgency},
           .read = read_acceptance,
           .on_enter = tell_enterprise},
          {.action = "reject_evidence",
           .from = {"evidence_submitted"},
           .to = "rectifying",
           .who = {kAgency},
           .reason = Reason::required,
           .on_enter = tell_enterprise},
          {.action = "comment",
           .from = kAll,
           .who = {kRegulator},
           .reason = Reason::required,
           .on_enter = record_in_history,
           .reason_missing_zh = "请填写意见",
           .reason_missing_en = "write the comment"},
          // wuxi 第十五条（五）: found rectified when a later visit re-checks it (hazard_recheck.cpp).
          {.action = "close_on_recheck",
           .from = kOpen,
           .to = "verified_closed",
           .who = {},
           .reason = Reason::none},
      },
      load,
      store,
      [](const State& s) -> std::optional<std::int64_t> { return s.agency_org_id; }};
  return machine;
}

}  // namespace rw::hazards
