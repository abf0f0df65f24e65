// Visits: the staffing rule and duration limit on every save, the status machine, the deadlines a
// done visit opens (counted in working days across holidays), and who sees which visits.
#include "services_fixtures.hpp"

using namespace rw::testing;
using nlohmann::json;

namespace {

using Codes = std::vector<std::string>;

class VisitApi : public ServicesApiTest {
 protected:
  static json visit_body(std::int64_t enterprise, std::vector<std::int64_t> staff,
                         const std::string& day = "2026-06-03") {
    return {{"enterprise_id", enterprise},
            {"service_type_ids", {service_type("wuxi.screening.risk_assessment")}},
            {"planned_on", day},
            {"staff_ids", staff}};
  }
  static Codes codes_of(const HttpResult& r) {
    EXPECT_EQ(r.status, 422) << r.body;
    return field_codes(r.json()["errors"]);
  }
};
// Moves the clock: a suite (and server) of its own.
class VisitDeadlineApi : public VisitApi {};

}  // namespace

TEST_F(VisitApi, ATeamThatBreaksTheStaffingRuleIsRefusedWithEveryUnmetRule) {
  auto agency = as("demo-agency");
  const auto junior = staff_id("何初级"), chen = staff_id("陈专家"), liu = staff_id("刘技术"),
             zhou = staff_id("周专家"), ma = staff_id("马排除");
  // 太湖精密铸造 (3): medium, general risk, commissioned. One junior technician: too few and no qualified
  // member.
  auto alone = agency.post("/visits", visit_body(demo_id(3), {junior}));
  EXPECT_EQ(codes_of(alone), (Codes{"staff_ids:too_few_people", "staff_ids:expert_or_technician_required"}));
  EXPECT_EQ(alone.json()["code"], "visit_rules_unmet");
  EXPECT_EQ(alone.json()["unmet_rules"].size(), 2u);
  // 华润印染 (1): larger risk needs an expert.
  EXPECT_EQ(codes_of(agency.post("/visits", visit_body(demo_id(1), {liu, junior}))),
            Codes{"staff_ids:expert_required"});
  // 恒达化工 (0): large and major risk — three people with a senior-title expert; at most 2 days.
  auto large = visit_body(demo_id(0), {chen, liu});
  large["duration_days"] = 3;
  EXPECT_EQ(codes_of(agency.post("/visits", large)),
            (Codes{"staff_ids:too_few_people", "duration_days:duration_too_long"}));
  // An excluded member never counts and is named as such.
  EXPECT_EQ(codes_of(agency.post("/visits", visit_body(demo_id(3), {ma, liu}))),
            (Codes{"staff_ids:excluded_member", "staff_ids:too_few_people"}));
  // A medium enterprise's visit may not last 2 days unless it is a special request.
  auto two_days = visit_body(demo_id(3), {chen, liu});
  two_days["duration_days"] = 2;
  EXPECT_EQ(codes_of(agency.post("/visits", two_days)), Codes{"duration_days:duration_too_long"});
  two_days["special_request"] = true;  // special requests need 3 people with a senior expert
  EXPECT_EQ(codes_of(agency.post("/visits", two_days)), Codes{"staff_ids:too_few_people"});
  // Staff of another agency are not on offer.
  EXPECT_EQ(codes_of(agency.post("/visits", visit_body(demo_id(3), {chen, staff_id("郑专家")}))),
            Codes{"staff_ids[1]:unknown_staff"});
  // team-check answers the same without saving.
  auto check = agency.post("/visits/team-check", visit_body(demo_id(3), {junior}));
  ASSERT_EQ(check.status, 200) << check.body;
  EXPECT_EQ(check.json()["satisfied"], false);
  EXPECT_EQ(check.json()["unmet"].size(), 2u);
  EXPECT_EQ(agency.post("/visits/team-check", visit_body(demo_id(3), {chen, liu})).json()["satisfied"], true);
  EXPECT_EQ(total_of(agency.get("/visits?enterprise_id=" + std::to_string(demo_id(3)))), 1);  // the demo's

  auto ok = agency.post("/visits", visit_body(demo_id(0), {zhou, chen, liu}));
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(ok.json()["team"].size(), 3u);
  EXPECT_EQ(ok.json()["status"], "planned");
  // Insurer A's commission was served on 2026-05-25; the plan enterprise 0 agreed for 2026 allows the visit.
  EXPECT_TRUE(ok.json()["commission_item_id"].is_null());
  EXPECT_EQ(ok.json()["warnings"], json::array());
}

TEST_F(VisitApi, AScheduledVisitsAuditEntryRecordsWhatWasWritten) {
  auto agency = as("demo-agency");
  const auto zhou = staff_id("周专家"), chen = staff_id("陈专家"), liu = staff_id("刘技术");
  auto body = visit_body(demo_id(0), {zhou, chen, liu}, "2026-06-08");
  body["leader_staff_id"] = chen;
  body["notes"] = "请提前准备应急预案";
  const auto created = agency.post("/visits", body);
  ASSERT_EQ(created.status, 201) << created.body;
  const auto visit = created.json();
  ASSERT_EQ(visit["service_types"].size(), 1u);
  const auto log = agency.get("/audit?entity=visit&action=create&entity_id=" + visit["id"].dump()).json();
  ASSERT_EQ(log["total"], 1);
  const auto changes = log["items"][0]["changes"];
  const json written = {{"enterprise_id", demo_id(0)},
                        {"agency_org_id", visit["agency"]["id"]},
                        {"status", "planned"},
                        {"planned_on", "2026-06-08"},
                        {"duration_days", 1},
                        {"service_type_version_ids", {visit["service_types"][0]["version_id"]}},
                        {"staff_ids", {zhou, chen, liu}},
                        {"leader_staff_id", chen},
                        {"notes", "请提前准备应急预案"}};
  for (const auto& [key, value] : written.items()) EXPECT_EQ(changes[key]["to"], value) << key;
  // Fields left empty are not listed as changes.
  EXPECT_FALSE(changes.contains("plan_id"));
  EXPECT_FALSE(changes.contains("commission_item_id"));
}

TEST_F(VisitApi, StatusMachineAndWhoMayMoveIt) {
  auto agency = as("demo-agency");
  const auto chen = staff_id("陈专家"), liu = staff_id("刘技术");
  auto created = agency.post("/visits", visit_body(demo_id(2), {chen, liu}));
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_FALSE(created.json()["commission_item_id"].is_null());  // it answers insurer A's commission
  const auto path = id_path("visits", created.json()["id"]);
  EXPECT_EQ(agency.post(path + "/finish", json::object()).json()["code"], "invalid_transition");
  // Someone not on the team may not start it; a team member may.
  EXPECT_EQ(as("demo-expert2").post(path + "/start", json::object()).status, 403);
  EXPECT_EQ(as("qingyuan-admin").post(path + "/start", json::object()).status, 404);
  auto started = as("demo-technician").post(path + "/start", json::object());
  ASSERT_EQ(started.status, 200) << started.body;
  EXPECT_EQ(started.json()["status"], "in_progress");
  EXPECT_EQ(agency.post(path + "/cancel", {{"reason", "x"}}).status, 409);
  // An in-progress visit cannot change its team.
  EXPECT_EQ(agency.patch(path, {{"staff_ids", {chen}}}).json()["code"], "visit_not_editable");

  // Could not enter: a reason from the list; "other" needs a note; the insurer is told.
  auto second = agency.post("/visits", visit_body(demo_id(3), {chen, liu}, "2026-06-04"));
  const auto second_path = id_path("visits", second.json()["id"]);
  EXPECT_EQ(codes_of(agency.post(second_path + "/could-not-enter", {{"reason", "other"}})),
            Codes{"note:required"});
  EXPECT_EQ(codes_of(agency.post(second_path + "/could-not-enter", {{"reason", "closed"}})),
            Codes{"reason:invalid_choice"});
  auto refused =
      agency.post(second_path + "/could-not-enter", {{"reason", "refused"}, {"note", "现场负责人拒绝入场"}});
  ASSERT_EQ(refused.status, 200) << refused.body;
  EXPECT_EQ(refused.json()["status"], "could_not_enter");
  EXPECT_EQ(refused.json()["not_entered_reason"], "refused");
  auto notes = as("demo-insurer").get("/notifications?unread=true&limit=100").json();
  bool told = false;
  for (const auto& n : notes["items"])
    told = told || (n["kind"] == "visit_not_entered" && n["object_id"] == second.json()["id"]);
  EXPECT_TRUE(told);
  const auto history = agency.get(second_path).json()["history"];
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0]["to"], "could_not_enter");

  // The enterprise confirms its own appointment.
  auto third = agency.post("/visits", visit_body(demo_id(0), {staff_id("周专家"), chen, liu}, "2026-06-05"));
  const auto third_path = id_path("visits", third.json()["id"]);
  auto confirmed = as("demo-enterprise").post(third_path + "/confirm", json::object());
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_EQ(confirmed.json()["status"], "confirmed");
  EXPECT_EQ(as("demo-enterprise").post(path + "/confirm", json::object()).status, 404);  // not its visit
  auto cancelled = agency.post(third_path + "/cancel", {{"reason", "企业要求改期"}});
  EXPECT_EQ(cancelled.json()["status"], "cancelled");
}

// The picker's suggestions mark who already has a visit that day; a cancelled visit keeps nobody busy.
TEST_F(VisitApi, TeamSuggestionsMarkWhoIsBusyOnTheDay) {
  auto agency = as("demo-agency");
  const auto chen = staff_id("陈专家"), liu = staff_id("刘技术"), zhou = staff_id("周专家");
  const auto busy_on = [&](const std::string& day) {
    auto list = agency.get("/visits/team-suggestions?planned_on=" + day);
    EXPECT_EQ(list.status, 200) << list.body;
    const auto body = list.json();
    std::map<std::int64_t, bool> busy;
    for (const auto& member : body["items"]) busy[member["id"]] = member["busy"];
    EXPECT_EQ(busy.count(chen) + busy.count(liu) + busy.count(zhou), 3u) << list.body;
    return busy;
  };
  const std::string day = "2026-06-16";
  auto before = busy_on(day);
  EXPECT_FALSE(before[chen] || before[liu] || before[zhou]);
  auto visit = agency.post("/visits", visit_body(demo_id(3), {chen, liu}, day));
  ASSERT_EQ(visit.status, 201) << visit.body;
  auto during = busy_on(day);
  EXPECT_TRUE(during[chen]);
  EXPECT_TRUE(during[liu]);
  EXPECT_FALSE(during[zhou]);
  auto next_day = busy_on("2026-06-17");
  EXPECT_FALSE(next_day[chen] || next_day[liu]);
  ASSERT_EQ(agency.post(id_path("visits", visit.json()["id"]) + "/cancel", {{"reason", "改期"}}).status, 200);
  auto after = busy_on(day);
  EXPECT_FALSE(after[chen] || after[liu]);
}

TEST_F(VisitApi, EachPartySeesOnlyItsVisits) {
  auto agency_b = as("qingyuan-admin");
  const auto all_a = total_of(as("demo-agency").get("/visits?limit=200"));
  EXPECT_GE(all_a, 4);  // the demo visits
  EXPECT_EQ(total_of(agency_b.get("/visits?limit=200")), 0);
  auto enterprise = as("demo-enterprise").get("/visits?limit=200").json();
  for (const auto& v : enterprise["items"]) EXPECT_EQ(v["enterprise"]["id"], demo_id(0));
  EXPECT_GE(enterprise["total"].get<int>(), 1);
  EXPECT_EQ(total_of(as("demo-regulator").get("/visits?limit=200")), all_a);  // all in its jurisdiction
  // "Mine": the expert's own visits, today's first.
  auto mine = as("demo-expert").get("/visits?mine=true&from=2026-06-01&to=2026-06-01").json();
  ASSERT_EQ(mine["total"], 1);
  EXPECT_EQ(mine["items"][0]["enterprise"]["id"], demo_id(1));
}

TEST_F(VisitDeadlineApi, DoneVisitsOpenUploadAndReviewDeadlinesAcrossNationalDay) {
  set_today("2026-09-30");
  auto agency = as("demo-agency");
  const auto enterprise = insured_enterprise("无锡市节前服务有限公司", 501);
  const auto item = item_of(commission({enterprise}), enterprise);
  ASSERT_EQ(agency.post(item_path(item, "accept"), json::object()).status, 200);
  auto created =
      agency.post("/visits", visit_body(enterprise, {staff_id("陈专家"), staff_id("刘技术")}, "2026-09-30"));
  ASSERT_EQ(created.status, 201) << created.body;
  const auto id = created.json()["id"].get<std::int64_t>();
  const auto path = id_path("visits", id);
  ASSERT_EQ(agency.post(path + "/start", json::object()).status, 200);
  auto done = agency.post(path + "/finish", json::object());
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json()["done_on"], "2026-09-30");
  // The commission is served.
  EXPECT_EQ(agency.get(item_path(item)).json()["status"], "completed");

  // Upload within 5 working days (wuxi att.1): 10-01…10-07 are off; 10-08 (1), 10-09 (2),
  // Saturday 10-10 is a 调休 working day (3), 10-12 (4), 10-13 (5).
  auto upload = agency.get("/deadlines?object_type=visit&object_id=" + std::to_string(id)).json();
  ASSERT_EQ(upload["total"], 1);
  EXPECT_EQ(upload["items"][0]["kind"], "data_upload");
  EXPECT_EQ(upload["items"][0]["due_on"], "2026-10-13");
  EXPECT_EQ(upload["items"][0]["working_days_left"], 5);
  EXPECT_EQ(upload["items"][0]["rule"]["amount"], 5);

  // Uploaded on the due day; review within 10 working days: 10-14 … 10-27.
  set_today("2026-10-13");
  // Submitting the report is what marks the data uploaded.
  auto uploaded = as("demo-agency").post(path + "/report/submissions", json::object());
  ASSERT_EQ(uploaded.status, 201) << uploaded.body;
  auto insurer = as("demo-insurer");
  auto review = insurer.get("/deadlines?kind=report_review&object_id=" + std::to_string(id)).json();
  ASSERT_EQ(review["total"], 1);
  EXPECT_EQ(review["items"][0]["due_on"], "2026-10-27");
  EXPECT_EQ(review["items"][0]["responsible"]["name"], kInsurerA);
  EXPECT_EQ(total_of(as("qingyuan-admin").get("/deadlines?object_id=" + std::to_string(id))), 0);

  // Not reviewed by 10-28: overdue by one working day; the daily sweep tells the insurer once.
  set_today("2026-10-28");
  insurer = as("demo-insurer");
  auto late = insurer.get("/deadlines?overdue=true&kind=report_review&limit=200").json();
  bool listed = false;
  for (const auto& d : late["items"])
    if (d["object_id"] == id) {
      listed = true;
      EXPECT_EQ(d["overdue"], true);
      EXPECT_EQ(d["working_days_left"], -1);
    }
  EXPECT_TRUE(listed);
  auto sweep = as("demo-admin").post("/jobs/deadline-sweep", json::object());
  ASSERT_EQ(sweep.status, 200) << sweep.body;
  EXPECT_GE(sweep.json()["marked_overdue"].get<int>(), 1);
  EXPECT_EQ(as("demo-admin").post("/jobs/deadline-sweep", json::object()).json()["marked_overdue"], 0);
  EXPECT_EQ(as("demo-insurer").post("/jobs/deadline-sweep", json::object()).status, 403);
  auto notes = insurer.get("/notifications?unread=true&limit=200").json();
  int overdue_notes = 0;
  for (const auto& n : notes["items"])
    if (n["kind"] == "deadline_overdue" && n["object_id"] == id) ++overdue_notes;
  EXPECT_EQ(overdue_notes, 1);
  EXPECT_GT(insurer.post("/notifications/read-all", json::object()).json()["marked"].get<int>(), 0);
  EXPECT_EQ(insurer.get("/notifications?unread=true").json()["unread"], 0);

  auto reviewed = insurer.post(path + "/report/approve", json::object());
  ASSERT_EQ(reviewed.status, 200) << reviewed.body;
  EXPECT_EQ(reviewed.json()["status"], "approved");
  EXPECT_EQ(insurer.get(path).json()["reviewed_on"], "2026-10-28");
  EXPECT_EQ(total_of(insurer.get("/deadlines?object_type=visit&object_id=" + std::to_string(id))),
            0);  // none open
  EXPECT_EQ(total_of(insurer.get("/deadlines?status=met&object_type=visit&object_id=" + std::to_string(id))),
            2);
  set_today("2026-06-01");
}

TEST_F(VisitDeadlineApi, InsuredEnterprisesWithoutTheirYearlySurveyAreListed) {
  set_today("2026-06-01");
  auto insurer = as("demo-insurer");
  // Insurer A's demo policies cover 0–11 from 2026-03-01; enterprise 0 was surveyed on 2026-05-25.
  auto gaps = insurer.get("/survey-gaps?limit=200&insurance_type=environmental").json();
  std::vector<std::string> names;
  for (const auto& g : gaps["items"]) names.push_back(g["enterprise"]["name"]);
  EXPECT_EQ(std::count(names.begin(), names.end(), demo_enterprise(0)), 0);
  EXPECT_EQ(std::count(names.begin(), names.end(), demo_enterprise(1)), 1);
  EXPECT_EQ(std::count(names.begin(), names.end(), demo_enterprise(15)), 0);  // insurer B's
  EXPECT_EQ(insurer.get("/survey-gaps?on=2026-13-01").status, 422);
}
