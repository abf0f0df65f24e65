// The corrections of issue 9 §5 to scheduling and its deadlines: a visit only for a commissioned (or
// agreed-plan) enterprise and service type and not in the past, a warning for non-working days; one
// answer for /staffing-check and /visits/team-check with the catalog's team sizes and chengdu's rule;
// upload dates agreed for large enterprises' deep assessments and special requests (wuxi att.1 一(一)7);
// survey gaps per insurance type and policy period; deadlines counted on an estimated calendar say so.
#include "services_fixtures.hpp"

using namespace rw::testing;
using nlohmann::json;

namespace {

using Codes = std::vector<std::string>;

class VisitScheduleApi : public ServicesApiTest {
 protected:
  static json visit_body(std::int64_t enterprise, std::vector<std::int64_t> staff, const std::string& day,
                         const std::vector<std::string>& types = {"wuxi.screening.risk_assessment"}) {
    json type_ids = json::array();
    for (const auto& code : types) type_ids.push_back(service_type(code));
    return {{"enterprise_id", enterprise},
            {"service_type_ids", type_ids},
            {"planned_on", day},
            {"staff_ids", staff}};
  }
  static Codes codes_of(const HttpResult& r) {
    EXPECT_EQ(r.status, 422) << r.body;
    return field_codes(r.json()["errors"]);
  }
  // A registered safety engineer (中级) of agency A without an academic title; created once.
  static std::int64_t registered_engineer() {
    const std::string name = "王注安";
    if (total_of(admin().get("/staff?q=" + url(name))) == 0) {
      auto created = as("demo-agency")
                         .post("/staff", {{"name", name},
                                          {"phone", "13712340099"},
                                          {"kind", "safety_engineer"},
                                          {"title_level", "none"},
                                          {"safety_engineer_level", "intermediate"},
                                          {"specialties", {"safety"}}});
      if (created.status != 201) throw std::runtime_error(created.body);
    }
    return staff_id(name);
  }
  // Insurer A commissions agency A for the enterprise with these service types; agency A accepts.
  static void commission_accepted(std::int64_t enterprise, const std::vector<std::string>& types) {
    json type_ids = json::array();
    for (const auto& code : types) type_ids.push_back(service_type(code));
    auto c = as("demo-insurer")
                 .post("/commissions", {{"agency_org_id", org_id(kAgencyA)},
                                        {"enterprise_ids", {enterprise}},
                                        {"service_type_ids", type_ids}});
    if (c.status != 201) throw std::runtime_error(c.body);
    auto accepted =
        as("demo-agency").post(item_path(item_of(c.json(), enterprise), "accept"), json::object());
    if (accepted.status != 200) throw std::runtime_error(accepted.body);
  }
  // Schedules, starts and finishes a visit today; returns its id.
  static std::int64_t done_visit(const json& body) {
    auto agency = as("demo-agency");
    auto created = agency.post("/visits", body);
    if (created.status != 201) throw std::runtime_error(created.body);
    const auto path = id_path("visits", created.json()["id"]);
    if (agency.post(path + "/start", json::object()).status != 200 ||
        agency.post(path + "/finish", json::object()).status != 200)
      throw std::runtime_error("cannot finish " + path);
    return created.json()["id"];
  }
  static json upload_deadlines(std::int64_t visit, const std::string& status = "open") {
    return as("demo-agency")
        .get("/deadlines?kind=data_upload&status=" + status +
             "&object_type=visit&object_id=" + std::to_string(visit))
        .json();
  }
};
// Moves the clock: a suite (and server) of its own.
class VisitUploadDueApi : public VisitScheduleApi {};

}  // namespace

TEST_F(VisitScheduleApi, OnlyCommissionedEnterprisesAndTypesOnAFutureDay) {
  auto agency = as("demo-agency");
  const auto chen = staff_id("陈专家"), liu = staff_id("刘技术");
  // 新材表面处理 (5): insurer A's item for agency A is still pending.
  EXPECT_EQ(codes_of(agency.post("/visits", visit_body(demo_id(5), {chen, liu}, "2026-06-03"))),
            Codes{"enterprise_id:not_commissioned"});
  // 华润印染 (1): accepted, but for the assessment and the emergency screening only.
  EXPECT_EQ(
      codes_of(agency.post("/visits", visit_body(demo_id(1), {chen, liu}, "2026-06-03",
                                                 {"wuxi.screening.risk_assessment", "wuxi.training.water"}))),
      Codes{"service_type_ids[1]:not_commissioned_type"});
  // Not before today (2026-06-01).
  auto past = agency.post("/visits", visit_body(demo_id(1), {chen, liu}, "2026-05-29"));
  EXPECT_EQ(codes_of(past), Codes{"planned_on:in_the_past"});
  EXPECT_FALSE(past.json()["errors"][0]["message"].get<std::string>().empty());
  // 恒达化工 (0): its item is served; the plan it agreed is for 2026, not for 2027.
  const auto zhou = staff_id("周专家");
  EXPECT_EQ(agency.post("/visits", visit_body(demo_id(0), {zhou, chen, liu}, "2026-06-10")).status, 201);
  EXPECT_EQ(codes_of(agency.post("/visits", visit_body(demo_id(0), {zhou, chen, liu}, "2027-03-10"))),
            Codes{"enterprise_id:not_commissioned"});
  // Agency B has no commission for enterprise 1 at all.
  EXPECT_EQ(
      codes_of(
          as("qingyuan-admin").post("/visits", visit_body(demo_id(1), {staff_id("郑专家")}, "2026-06-03"))),
      Codes{"enterprise_id:unknown_enterprise"});

  // A Saturday is allowed, with a warning the user sees.
  auto saturday = agency.post("/visits", visit_body(demo_id(1), {chen, liu}, "2026-06-06"));
  ASSERT_EQ(saturday.status, 201) << saturday.body;
  EXPECT_EQ(strings_of(saturday.json()["warnings"], "code"), Codes{"non_working_day"});
  EXPECT_NE(saturday.json()["warnings"][0]["message"].get<std::string>().find("非工作日"), std::string::npos);
  // 2027 has no holiday data yet: the day is estimated as Monday–Friday, and the answer says so.
  auto estimated = agency.post("/visits", visit_body(demo_id(1), {chen, liu}, "2027-01-05"));
  ASSERT_EQ(estimated.status, 201) << estimated.body;
  EXPECT_EQ(strings_of(estimated.json()["warnings"], "code"), Codes{"calendar_estimated"});
  EXPECT_NE(estimated.json()["warnings"][0]["message"].get<std::string>().find("按周一至周五估算"),
            std::string::npos);

  // A change is checked the same way; an untouched date is not re-checked.
  const auto path = id_path("visits", saturday.json()["id"]);
  EXPECT_EQ(codes_of(agency.patch(path, {{"planned_on", "2026-05-30"}})), Codes{"planned_on:in_the_past"});
  EXPECT_EQ(codes_of(agency.patch(path, {{"service_type_ids", {service_type("wuxi.training.air")}}})),
            Codes{"service_type_ids[0]:not_commissioned_type"});
  auto moved = agency.patch(path, {{"planned_on", "2026-06-08"}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.json()["warnings"], json::array());
}

TEST_F(VisitScheduleApi, StaffingCheckAndTeamCheckGiveOneAnswer) {
  auto agency = as("demo-agency");
  const auto liu = staff_id("刘技术"), junior = staff_id("何初级");
  // 恒达化工 (0): large, major risk; wuxi §15(三) with the assessment.
  const auto body = visit_body(demo_id(0), {liu, junior}, "2026-06-03");
  auto staffing = agency.post("/staffing-check", body);
  auto team = agency.post("/visits/team-check", body);
  ASSERT_EQ(staffing.status, 200) << staffing.body;
  EXPECT_EQ(staffing.json(), team.json());
  EXPECT_EQ(strings_of(staffing.json()["unmet"], "code"),
            (Codes{"too_few_people", "expert_required", "titled_expert_required"}));
  // The scheduling rules are the save's business: a team can be checked for an enterprise not commissioned.
  auto uncommissioned = visit_body(demo_id(5), {liu, junior}, "2026-06-03");
  EXPECT_EQ(agency.post("/staffing-check", uncommissioned).json(),
            agency.post("/visits/team-check", uncommissioned).json());

  // An enterprise of unknown scale and risk: an expert is required, and the answer warns about the scale.
  const auto unknown = insured_enterprise("无锡市规模未定科技有限公司", 9101, "", "unknown");
  commission_accepted(unknown, {"wuxi.screening.risk_assessment"});  // so that agency A sees it
  const auto unknown_body = visit_body(unknown, {liu, junior}, "2026-06-03");
  auto conservative = agency.post("/staffing-check", unknown_body);
  ASSERT_EQ(conservative.status, 200) << conservative.body;
  EXPECT_EQ(strings_of(conservative.json()["unmet"], "code"), Codes{"expert_required"});
  EXPECT_EQ(strings_of(conservative.json()["warnings"], "code"),
            (Codes{"scale_unknown", "risk_level_unknown"}));
  EXPECT_EQ(conservative.json(), agency.post("/visits/team-check", unknown_body).json());
  auto with_expert = unknown_body;
  with_expert["staff_ids"] = {staff_id("陈专家"), liu};
  EXPECT_EQ(agency.post("/staffing-check", with_expert).json()["satisfied"], true);
}

TEST_F(VisitScheduleApi, ChengduWorkTakesTheCatalogSizeAndEveryMemberQualified) {
  auto agency = as("demo-agency");
  const auto engineer = registered_engineer(), liu = staff_id("刘技术"), junior = staff_id("何初级");
  // 恒达化工 (0) is large: chengdu asks 不少于 2 (6.3.2.2), not wuxi's 3, and no expert.
  auto two = agency.post("/staffing-check",
                         visit_body(demo_id(0), {engineer, liu}, "2026-06-03", {"chengdu.hazard_screening"}));
  ASSERT_EQ(two.status, 200) << two.body;
  EXPECT_EQ(two.json()["satisfied"], true) << two.body;
  EXPECT_EQ(two.json()["warnings"], json::array());
  // Everyone must meet 5.2.4: a junior technician is named.
  auto junior_along =
      agency.post("/visits/team-check",
                  visit_body(demo_id(0), {engineer, junior}, "2026-06-03", {"chengdu.hazard_screening"}));
  EXPECT_EQ(strings_of(junior_along.json()["unmet"], "code"), Codes{"safety_qualification_required"});
  EXPECT_NE(junior_along.json()["unmet"][0]["message"].get<std::string>().find("何初级"), std::string::npos);
}

TEST_F(VisitScheduleApi, SurveyGapsCountPerInsuranceTypeWithinThePolicysPeriod) {
  auto insurer = as("demo-insurer");
  const auto enterprise = insured_enterprise("无锡市双险种机械有限公司", 9102);
  auto safety = insurer.post("/policies", {{"insurance_type", "work_safety"},
                                           {"policy_number", "PICC-WS-9102"},
                                           {"enterprise_id", enterprise},
                                           {"starts_on", "2026-01-01"},
                                           {"ends_on", "2027-12-31"},
                                           {"premium", 10000},
                                           {"sum_insured", 500000},
                                           {"fund_share_kind", "percent"},
                                           {"fund_share_value", 10}});
  ASSERT_EQ(safety.status, 201) << safety.body;
  const auto gap_types = [&](const std::string& on = "2026-06-01") {
    Codes out;
    const auto gaps = as("demo-insurer").get("/survey-gaps?limit=200&on=" + on).json();
    EXPECT_TRUE(gaps.contains("items")) << gaps.dump();
    for (const auto& g : gaps["items"])
      if (g["enterprise"]["id"] == enterprise) out.push_back(g["policy"]["insurance_type"]);
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_EQ(gap_types(), (Codes{"environmental", "work_safety"}));
  // A chengdu hazard screening is the work-safety policy's yearly survey, not the environmental one's.
  commission_accepted(enterprise, {"chengdu.hazard_screening"});
  done_visit(visit_body(enterprise, {registered_engineer(), staff_id("刘技术")}, "2026-06-01",
                        {"chengdu.hazard_screening"}));
  EXPECT_EQ(gap_types(), Codes{"environmental"});
  const auto safety_path = id_path("policies", safety.json()["id"]);
  EXPECT_EQ(insurer.get(safety_path).json()["surveyed_on"], "2026-06-01");
  // A period that no longer holds the screening has no survey, and the gap is back (a month on, when the
  // period has begun); restored, it has it again.
  EXPECT_EQ(gap_types("2026-07-01"), Codes{"environmental"});
  ASSERT_EQ(insurer.patch(safety_path, {{"starts_on", "2026-06-02"}}).status, 200);
  EXPECT_TRUE(insurer.get(safety_path).json()["surveyed_on"].is_null());
  EXPECT_EQ(gap_types("2026-07-01"), (Codes{"environmental", "work_safety"}));
  ASSERT_EQ(insurer.patch(safety_path, {{"starts_on", "2026-01-01"}}).status, 200);
  EXPECT_EQ(insurer.get(safety_path).json()["surveyed_on"], "2026-06-01");
  EXPECT_EQ(gap_types("2026-07-01"), Codes{"environmental"});
  // The environmental assessment (a commission of its own: the first was served) closes the other.
  commission_accepted(enterprise, {"wuxi.screening.risk_assessment"});
  done_visit(visit_body(enterprise, {staff_id("陈专家"), staff_id("刘技术")}, "2026-06-01"));
  EXPECT_EQ(gap_types(), Codes{});
}

TEST_F(VisitUploadDueApi, LargeDeepAssessmentsUploadByAnAgreedDate) {
  set_today("2026-06-01");
  auto agency = as("demo-agency");
  const auto chen = staff_id("陈专家"), zhou = staff_id("周专家"), liu = staff_id("刘技术");
  const auto large = insured_enterprise("无锡市大型深评机械有限公司", 9103, "large");
  commission_accepted(large, {"wuxi.screening.risk_assessment"});
  const auto visit = done_visit(visit_body(large, {chen, zhou, liu}, "2026-06-01"));
  // No deadline counts by itself (wuxi att.1 一(一)7: 除大型企业深度评估……外).
  EXPECT_EQ(upload_deadlines(visit)["total"], 0);
  const auto path = id_path("visits", visit) + "/upload-due";

  EXPECT_EQ(codes_of(agency.put(path, json::object())), Codes{"due_on:required"});
  EXPECT_EQ(codes_of(agency.put(path, {{"due_on", "2026-05-31"}})), Codes{"due_on:in_the_past"});
  // The agency's leads record it; not the team, not an enterprise.
  EXPECT_EQ(as("demo-technician").put(path, {{"due_on", "2026-06-20"}}).status, 403);
  EXPECT_EQ(as("demo-enterprise").put(path, {{"due_on", "2026-06-20"}}).status, 403);

  auto agreed = agency.put(path, {{"due_on", "2026-06-20"}});
  ASSERT_EQ(agreed.status, 200) << agreed.body;
  auto open = upload_deadlines(visit);
  ASSERT_EQ(open["total"], 1);
  EXPECT_EQ(open["items"][0]["due_on"], "2026-06-20");
  EXPECT_EQ(open["items"][0]["rule"]["unit"], "calendar_days");
  EXPECT_EQ(open["items"][0]["rule"]["amount"], 19);
  EXPECT_NE(open["items"][0]["rule"]["basis"].get<std::string>().find("约定"), std::string::npos);
  EXPECT_EQ(open["items"][0]["watcher"]["name"], kInsurerA);
  EXPECT_EQ(open["items"][0]["fallback"], false);
  // Agreed anew: the deadline moves, the old one is cancelled.
  ASSERT_EQ(agency.put(path, {{"due_on", "2026-06-25"}}).status, 200);
  EXPECT_EQ(upload_deadlines(visit)["items"][0]["due_on"], "2026-06-25");
  EXPECT_EQ(upload_deadlines(visit, "cancelled")["total"], 1);
  // Submitting the report uploads the data and meets it.
  ASSERT_EQ(agency.post(id_path("visits", visit) + "/report/submissions", json::object()).status, 201);
  EXPECT_EQ(upload_deadlines(visit, "met")["total"], 1);
  EXPECT_EQ(agency.put(path, {{"due_on", "2026-06-26"}}).json()["code"], "upload_not_expected");

  // A special request at a small enterprise is agreed too; an ordinary visit counts its 5 working days.
  const auto small = insured_enterprise("无锡市特需服务有限公司", 9104);
  commission_accepted(small, {"wuxi.screening.risk_assessment"});
  auto special = visit_body(small, {chen, zhou, liu}, "2026-06-01");
  special["special_request"] = true;
  const auto special_visit = done_visit(special);
  EXPECT_EQ(upload_deadlines(special_visit)["total"], 0);
  EXPECT_EQ(agency.put(id_path("visits", special_visit) + "/upload-due", {{"due_on", "2026-06-15"}}).status,
            200);
  const auto other_small = insured_enterprise("无锡市常规服务有限公司", 9106);
  commission_accepted(other_small, {"wuxi.screening.risk_assessment"});
  const auto ordinary = done_visit(visit_body(other_small, {chen, liu}, "2026-06-01"));
  auto counted = upload_deadlines(ordinary);
  ASSERT_EQ(counted["total"], 1);
  EXPECT_EQ(counted["items"][0]["due_on"], "2026-06-08");
  auto nothing_to_agree = agency.put(id_path("visits", ordinary) + "/upload-due", {{"due_on", "2026-06-15"}});
  EXPECT_EQ(nothing_to_agree.status, 409);
  EXPECT_EQ(nothing_to_agree.json()["code"], "upload_due_not_agreed");
}

TEST_F(VisitUploadDueApi, DeadlinesCountedOnAnEstimatedYearSaySo) {
  // 2026-12-30: the 5 working days of the upload run into 2027, which has no holiday data yet.
  set_today("2026-12-30");
  const auto enterprise = insured_enterprise("无锡市跨年服务有限公司", 9105);
  commission_accepted(enterprise, {"wuxi.screening.risk_assessment"});
  const auto visit =
      done_visit(visit_body(enterprise, {staff_id("陈专家"), staff_id("刘技术")}, "2026-12-30"));
  auto upload = upload_deadlines(visit);
  ASSERT_EQ(upload["total"], 1);
  EXPECT_EQ(upload["items"][0]["fallback"], true);
  auto commission =
      as("demo-agency")
          .get("/deadlines?kind=commission_on_site&enterprise_id=" + std::to_string(enterprise) +
               "&status=all")
          .json();
  ASSERT_EQ(commission["total"], 1);
  EXPECT_EQ(commission["items"][0]["fallback"], true);  // 60 days from 2026-12-30 end in 2027
  // The calendar answers say the same; within 2026 nothing is estimated.
  set_today("2026-06-01");
  auto calendar = as("demo-agency").get("/calendar/add-working-days?from=2026-12-30&days=5").json();
  EXPECT_EQ(calendar["fallback"], true);
  EXPECT_EQ(as("demo-agency").get("/calendar/add-working-days?from=2026-06-01&days=5").json()["fallback"],
            false);
}
