#include "inspections/inspection_flow.hpp"

#include <algorithm>

#include "access/visibility.hpp"
#include "forms/form_rules.hpp"
#include "inspections/inspection_files.hpp"
#include "inspections/inspection_store.hpp"
#include "inspections/inspection_vocabularies.hpp"
#include "inspections/template_store.hpp"
#include "services/visit_listing.hpp"

namespace rw::inspections {
namespace {

using State = InspectionState;
using Move = workflow::Move<State>;
using workflow::Caller;
using workflow::Refusal;

const workflow::Grant<State> kLead{
    {"agency", "platform"}, "visit:write", [](const Caller& caller, const State& s) {
      return caller.acts_for(s.agency_org_id);
    }};
const workflow::Grant<State> kTeam{{"agency"}, "visit:work", [](const Caller& caller, const State& s) {
                                     const auto& team = s.team_user_ids;
                                     return std::find(team.begin(), team.end(), caller.user().id) !=
                                            team.end();
                                   }};
const workflow::Grant<State> kReviewer{
    {"platform", "insurer", "agency"}, "inspection:review", [](const Caller& caller, const State& s) {
      return caller.user().is_platform_admin() || caller.acts_for(s.insurer_org_id) ||
             caller.acts_for(s.agency_org_id);
    }};

const Refusal kVisitNotStarted{
    "visit_not_started", "服务尚未开始或已取消，不能填写检查表",
    "the visit has not started or was cancelled; the checklist cannot be filled in"};
const Refusal kSigned{
    "inspection_signed", "检查表已由企业签字确认，只能由审核人员说明原因后修改",
    "the checklist is signed by the enterprise; only a reviewer may change it, with a reason"};
const Refusal kNotOpen{"inspection_not_open", "检查表已提交，请先退回填写",
                       "the checklist is submitted; reopen it first"};

std::optional<Refusal> visit_under_way(const State& s) {
  if (s.visit_status != "in_progress" && s.visit_status != "done") return kVisitNotStarted;
  return std::nullopt;
}

// The enterprise's representative confirms the findings: a name and the signature drawn on the phone (a PNG
// uploaded as a file).
void read_signature(Fields& fields, workflow::Input& input) {
  input.text = fields.required_text("signer_name", 1, 100);
  input.code = std::to_string(fields.required_id("signature_file_id"));
  input.history = "签字人：" + input.text;
}

// Submitting: every visible required item answered, then the findings and the score.
void submit(Move& move) {
  const auto& row = move.subject.row;
  const auto stored = find_template(move.db, row.integer("template_id"));
  const auto answers = answer_values(answers_of(move.db, move.subject.id));
  const auto gaps = forms::submission_gaps(stored->form, answers, enterprise_facts(row));
  if (!gaps.empty()) {
    std::vector<FieldError> errors;
    for (const auto& gap : gaps)
      errors.push_back(
          gap.code == "required"
              ? FieldError{gap.item_id, "required", "必答题未填写", "a required item is not answered"}
              : FieldError{gap.item_id, "too_few_photos", "照片数量不足", "too few photos"});
    throw validation_failed(std::move(errors));
  }
  settle_outcome(move.db, move.subject, stored->form, answers, move.user.id, move.now);
  set_submitted(move.db, move.subject.id, move.user.id, move.now);
}

void store(Move& move) {
  const std::string to(move.step.to);
  if (to == "submitted") return submit(move);
  if (to == "signed") {
    const auto file_id = std::stoll(move.input.code);
    link_signature({move.db, move.user, move.clock, ""}, move.subject.id,
                   move.subject.row.integer("enterprise_id"), file_id);
    return set_signed(move.db, move.subject.id, move.input.text, file_id, move.now);
  }
  set_status(move.db, move.subject.id, to, move.now);
}

State load(db::Connection& db, const accounts::Actor& user, const Clock&, std::int64_t id) {
  return load_inspection(db, user, id);
}

}  // namespace

void settle_outcome(db::Connection& db, const InspectionState& s, const forms::Template& form,
                    const forms::Answers& answers, std::int64_t by, const std::string& now) {
  const auto facts = enterprise_facts(s.row);
  replace_raised_findings(db, s.id, s.row.integer("enterprise_id"),
                          forms::raised_findings(form, answers, facts), by, now);
  const auto score = forms::score(form, answers, facts);
  set_score(db, s.id, score ? std::optional<double>(score->total) : std::nullopt, now);
}

InspectionState load_inspection(db::Connection& db, const accounts::Actor& user, std::int64_t id) {
  return load_inspection_with(db, user, id, {}).state;
}

InspectionWithParts load_inspection_with(db::Connection& db, const accounts::Actor& user, std::int64_t id,
                                         std::vector<db::Statement> parts) {
  parts.insert(parts.begin(), services::team_users_of(kVisitOfInspection, {id}));
  auto record =
      access::visible_row_with(db, user, access::kInspection, kSelectInspection, id, std::move(parts));
  const auto row = record.row();
  InspectionState state{id,
                        row.text("status"),
                        row.text("visit_status"),
                        row.integer("agency_org_id"),
                        row.optional_integer("insurer_org_id"),
                        record.parts[0].integers("user_id"),
                        row};
  record.parts.erase(record.parts.begin());
  return {std::move(state), std::move(record.parts)};
}

const workflow::Machine<InspectionState>& inspection_machine() {
  using workflow::Reason;
  static const workflow::Machine<State> machine{
      "inspection",
      inspection_statuses(),
      "visit:read",
      1000,
      {
          {.action = "answer",
           .from = {"open"},
           .who = {kLead, kTeam},
           .reason = Reason::none,
           .guard = visit_under_way,
           .unavailable = &kSigned},
          {.action = "record_finding",
           .from = {"open"},
           .who = {kLead, kTeam},
           .reason = Reason::none,
           .guard = visit_under_way,
           .unavailable = &kNotOpen},
          {.action = "submit",
           .from = {"open"},
           .to = "submitted",
           .who = {kLead, kTeam},
           .reason = Reason::none,
           .guard = visit_under_way},
          {.action = "reopen", .from = {"submitted"}, .to = "open", .who = {kLead, kTeam}},
          {.action = "sign",
           .from = {"submitted"},
           .to = "signed",
           .who = {kLead, kTeam},
           .read = read_signature},
          {.action = "amend", .from = {"signed"}, .who = {kReviewer}, .reason = Reason::required},
      },
      load,
      store,
      [](const State& s) -> std::optional<std::int64_t> { return s.agency_org_id; }};
  return machine;
}

}  // namespace rw::inspections
