#include "envrisk/assessment_flow.hpp"

#include "access/visibility.hpp"
#include "envrisk/assessment_store.hpp"
#include "registry/vocabularies.hpp"
#include "workflow/engine.hpp"

namespace rw::envrisk {
namespace {

using State = AssessmentState;
using Move = workflow::Move<State>;

// Who may see the assessment and holds env_risk:review: the access model lets an insurer see it only when it
// insures the enterprise (or made the assessment), a regulator only in its jurisdiction.
const workflow::Grant<State> kReviewer{{"insurer", "regulator", "platform"}, "env_risk:review"};

// The enterprise's register shows what its latest reviewed assessment found.
void update_enterprise(Move& move) {
  const auto latest = latest_reviewed(move.db, move.subject.enterprise_id);
  if (!latest) return;
  const auto level = latest->text("level"), label = latest->text("label");
  const auto source = risk_source(latest->integer("id"));
  set_enterprise_risk(move.db, move.subject.enterprise_id, level, latest->text("assessed_on"), source, label,
                      move.now);
  move.journal.push_back({"enterprise",
                          move.subject.enterprise_id,
                          move.subject.org_id,
                          {{"risk_level", {{"to", level}}},
                           {"risk_label", {{"to", label}}},
                           {"risk_source", {{"to", source}}}}});
}

void store(Move& move) { set_reviewed(move.db, move.subject.id, move.user.id, move.now); }

}  // namespace

std::string risk_source(std::int64_t assessment_id) {
  return "HJ 941-2018 环境风险评估（评估编号 " + std::to_string(assessment_id) + "）";
}

const Vocabulary& assessment_statuses() {
  static const Vocabulary v{{"submitted", "待审核", "Awaiting review"}, {"reviewed", "已审核", "Reviewed"}};
  return v;
}

AssessmentState load_assessment(db::Connection& db, const accounts::Actor& user, std::int64_t id) {
  const auto row = access::visible_row(db, user, access::kEnvRiskAssessment, kSelectAssessment, id);
  return {id, row.text("status"), row.integer("enterprise_id"), row.integer("org_id")};
}

const workflow::Machine<AssessmentState>& assessment_machine() {
  static const workflow::Machine<State> machine{
      "env_risk_assessment",
      assessment_statuses(),
      "enterprise:read",
      1000,
      {
          {.action = "review",
           .from = {"submitted"},
           .to = "reviewed",
           .who = {kReviewer},
           .reason = workflow::Reason::optional,
           .on_enter = update_enterprise},
          {.action = "approve_by_report",
           .from = {"submitted"},
           .to = "reviewed",
           .who = {},
           .on_enter = update_enterprise},
      },
      [](db::Connection& db, const accounts::Actor& user, const Clock&, std::int64_t id) {
        return load_assessment(db, user, id);
      },
      store,
      [](const State& s) -> std::optional<std::int64_t> { return s.org_id; }};
  return machine;
}

void apply_reviewed_assessment(workflow::Act& act, std::int64_t assessment_id) {
  const auto subject = load_assessment(act.db, act.user, assessment_id);
  workflow::follow(act, assessment_machine(), subject, "approve_by_report");
}

}  // namespace rw::envrisk
