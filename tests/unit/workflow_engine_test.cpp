// The workflow tables of commission items, plans and visits, walked by the engine without a database:
// for every status and every kind of caller, the actions offered, and for the others the refusal
// (403 for a caller who may never take the step on this object, 409 when the status does not allow it).
#include <gtest/gtest.h>

#include <map>

#include "envrisk/assessment_flow.hpp"
#include "hazards/hazard_flow.hpp"
#include "inspections/inspection_flow.hpp"
#include "notices/notice_flow.hpp"
#include "platform/http/problem.hpp"
#include "services/commission_flow.hpp"
#include "services/plan_flow.hpp"
#include "services/visit_flow.hpp"
#include "workflow/engine.hpp"
#include "workflow/object_types.hpp"

using namespace rw;
using namespace rw::services;
using Codes = std::vector<std::string>;

namespace {

constexpr std::int64_t kInsurer = 10, kInsurerBranch = 11, kAgency = 20, kOtherAgency = 30,
                       kEnterpriseOrg = 40, kPlatform = 1;

accounts::Actor person(std::int64_t id, std::int64_t org, std::string org_type, Codes roles) {
  accounts::Actor u;
  u.id = id;
  u.org_id = org;
  u.org_type = std::move(org_type);
  u.roles = std::move(roles);
  return u;
}

// The callers of the tables, each with the organizations it acts for.
struct Party {
  accounts::Actor user;
  std::vector<std::int64_t> subtree;
};
const std::map<std::string, Party>& parties() {
  static const std::map<std::string, Party> all = {
      {"insurer", {person(1, kInsurer, "insurer", {"manager", "reviewer"}), {kInsurer, kInsurerBranch}}},
      {"insurer_viewer", {person(2, kInsurer, "insurer", {"viewer"}), {kInsurer, kInsurerBranch}}},
      {"agency", {person(3, kAgency, "agency", {"admin", "manager"}), {kAgency}}},
      {"expert", {person(4, kAgency, "agency", {"expert"}), {kAgency}}},
      {"team", {person(5, kAgency, "agency", {"technician"}), {kAgency}}},
      {"other_agency", {person(6, kOtherAgency, "agency", {"admin", "manager"}), {kOtherAgency}}},
      {"enterprise", {person(7, kEnterpriseOrg, "enterprise", {"enterprise_user"}), {kEnterpriseOrg}}},
      {"regulator", {person(8, 50, "regulator", {"manager"}), {50}}},
      {"admin", {person(9, kPlatform, "platform", {"admin"}), {kPlatform}}},
  };
  return all;
}

template <class Subject>
Codes actions_of(const std::string& party, const workflow::Machine<Subject>& machine,
                 const Subject& subject) {
  const auto& p = parties().at(party);
  return workflow::actions(workflow::Caller(p.user, p.subtree), machine, subject);
}

// The status of authorize(): 0 when allowed, else the error's status and code.
template <class Subject>
std::string refusal_of(const std::string& party, const workflow::Machine<Subject>& machine,
                       const Subject& subject, std::string_view action) {
  const auto& p = parties().at(party);
  try {
    workflow::authorize(workflow::Caller(p.user, p.subtree), machine, subject, action);
    return "ok";
  } catch (const ApiError& e) {
    return std::to_string(rw::http::problem_response(e).status) + " " + e.code;
  }
}

// Every party's actions on `subject` equal `expected`; parties not named have none.
template <class Subject>
void expect_table(const workflow::Machine<Subject>& machine, const Subject& subject,
                  const std::map<std::string, Codes>& expected) {
  for (const auto& [party, _] : parties()) {
    const auto it = expected.find(party);
    const Codes want = it == expected.end() ? Codes{} : it->second;
    const auto got = actions_of(party, machine, subject);
    EXPECT_EQ(got, want) << subject.status << " as " << party;
    // Every action of the table is either offered (authorize agrees) or refused with 403/409.
    for (const auto& step : machine.steps) {
      const auto verdict = refusal_of(party, machine, subject, step.action);
      const bool offered = std::find(got.begin(), got.end(), step.action) != got.end();
      if (offered)
        EXPECT_EQ(verdict, "ok") << subject.status << " " << step.action << " as " << party;
      else
        EXPECT_NE(verdict, "ok") << subject.status << " " << step.action << " as " << party;
    }
  }
}

CommissionItemState item(std::string status, bool overdue = false) {
  return {1, std::move(status), kInsurer, kAgency, 100, "企业", "机构", "2026-07-31", overdue};
}

PlanState plan(std::string status) {
  return {1, std::move(status), kAgency, kInsurerBranch, 100, kEnterpriseOrg, kAgency, 2026, "企业", "机构"};
}

// `report`: the latest report submission's status ("" none); any but none means the data is uploaded.
VisitState visit(std::string status, std::string report = "") {
  const bool uploaded = !report.empty();
  VisitState v{1,
               std::move(status),
               kAgency,
               kEnterpriseOrg,
               kInsurer,
               {5},
               uploaded,
               std::move(report),
               db::Row(std::make_shared<std::vector<std::string>>(), {})};
  return v;
}

hazards::HazardState hazard(std::string status) {
  return {1,       std::move(status),
          kAgency, kEnterpriseOrg,
          "major", db::Row(std::make_shared<std::vector<std::string>>(), {})};
}

}  // namespace

TEST(WorkflowEngine, CommissionItemsOfWuxi14And15) {
  const auto& m = commission_machine();
  const Codes decide = {"accept", "decline", "request_cancel"};
  expect_table(m, item("pending"),
               {{"insurer", {"withdraw"}},
                {"agency", decide},
                {"admin", {"accept", "decline", "request_cancel", "withdraw"}}});
  expect_table(m, item("accepted"), {});
  expect_table(m, item("accepted", true), {{"insurer", {"withdraw"}}, {"admin", {"withdraw"}}});
  expect_table(
      m, item("cancel_requested"),
      {{"insurer", {"approve_cancel", "reject_cancel"}}, {"admin", {"approve_cancel", "reject_cancel"}}});
  for (const char* final_status : {"declined", "cancelled", "withdrawn", "completed"})
    expect_table(m, item(final_status), {});

  // Why a step is refused: the wrong party first, then the status, then the object.
  EXPECT_EQ(refusal_of("insurer", m, item("pending"), "accept"), "403 forbidden");
  EXPECT_EQ(refusal_of("other_agency", m, item("pending"), "accept"), "403 forbidden");
  EXPECT_EQ(refusal_of("expert", m, item("pending"), "accept"), "403 forbidden");  // no commission:decide
  EXPECT_EQ(refusal_of("agency", m, item("accepted"), "accept"), "409 invalid_transition");
  EXPECT_EQ(refusal_of("insurer", m, item("accepted"), "withdraw"), "409 not_overdue");
  EXPECT_EQ(refusal_of("insurer", m, item("declined"), "withdraw"), "409 invalid_transition");
  // Completing follows from a visit: nobody takes it.
  EXPECT_EQ(refusal_of("admin", m, item("accepted"), "complete"), "403 forbidden");
  EXPECT_EQ(workflow::step_from(m, "complete", "accepted")->to, "completed");
  EXPECT_EQ(workflow::step_from(m, "decline", "pending")->reason, workflow::Reason::required);
  EXPECT_EQ(workflow::step_from(m, "withdraw", "pending")->reason, workflow::Reason::optional);
  EXPECT_EQ(workflow::step_from(m, "withdraw", "accepted")->reason, workflow::Reason::required);
}

TEST(WorkflowEngine, PlansWrittenByAgencyOrInsurerAgreedByTheEnterprise) {
  const auto& m = plan_machine();
  const Codes write = {"edit", "propose"};
  // The insurer acts through its branch (the plan's insurer); experts of the agency write plans too.
  const std::map<std::string, Codes> writers_draft = {
      {"insurer", write}, {"agency", write}, {"expert", write}, {"admin", write}};
  expect_table(m, plan("draft"), writers_draft);
  expect_table(m, plan("returned"), writers_draft);
  expect_table(m, plan("proposed"), {{"enterprise", {"agree", "return"}}});
  expect_table(
      m, plan("agreed"),
      {{"insurer", {"reopen"}}, {"agency", {"reopen"}}, {"expert", {"reopen"}}, {"admin", {"reopen"}}});

  EXPECT_EQ(refusal_of("agency", m, plan("proposed"), "edit"), "409 plan_not_editable");
  EXPECT_EQ(refusal_of("enterprise", m, plan("proposed"), "edit"), "403 forbidden");
  EXPECT_EQ(refusal_of("agency", m, plan("proposed"), "agree"), "403 forbidden");
  EXPECT_EQ(refusal_of("enterprise", m, plan("draft"), "agree"), "409 invalid_transition");
  EXPECT_EQ(refusal_of("other_agency", m, plan("draft"), "propose"), "403 forbidden");
  EXPECT_EQ(workflow::step_from(m, "return", "proposed")->reason, workflow::Reason::required);
  EXPECT_EQ(workflow::step_from(m, "reopen", "agreed")->to, "draft");
}

TEST(WorkflowEngine, VisitsByTheAgencyItsTeamTheEnterpriseAndTheInsurer) {
  const auto& m = visit_machine();
  const Codes lead_planned = {"edit", "confirm", "start", "could_not_enter", "cancel"};
  expect_table(m, visit("planned"),
               {{"agency", lead_planned},
                {"admin", lead_planned},
                {"team", {"confirm", "start", "could_not_enter"}},
                {"enterprise", {"confirm"}}});
  const Codes lead_confirmed = {"edit", "start", "could_not_enter", "cancel"};
  expect_table(
      m, visit("confirmed"),
      {{"agency", lead_confirmed}, {"admin", lead_confirmed}, {"team", {"start", "could_not_enter"}}});
  const Codes working = {"record_training", "record_photo_consent", "finish", "could_not_enter"};
  expect_table(m, visit("in_progress"), {{"agency", working}, {"admin", working}, {"team", working}});
  const Codes upload = {"record_training", "submit_report"};
  expect_table(m, visit("done"), {{"agency", upload}, {"admin", upload}, {"team", upload}});
  const Codes review = {"approve_report", "return_report"};
  expect_table(m, visit("done", "submitted"), {{"insurer", review}, {"admin", review}});
  expect_table(m, visit("done", "returned"),
               {{"agency", {"submit_report"}}, {"admin", {"submit_report"}}, {"team", {"submit_report"}}});
  expect_table(m, visit("done", "approved"), {});
  expect_table(m, visit("could_not_enter"), {});
  expect_table(m, visit("cancelled"), {});

  // The expert of the agency is not on this team; a viewer of the insurer does not review.
  EXPECT_EQ(refusal_of("expert", m, visit("planned"), "start"), "403 forbidden");
  EXPECT_EQ(refusal_of("insurer_viewer", m, visit("done", "submitted"), "approve_report"), "403 forbidden");
  EXPECT_EQ(refusal_of("team", m, visit("in_progress"), "cancel"), "403 forbidden");
  EXPECT_EQ(refusal_of("agency", m, visit("in_progress"), "cancel"), "409 invalid_transition");
  EXPECT_EQ(refusal_of("agency", m, visit("in_progress"), "edit"), "409 visit_not_editable");
  EXPECT_EQ(refusal_of("team", m, visit("planned"), "submit_report"), "409 report_submit_not_expected");
  EXPECT_EQ(refusal_of("team", m, visit("done", "submitted"), "submit_report"),
            "409 report_submit_not_expected");
  EXPECT_EQ(refusal_of("team", m, visit("done", "approved"), "submit_report"),
            "409 report_submit_not_expected");
  EXPECT_EQ(refusal_of("insurer", m, visit("done"), "approve_report"), "409 report_review_not_expected");
  EXPECT_EQ(refusal_of("insurer", m, visit("done", "returned"), "return_report"),
            "409 report_review_not_expected");
  EXPECT_EQ(refusal_of("team", m, visit("done", "submitted"), "approve_report"), "403 forbidden");
  EXPECT_EQ(refusal_of("enterprise", m, visit("done", "submitted"), "return_report"), "403 forbidden");
  // A visit that answers no commission has no reviewer but platform admins.
  auto uncommissioned = visit("done", "submitted");
  uncommissioned.insurer_org_id.reset();
  EXPECT_EQ(actions_of("insurer", m, uncommissioned), Codes{});
  EXPECT_EQ(actions_of("admin", m, uncommissioned), review);
  EXPECT_EQ(workflow::step_from(m, "return_report", "done")->reason, workflow::Reason::required);
  EXPECT_EQ(workflow::step_from(m, "cancel", "planned")->reason, workflow::Reason::required);
}

// Issue 12: every status of a hazard × every action × every party. The agency that follows the hazard (its
// leads, experts, technicians; the platform's admin) notifies, sets the deadline, accepts or returns the
// plan, verifies or rejects the evidence; the enterprise submits the plan, notes progress and submits the
// evidence; a regulator comments in every status; a competing agency, the insurer and a viewer take no step.
TEST(WorkflowEngine, HazardsToldByTheAgencyRectifiedByTheEnterpriseCommentedByTheRegulator) {
  const auto& m = hazards::hazard_machine();
  const auto agency = [](Codes codes) {
    return std::map<std::string, Codes>{
        {"agency", codes}, {"expert", codes}, {"team", codes}, {"admin", codes}};
  };
  const auto with = [](std::map<std::string, Codes> table, const std::string& party, Codes codes) {
    table[party] = std::move(codes);
    return table;
  };
  const Codes comment = {"comment"};
  expect_table(m, hazard("found"), with(agency({"edit", "set_deadline", "notify"}), "regulator", comment));
  expect_table(
      m, hazard("notified"),
      with(with(agency({"edit", "set_deadline"}), "enterprise", {"submit_plan"}), "regulator", comment));
  expect_table(m, hazard("plan_submitted"),
               with(agency({"set_deadline", "accept_plan", "return_plan"}), "regulator", comment));
  expect_table(m, hazard("rectifying"),
               with(with(agency({"set_deadline"}), "enterprise", {"add_progress", "submit_evidence"}),
                    "regulator", comment));
  expect_table(m, hazard("evidence_submitted"),
               with(agency({"set_deadline", "verify", "reject_evidence"}), "regulator", comment));
  expect_table(m, hazard("verified_closed"), {{"regulator", comment}});

  EXPECT_EQ(refusal_of("other_agency", m, hazard("found"), "notify"), "403 forbidden");
  EXPECT_EQ(refusal_of("enterprise", m, hazard("found"), "notify"), "403 forbidden");
  EXPECT_EQ(refusal_of("insurer", m, hazard("evidence_submitted"), "verify"), "403 forbidden");
  EXPECT_EQ(refusal_of("agency", m, hazard("notified"), "submit_plan"), "403 forbidden");
  EXPECT_EQ(refusal_of("enterprise", m, hazard("found"), "submit_plan"), "409 invalid_transition");
  EXPECT_EQ(refusal_of("enterprise", m, hazard("evidence_submitted"), "submit_evidence"),
            "409 invalid_transition");
  EXPECT_EQ(refusal_of("agency", m, hazard("rectifying"), "edit"), "409 hazard_not_editable");
  EXPECT_EQ(refusal_of("agency", m, hazard("verified_closed"), "set_deadline"), "409 hazard_closed");
  // The re-check closes a hazard itself; nobody takes that step through the API.
  EXPECT_EQ(refusal_of("admin", m, hazard("rectifying"), "close_on_recheck"), "403 forbidden");
  // An enterprise user of another enterprise takes nothing on this one.
  auto elsewhere = hazard("notified");
  elsewhere.enterprise_org_id = 99;
  EXPECT_EQ(actions_of("enterprise", m, elsewhere), Codes{});
  for (const char* action : {"return_plan", "reject_evidence", "comment"})
    EXPECT_EQ(workflow::step_from(m, action,
                                  action == std::string("return_plan") ? "plan_submitted"
                                  : action == std::string("comment")   ? "found"
                                                                       : "evidence_submitted")
                  ->reason,
              workflow::Reason::required)
        << action;
}

// The database no longer checks status_events.object_type (V026): every machine's type must be in the list
// record_status accepts, and a type outside it is refused.
TEST(WorkflowObjectTypes, EveryMachineKeepsItsHistoryUnderAListedType) {
  const std::vector<std::string_view> types = {commission_machine().object_type,
                                               plan_machine().object_type,
                                               visit_machine().object_type,
                                               hazards::hazard_machine().object_type,
                                               inspections::inspection_machine().object_type,
                                               notices::notice_machine().object_type,
                                               envrisk::assessment_machine().object_type};
  EXPECT_EQ(types, (std::vector<std::string_view>{"commission_item", "service_plan", "visit", "hazard",
                                                  "inspection", "notice", "env_risk_assessment"}));
  for (const auto type : types) EXPECT_TRUE(workflow::is_object_type(type)) << type;
  EXPECT_FALSE(workflow::is_object_type("Hazard"));
  EXPECT_FALSE(workflow::is_object_type(""));
}
