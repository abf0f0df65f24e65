// Hazards 隐患 through the API (issue 12): recorded on a visit and followed to closure by the agency and the
// enterprise, with a regulator's comment; made once from a submitted checklist's findings; seen only by the
// agency that follows them, the enterprise itself, its insurers and the regulators of its region; re-checked
// and carried over by the next visit (wuxi 第十五条（五）); overdue and escalated across the Dragon Boat
// holiday (chengdu 6.3.2.3); the screening feedback deadline (chengdu 6.3.2.4); bad input refused with
// nothing written.
#include <set>
#include <tuple>

#include "hazard_fixtures.hpp"

namespace rw::testing {
namespace {

using nlohmann::json;

class HazardApi : public HazardApiTest {};

TEST_F(HazardApi, RecordedOnAVisitAndFollowedToClosureByTheAgencyAndTheEnterprise) {
  const auto visit = started_visit(0, "2026-06-02");
  const auto expert = as("demo-expert"), enterprise = as("demo-enterprise"), regulator = as("demo-regulator");
  const auto id = recorded(visit, "major", "事故应急池未采取防渗措施");
  auto h = expert.get(id_path("hazards", id)).json();
  EXPECT_EQ(h["status"], "found");
  EXPECT_EQ(h["found_by"], "陈专家");
  EXPECT_EQ(h["found_on"], "2026-06-01");
  EXPECT_EQ(h["actions"], json::array({"edit", "set_deadline", "notify"}));
  EXPECT_EQ(enterprise.get(id_path("hazards", id)).json()["actions"], json::array());
  EXPECT_EQ(enterprise.post(step(id, "notify"), {{"deadline_days", 5}}).status, 403);
  auto no_deadline = expert.post(step(id, "notify"), json::object());
  EXPECT_EQ(no_deadline.status, 422);
  EXPECT_EQ(no_deadline.json()["errors"][0]["code"], "deadline_required");

  // Told on Monday 6-1 with 5 working days: due Monday 6-8; the enterprise sees it on its deadline board.
  auto told = expert.post(step(id, "notify"), {{"deadline_days", 5}, {"reason", "现场告知"}});
  ASSERT_EQ(told.status, 200) << told.body;
  EXPECT_EQ(told.json()["status"], "notified");
  EXPECT_EQ(told.json()["deadline"]["due_on"], "2026-06-08");
  EXPECT_EQ(told.json()["deadline"]["working_days_left"], 5);
  const auto board = enterprise.get("/deadlines?object_type=hazard&object_id=" + std::to_string(id)).json();
  ASSERT_EQ(board["items"].size(), 1u);
  EXPECT_EQ(board["items"][0]["kind"], "hazard_rectification");
  EXPECT_EQ(board["items"][0]["due_on"], "2026-06-08");

  auto missing = enterprise.post(step(id, "submit-plan"), json::object());
  EXPECT_EQ(field_codes(missing.json()["errors"]),
            (std::vector<std::string>{"measures:required", "responsible:required", "due_on:required"}));
  const json plan = {
      {"measures", "铺设防渗层"}, {"due_on", "2026-06-05"}, {"responsible", "钱安环"}, {"funds", 1200.5}};
  auto planned = enterprise.post(step(id, "submit-plan"), plan);
  ASSERT_EQ(planned.status, 200) << planned.body;
  EXPECT_EQ(planned.json()["plan"]["funds"], 1200.5);
  EXPECT_EQ(expert.post(step(id, "return-plan"), json::object()).status, 422);
  EXPECT_EQ(expert.post(step(id, "return-plan"), {{"reason", "未明确防渗材料"}}).json()["status"],
            "notified");
  ASSERT_EQ(enterprise.post(step(id, "submit-plan"), plan).status, 200);
  EXPECT_EQ(expert.post(step(id, "accept-plan"), json::object()).json()["status"], "rectifying");
  EXPECT_EQ(enterprise.post(step(id, "add-progress"), {{"note", "防渗材料已进场"}}).json()["status"],
            "rectifying");
  ASSERT_EQ(enterprise.post(step(id, "submit-evidence"), {{"description", "已完成防渗层铺设"}}).status, 200);
  EXPECT_EQ(expert.post(step(id, "reject-evidence"), {{"reason", "缺少施工照片"}}).json()["status"],
            "rectifying");
  ASSERT_EQ(enterprise.post(step(id, "submit-evidence"), {{"description", "补充施工照片"}}).status, 200);
  EXPECT_EQ(regulator.post(step(id, "verify"), {{"result", "x"}}).status, 403);
  auto closed = expert.post(step(id, "verify"), {{"result", "防渗层完好，同意销号"}});
  ASSERT_EQ(closed.status, 200) << closed.body;
  h = closed.json();
  EXPECT_EQ(h["status"], "verified_closed");
  EXPECT_EQ(h["acceptance"]["accepted_by"], "陈专家");
  EXPECT_EQ(h["acceptance"]["accepted_on"], "2026-06-01");
  EXPECT_EQ(h["evidence"]["description"], "补充施工照片");
  ASSERT_EQ(h["progress"].size(), 1u);
  EXPECT_EQ(h["progress"][0]["note"], "防渗材料已进场");
  EXPECT_EQ(
      total_of(enterprise.get("/deadlines?status=met&object_type=hazard&object_id=" + std::to_string(id))),
      1);

  // The regulator of the region comments; everything is in the history with who and why.
  auto commented = regulator.post(step(id, "comment"), {{"reason", "请企业举一反三"}});
  ASSERT_EQ(commented.status, 200) << commented.body;
  const auto history = commented.json()["history"];
  EXPECT_EQ(actions_in(history),
            (std::vector<std::string>{"notify", "submit_plan", "return_plan", "submit_plan", "accept_plan",
                                      "add_progress", "submit_evidence", "reject_evidence", "submit_evidence",
                                      "verify", "comment"}));
  EXPECT_EQ(history[2]["reason"], "未明确防渗材料");
  EXPECT_EQ(history[2]["user"]["name"], "陈专家");
  EXPECT_EQ(history[1]["user"]["name"], "钱安环");
  EXPECT_EQ(history[10]["reason"], "请企业举一反三");
  EXPECT_EQ(history[10]["from"], "verified_closed");
  EXPECT_EQ(history[10]["to"], "verified_closed");
  // The enterprise was told.
  const auto inbox = enterprise.get("/notifications?limit=200").json();
  int about = 0;
  for (const auto& n : inbox["items"]) about += n["object_type"] == "hazard" && n["object_id"] == id;
  EXPECT_GE(about, 4);  // notified, plan returned, plan accepted, evidence rejected, verified
}

TEST_F(HazardApi, EachPartySeesOnlyTheHazardsItsRelationGives) {
  const auto visit = started_visit(0, "2026-06-03");
  const auto id = recorded(visit, "general", "危废标签缺失");
  const auto path = id_path("hazards", id);
  // Signing in is slow (Argon2id): one client per party.
  const auto admin_client = admin(), regulator = as("demo-regulator"), agency_b = as("qingyuan-admin");
  const auto region = [&](const std::string& code) {
    return find_id(admin_client.get("/regions?limit=200&q=" + code), "code", code);
  };
  const auto liangxi = region("320213"), xinwu_region = region("320214");
  EXPECT_EQ(as("demo-insurer").get(path).status, 200);  // insurer A insures enterprise 0
  EXPECT_EQ(regulator.get(path).status, 200);
  EXPECT_EQ(agency_b.get(path).status, 404);  // another agency
  EXPECT_EQ(as("demo-park").get(path).status, 404);
  // A regulator of 新吴区 does not regulate 梁溪区's enterprise 0.
  auto bureau = admin_client.post(
      "/organizations",
      {{"name", "新吴区生态环境局"}, {"type", "regulator"}, {"region_ids", {xinwu_region}}});
  ASSERT_EQ(bureau.status, 201) << bureau.body;
  const auto org_of = [&](const std::string& name) {
    return find_id(admin_client.get("/organizations?limit=200&q=" + url(name)), "name", name);
  };
  for (const auto& [username, org, role] : std::vector<std::tuple<std::string, std::int64_t, std::string>>{
           {"xinwu-regulator", bureau.json()["id"].get<std::int64_t>(), "manager"},
           {"huarun-user", org_of(demo_enterprise(1)), "enterprise_user"}})
    ASSERT_EQ(admin_client
                  .post("/users", {{"username", username},
                                   {"display_name", username},
                                   {"org_id", org},
                                   {"roles", {role}},
                                   {"password", "Tenant#Check2026"}})
                  .status,
              201);
  const Client xinwu(port(), login(port(), "xinwu-regulator", "Tenant#Check2026"));
  EXPECT_EQ(xinwu.get(path).status, 404);
  EXPECT_EQ(xinwu.post(path + "/comment", {{"reason", "越权"}}).status, 404);
  EXPECT_EQ(total_of(xinwu.get("/hazards?enterprise_id=" + std::to_string(demo_id(0)))), 0);
  // An enterprise never sees another's: enterprise 1's user sees none of enterprise 0's.
  const Client other(port(), login(port(), "huarun-user", "Tenant#Check2026"));
  EXPECT_EQ(other.get(path).status, 404);
  EXPECT_EQ(total_of(other.get("/hazards")), 0);
  EXPECT_EQ(other.post(path + "/submit-plan", {{"measures", "x"}}).status, 404);
  const auto own = as("demo-enterprise").get("/hazards?limit=200").json();
  ASSERT_FALSE(own["items"].empty());
  for (const auto& item : own["items"]) EXPECT_EQ(item["enterprise"]["id"], demo_id(0));
  // Agency B lists nothing; the region filter narrows a regulator's list.
  EXPECT_EQ(total_of(agency_b.get("/hazards")), 0);
  EXPECT_GT(total_of(regulator.get("/hazards?region_id=" + std::to_string(liangxi))), 0);
  EXPECT_EQ(total_of(regulator.get("/hazards?region_id=" + std::to_string(xinwu_region))), 0);
  EXPECT_EQ(regulator.get("/visits/" + std::to_string(visit) + "/hazards").json()["items"].size(), 1u);
  EXPECT_EQ(agency_b.get("/visits/" + std::to_string(visit) + "/hazards").status, 404);
}

TEST_F(HazardApi, FindingsOfASubmittedChecklistBecomeHazardsOnce) {
  const auto visit = started_visit(3, "2026-06-04", "wuxi.screening.risk_assessment");
  const auto agency = as("demo-agency"), tech = as("demo-technician");
  std::int64_t noise = 0;
  const auto listed = agency.get("/inspections?visit_id=" + std::to_string(visit)).json();
  for (const auto& i : listed["items"])
    if (i["template"]["code"] == "wuxi-noise") noise = i["id"];
  ASSERT_NE(noise, 0);
  const auto inspection = id_path("inspections", noise);
  ASSERT_EQ(tech.put(inspection + "/answers/noise.monitoring",
                     {{"value", "not_installed"}, {"version", 0}, {"edited_at", "2026-06-04T10:00:00+08:00"}})
                .status,
            200);
  ASSERT_EQ(tech.post(inspection + "/findings", {{"item_id", "noise.monitoring"},
                                                 {"category", "环境管理台账"},
                                                 {"grade", "general"},
                                                 {"description", "噪声监测台账缺失"}})
                .status,
            201);
  EXPECT_EQ(agency.post(inspection + "/hazards", json::object()).json()["code"], "inspection_not_submitted");
  ASSERT_EQ(tech.post(inspection + "/submit", json::object()).status, 200);
  const auto findings = agency.get(inspection).json()["findings"];
  ASSERT_EQ(findings.size(), 2u);
  const auto by_hand = findings[0]["raised_by_option"] == "" ? findings[0] : findings[1];
  const auto raised = findings[0]["raised_by_option"] == "" ? findings[1] : findings[0];
  // A wrong edit writes nothing; an edit of a finding the checklist does not have is refused.
  auto bad = agency.post(inspection + "/hazards",
                         {{"edits", {{{"finding_id", raised["id"]}, {"category", "safety.person"}}}}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.json()["errors"][0]["code"], "unknown_category");
  EXPECT_EQ(agency.post(inspection + "/hazards", {{"edits", {{{"finding_id", 999999}}}}})
                .json()["errors"][0]["code"],
            "unknown_finding");
  EXPECT_EQ(total_of(agency.get("/hazards?visit_id=" + std::to_string(visit))), 0);
  EXPECT_EQ(as("demo-enterprise").post(inspection + "/hazards", json::object()).status, 403);
  EXPECT_EQ(as("qingyuan-admin").post(inspection + "/hazards", json::object()).status, 404);

  auto made = agency.post(
      inspection + "/hazards",
      {{"edits", {{{"finding_id", raised["id"]}, {"location", "厂界东侧"}, {"grade", "major"}}}}});
  ASSERT_EQ(made.status, 200) << made.body;
  const auto created = made.json()["created"];
  ASSERT_EQ(created.size(), 2u);
  for (const auto& h : created) {
    EXPECT_EQ(h["status"], "found");
    EXPECT_EQ(h["domain"], "environment");
    EXPECT_EQ(h["found_by"], "陈专家、刘技术、周专家");  // the leader first
    if (h["finding_id"] == raised["id"]) {
      EXPECT_EQ(h["location"], "厂界东侧");
      EXPECT_EQ(h["grade"], "major");
      EXPECT_EQ(h["item_id"], "noise.monitoring");
    } else {
      // "环境管理台账" is a class of guilin G.1.
      EXPECT_EQ(h["category"], "env.g1.ledger");
      EXPECT_EQ(h["description"], "噪声监测台账缺失");
      EXPECT_EQ(h["finding_id"], by_hand["id"]);
    }
  }
  auto again = agency.post(inspection + "/hazards", json::object()).json();
  EXPECT_EQ(again["created"].size(), 0u);
  EXPECT_EQ(again["existing"].size(), 2u);
  EXPECT_EQ(total_of(agency.get("/hazards?visit_id=" + std::to_string(visit))), 2);
}

TEST_F(HazardApi, BadInputIsRefusedWithItsReasonAndNothingWritten) {
  const auto visit = started_visit(0, "2026-06-05");
  const auto expert = as("demo-expert");
  const auto path = id_path("visits", visit) + "/hazards";
  const auto before = total_of(expert.get("/hazards?visit_id=" + std::to_string(visit)));
  EXPECT_EQ(field_codes(expert.post(path, json::object()).json()["errors"]),
            (std::vector<std::string>{"domain:required", "category:required", "grade:required",
                                      "description:required"}));
  auto body = found("major", "x");
  body["grade"] = 5;
  body["photos"] = "1";
  body["colour"] = "red";
  EXPECT_EQ(field_codes(expert.post(path, body).json()["errors"]),
            (std::vector<std::string>{"colour:unknown_field", "grade:invalid_choice", "photos:wrong_type"}));
  body = found("major", std::string(2001, 'x'));
  EXPECT_EQ(expert.post(path, body).json()["errors"][0]["code"], "too_long");
  body = found("major", "x");
  body["domain"] = "safety";
  EXPECT_EQ(expert.post(path, body).json()["errors"][0]["code"], "unknown_category");
  body = found("major", "x");
  body["sub_category"] = "env.g1.ledger.a";
  EXPECT_EQ(expert.post(path, body).json()["errors"][0]["code"], "unknown_sub_category");
  body = found("major", "x");
  body["photos"] = {999999};
  EXPECT_EQ(expert.post(path, body).status, 404);  // a file nobody showed the caller
  EXPECT_EQ(as("demo-expert").post("/visits/999999/hazards", found("major", "x")).status, 404);
  EXPECT_EQ(as("demo-enterprise").post(path, found("major", "x")).status, 403);
  EXPECT_EQ(total_of(expert.get("/hazards?visit_id=" + std::to_string(visit))), before);
  EXPECT_EQ(expert.get("/hazards?status=bogus").status, 422);
  EXPECT_EQ(expert.get("/hazards?limit=0").status, 422);
  EXPECT_EQ(expert.get("/hazards/abc").status, 404);

  const auto id = recorded(visit, "general", "台账缺失");
  EXPECT_EQ(expert.post(step(id, "notify"), {{"deadline_days", 5}, {"due_on", "2026-06-30"}})
                .json()["errors"][0]["code"],
            "one_deadline");
  EXPECT_EQ(expert.post(step(id, "notify"), {{"deadline_days", 0}}).status, 422);
  EXPECT_EQ(expert.post(step(id, "notify"), {{"due_on", "2026-05-01"}}).json()["errors"][0]["code"],
            "in_the_past");
  EXPECT_EQ(expert.get(id_path("hazards", id)).json()["status"], "found");
  auto edited =
      expert.patch(id_path("hazards", id), {{"description", "危废台账缺少出入库记录"}, {"grade", "major"}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(edited.json()["description"], "危废台账缺少出入库记录");
  EXPECT_EQ(edited.json()["grade"], "major");
  EXPECT_EQ(expert.patch(id_path("hazards", id), {{"description", ""}}).json()["errors"][0]["field"],
            "description");
  EXPECT_EQ(as("demo-enterprise").patch(id_path("hazards", id), {{"remarks", "x"}}).status, 403);
  ASSERT_EQ(expert.post(step(id, "notify"), {{"due_on", "2026-06-30"}}).json()["deadline"]["unit"], "date");
  EXPECT_EQ(
      as("demo-enterprise")
          .post(step(id, "submit-plan"), {{"measures", "x"}, {"responsible", "y"}, {"due_on", "2026-05-01"}})
          .json()["errors"][0]["code"],
      "in_the_past");
  ASSERT_EQ(
      as("demo-enterprise")
          .post(step(id, "submit-plan"), {{"measures", "x"}, {"responsible", "y"}, {"due_on", "2026-06-20"}})
          .status,
      200);
  EXPECT_EQ(expert.patch(id_path("hazards", id), {{"remarks", "x"}}).json()["code"], "hazard_not_editable");
}

TEST_F(HazardApi, TheNextVisitRechecksEarlierHazardsAndCarriesOverTheUnrectified) {
  // The demo's enterprise 0 had 重大 hazards; last year's one was carried over to the done visit already.
  const auto carried = find_id(as("demo-expert").get("/hazards?limit=200&grade=major&status=rectifying"),
                               "description", "事故应急池有效容积不满足环境风险评估报告要求");
  const auto visit = started_visit(0, "2026-06-08");
  const auto expert = as("demo-expert");
  const auto path = id_path("visits", visit) + "/hazards";
  const auto listed = expert.get(path).json();
  ASSERT_FALSE(listed["rechecks"].empty());
  std::set<std::int64_t> ids;
  std::int64_t open_general = 0;
  for (const auto& r : listed["rechecks"]) {
    const auto id = r["hazard"]["id"].get<std::int64_t>();
    ids.insert(id);
    EXPECT_NE(r["hazard"]["status"], "verified_closed");
    EXPECT_TRUE(r["result"].is_null());
    if (id != carried && open_general == 0) open_general = id;
  }
  EXPECT_TRUE(ids.count(carried));
  ASSERT_NE(open_general, 0);
  // Each re-check shows its hazard as the hazard's own page does (read with the re-checks, one statement).
  for (const auto& r : listed["rechecks"]) {
    const auto own = expert.get(id_path("hazards", r["hazard"]["id"].get<std::int64_t>())).json();
    for (const auto* key :
         {"found_on", "grade", "domain", "category", "description", "location", "suggestion", "status"})
      EXPECT_EQ(r["hazard"][key], own[key]) << key;
    EXPECT_EQ(r["hazard"]["visit_id"], own["visit"]["id"]);
    EXPECT_NE(r["hazard"]["visit_id"], visit);
  }

  auto kept = expert.post(path + "/" + std::to_string(carried) + "/recheck",
                          {{"result", "not_rectified"}, {"note", "仍未完工"}});
  ASSERT_EQ(kept.status, 200) << kept.body;
  EXPECT_EQ(expert.post(path + "/" + std::to_string(carried) + "/recheck", {{"result", "rectified"}})
                .json()["code"],
            "recheck_done");
  const auto hazard = expert.get(id_path("hazards", carried)).json();
  EXPECT_EQ(hazard["status"], "rectifying");  // the same hazard, not a copy
  ASSERT_EQ(hazard["rechecks"].size(), 2u);   // the done visit's and this one's
  EXPECT_EQ(hazard["rechecks"][1]["visit_id"], visit);
  EXPECT_EQ(hazard["rechecks"][1]["result"], "not_rectified");
  EXPECT_EQ(actions_in(hazard["history"]).back(), "carry_over");

  auto fixed = expert.post(path + "/" + std::to_string(open_general) + "/recheck", {{"result", "rectified"}});
  ASSERT_EQ(fixed.status, 200) << fixed.body;
  const auto closed = expert.get(id_path("hazards", open_general)).json();
  EXPECT_EQ(closed["status"], "verified_closed");
  EXPECT_EQ(closed["acceptance"]["accepted_by"], "陈专家");
  EXPECT_EQ(actions_in(closed["history"]).back(), "close_on_recheck");
  EXPECT_EQ(expert.post(path + "/" + std::to_string(open_general) + "/recheck", {{"result", "maybe"}}).status,
            422);
  EXPECT_EQ(as("qingyuan-admin")
                .post(path + "/" + std::to_string(carried) + "/recheck", {{"result", "rectified"}})
                .status,
            404);
  EXPECT_EQ(expert.post(path + "/999999/recheck", {{"result", "rectified"}}).status, 404);
}

// Insurer B commissioned agency B for work-safety screening (chengdu 6.3) of demo enterprises 10–14.
TEST_F(HazardApi, ScreeningFeedbackIsDueSevenWorkingDaysAfterTheOnSiteService) {
  const auto agency = as("qingyuan-admin");
  const auto items = agency.get("/commission-items?limit=200").json();
  std::int64_t item = 0;
  for (const auto& i : items["items"])
    if (i["enterprise"]["id"] == demo_id(10)) item = i["id"];
  ASSERT_NE(item, 0);
  ASSERT_EQ(agency.post(item_path(item, "accept"), json::object()).status, 200);
  auto created = agency.post("/visits", {{"enterprise_id", demo_id(10)},
                                         {"service_type_ids", {service_type("chengdu.hazard_screening")}},
                                         {"planned_on", "2026-06-01"},
                                         {"staff_ids", {staff_id("郑专家"), staff_id("孙技术")}}});
  ASSERT_EQ(created.status, 201) << created.body;
  const auto visit = created.json()["id"].get<std::int64_t>();
  ASSERT_EQ(agency.post(id_path("visits", visit) + "/start", json::object()).status, 200);
  ASSERT_EQ(agency.post(id_path("visits", visit) + "/finish", json::object()).status, 200);
  const auto due =
      insurer_b().get("/deadlines?kind=screening_feedback&object_id=" + std::to_string(visit)).json();
  ASSERT_EQ(due["items"].size(), 1u);
  // Done Monday 6-1: 2, 3, 4, 5, 8, 9, 10.
  EXPECT_EQ(due["items"][0]["due_on"], "2026-06-10");
  EXPECT_EQ(due["items"][0]["rule"]["basis"], "chengdu 6.3.2.4");
  EXPECT_EQ(due["items"][0]["responsible"]["name"], kInsurerB);  // its business office reviews (6.3.2.4)
}

// The overdue come longest overdue first, not newest first: here the one recorded first is due first.
TEST_F(HazardApi, OverdueHazardsComeLongestOverdueFirst) {
  const auto visit = started_visit(0, "2026-06-10");
  const auto due_first = recorded(visit, "general", "应急物资台账未更新");
  const auto due_last = recorded(visit, "general", "危险废物标签信息不全");
  ASSERT_EQ(notified_due_on(due_last, 13), "2026-06-18");
  ASSERT_EQ(notified_due_on(due_first, 5), "2026-06-08");
  set_today("2026-06-22");
  const auto list =
      as("demo-regulator").get("/hazards?overdue=true&limit=20&visit_id=" + std::to_string(visit)).json();
  set_today("2026-06-01");
  ASSERT_EQ(list["items"].size(), 2u) << list.dump();
  EXPECT_EQ(list["items"][0]["id"], due_first);
  EXPECT_EQ(list["items"][1]["id"], due_last);
}

// Last: it moves the clock. A 重大 hazard due Thursday 6-18 is overdue on the holiday (Friday 6-19) and
// escalated at once; a 一般 one due Monday 6-8 goes up only when more than 10 working days late: not on 6-23
// (the holiday does not count), on 6-24. Each once.
TEST_F(HazardApi, OverdueHazardsAreEscalatedToTheRegulatorOnceAcrossTheHoliday) {
  const auto visit = started_visit(0, "2026-06-10");
  const auto major = recorded(visit, "major", "雨水排口未设截流阀");
  const auto general = recorded(visit, "general", "应急物资台账未更新");
  ASSERT_EQ(notified_due_on(major, 13), "2026-06-18");
  ASSERT_EQ(notified_due_on(general, 5), "2026-06-08");
  const auto escalated = [](const Client& client) {
    std::map<std::int64_t, std::string> out;
    const auto list = client.get("/hazard-escalations?limit=200").json();
    for (const auto& x : list["items"]) out[x["hazard"]["id"].get<std::int64_t>()] = x["rule"];
    return out;
  };
  const auto sweep = [] { return as("demo-admin").post("/jobs/deadline-sweep", json::object()); };

  set_today("2026-06-16");  // two working days before 6-18: the enterprise is reminded
  ASSERT_EQ(sweep().status, 200);
  int reminded = 0;
  const auto inbox = as("demo-enterprise").get("/notifications?limit=200").json();
  for (const auto& n : inbox["items"])
    reminded += n["kind"] == "deadline_due_soon" && n["object_id"] == major;
  EXPECT_EQ(reminded, 1);
  EXPECT_FALSE(escalated(as("demo-regulator")).count(major));

  set_today("2026-06-19");
  ASSERT_EQ(sweep().status, 200);
  auto seen = escalated(as("demo-regulator"));
  EXPECT_EQ(seen[major], "major_overdue");
  EXPECT_FALSE(seen.count(general));
  EXPECT_EQ(as("demo-expert")
                .get("/hazards?overdue=true&limit=200&visit_id=" + std::to_string(visit))
                .json()["total"],
            2);

  set_today("2026-06-23");
  ASSERT_EQ(sweep().status, 200);
  EXPECT_FALSE(escalated(as("demo-regulator")).count(general));

  set_today("2026-06-24");
  ASSERT_EQ(sweep().status, 200);
  set_today("2026-06-25");
  ASSERT_EQ(sweep().status, 200);
  const auto regulator = as("demo-regulator");
  seen = escalated(regulator);
  EXPECT_EQ(seen[general], "long_overdue");
  const auto list =
      regulator.get("/hazard-escalations?limit=200&enterprise_id=" + std::to_string(demo_id(0))).json();
  int mine = 0;
  for (const auto& x : list["items"]) {
    mine += x["hazard"]["id"] == major || x["hazard"]["id"] == general;
    if (x["hazard"]["id"] == general) {
      EXPECT_EQ(x["due_on"], "2026-06-08");
      EXPECT_EQ(x["working_days_overdue"], 11);
      EXPECT_EQ(x["escalated_on"], "2026-06-24");
    }
  }
  EXPECT_EQ(mine, 2);  // once each
  EXPECT_TRUE(escalated(as("demo-agency")).count(major));
  EXPECT_TRUE(escalated(as("demo-insurer")).empty());  // escalations are the regulators' and the agency's
  int told = 0;
  const auto regulator_inbox = regulator.get("/notifications?limit=200").json();
  for (const auto& n : regulator_inbox["items"])
    told += n["kind"] == "hazard_escalated" && n["object_id"] == major;
  EXPECT_EQ(told, 1);
  EXPECT_FALSE(regulator.get(id_path("hazards", major)).json()["escalated_on"].is_null());
  set_today("2026-06-01");
}

}  // namespace
}  // namespace rw::testing
