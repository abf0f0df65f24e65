// `actions`: every commission item, plan and visit lists the steps the caller may take on it now, in
// its detail and in its list row. The expected lists are written out here by hand, per status and per
// party, from the rules (wuxi §14, §15, att.1; chengdu 5.3.1) — not computed by the server's tables.
#include <map>

#include "services_fixtures.hpp"

using namespace rw::testing;
using nlohmann::json;

namespace {

using Codes = std::vector<std::string>;
using Expected = std::vector<std::pair<std::string, Codes>>;  // username → actions

class WorkflowActionsApi : public ServicesApiTest {
 protected:
  // One signed-in client per user (signing in is slow); made again after the clock moves.
  Client& user(const std::string& username) {
    auto it = clients_.find(username);
    if (it == clients_.end()) it = clients_.emplace(username, as(username)).first;
    return it->second;
  }
  void move_clock(const std::string& day) {
    set_today(day);
    clients_.clear();
  }

  static Codes codes_of(const json& actions) {
    Codes out;
    for (const auto& a : actions) out.push_back(a.get<std::string>());
    return out;
  }

  // Each user's actions on the object in `status`: its detail at `path`, and its row in `list`.
  void expect_actions(const std::string& status, const std::string& path, const std::string& list,
                      std::int64_t id, const Expected& expected) {
    for (const auto& [username, codes] : expected) {
      auto detail = user(username).get(path);
      ASSERT_EQ(detail.status, 200) << username << " " << path << " " << detail.body;
      EXPECT_EQ(detail.json()["status"], status) << path;
      EXPECT_EQ(codes_of(detail.json()["actions"]), codes) << status << " as " << username;
      bool listed = false;
      const auto rows = user(username).get(list).json()["items"];
      for (const auto& row : rows)
        if (row["id"] == id) {
          listed = true;
          EXPECT_EQ(codes_of(row["actions"]), codes) << status << " as " << username << " in " << list;
        }
      EXPECT_TRUE(listed) << username << " " << list;
    }
  }

  static json visit_body(std::int64_t enterprise, std::vector<std::int64_t> staff, const std::string& day) {
    return {{"enterprise_id", enterprise},
            {"service_type_ids", {service_type("wuxi.screening.risk_assessment")}},
            {"planned_on", day},
            {"staff_ids", staff}};
  }

  std::map<std::string, Client> clients_;
};

}  // namespace

TEST_F(WorkflowActionsApi, CommissionItemsInEveryStatusForEachParty) {
  const Codes none;
  const Codes agency_steps = {"accept", "decline", "request_cancel"};
  const Codes cancel_steps = {"approve_cancel", "reject_cancel"};
  int n = 600;
  // A fresh item of insurer A to agency A, moved along `steps` (by the agency or the insurer).
  auto item_in = [&](std::vector<std::pair<std::string, std::string>> steps) {
    const auto enterprise =
        insured_enterprise_by(user("demo-insurer"), "无锡市动作" + std::to_string(n) + "有限公司", n);
    ++n;
    const auto item = item_of(commission_by(user("demo-insurer"), {enterprise}), enterprise);
    for (const auto& [who, step] : steps)
      EXPECT_EQ(user(who).post(item_path(item, step), {{"reason", "原因"}}).status, 200) << step;
    return std::pair{item, enterprise};
  };
  auto check = [&](const std::string& status, std::int64_t item, std::int64_t enterprise, const Expected& e) {
    expect_actions(status, item_path(item), "/commission-items?enterprise_id=" + std::to_string(enterprise),
                   item, e);
  };

  const auto [pending, e1] = item_in({});
  // The commission's own page lists its items with their actions too.
  const auto commission_id = user("demo-insurer").get(item_path(pending)).json()["commission_id"];
  const auto page = user("demo-agency").get(id_path("commissions", commission_id)).json();
  EXPECT_EQ(codes_of(page["items"][0]["actions"]), agency_steps);
  check("pending", pending, e1,
        {{"demo-insurer", {"withdraw"}},
         {"demo-agency", agency_steps},
         {"demo-expert", none},  // reads commissions, does not decide them
         {"demo-admin", {"accept", "decline", "request_cancel", "withdraw"}}});

  const auto [accepted, e2] = item_in({{"demo-agency", "accept"}});
  // Not withdrawn before its due day (2026-07-31); completed only by a visit.
  check("accepted", accepted, e2,
        {{"demo-insurer", none}, {"demo-agency", none}, {"demo-expert", none}, {"demo-admin", none}});

  const auto [cancel_requested, e3] = item_in({{"demo-agency", "request-cancel"}});
  check("cancel_requested", cancel_requested, e3,
        {{"demo-insurer", cancel_steps},
         {"demo-agency", none},
         {"demo-expert", none},
         {"demo-admin", cancel_steps}});

  for (const auto& [status, steps] :
       std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>>{
           {"declined", {{"demo-agency", "decline"}}},
           {"cancelled", {{"demo-agency", "request-cancel"}, {"demo-insurer", "approve-cancel"}}},
           {"withdrawn", {{"demo-insurer", "withdraw"}}}}) {
    const auto [item, enterprise] = item_in(steps);
    check(status, item, enterprise,
          {{"demo-insurer", none}, {"demo-agency", none}, {"demo-expert", none}, {"demo-admin", none}});
  }

  // Completed by the on-site visit.
  const auto [completed, e4] = item_in({{"demo-agency", "accept"}});
  auto visit = user("demo-agency")
                   .post("/visits", visit_body(e4, {staff_id("陈专家"), staff_id("刘技术")}, "2026-06-03"));
  ASSERT_EQ(visit.status, 201) << visit.body;
  const auto visit_path = id_path("visits", visit.json()["id"]);
  ASSERT_EQ(user("demo-agency").post(visit_path + "/start", json::object()).status, 200);
  ASSERT_EQ(user("demo-agency").post(visit_path + "/finish", json::object()).status, 200);
  check("completed", completed, e4,
        {{"demo-insurer", none}, {"demo-agency", none}, {"demo-expert", none}, {"demo-admin", none}});

  // Once overdue, the insurer may withdraw the accepted item.
  move_clock("2026-08-01");
  check("accepted", accepted, e2,
        {{"demo-insurer", {"withdraw"}},
         {"demo-agency", none},
         {"demo-expert", none},
         {"demo-admin", {"withdraw"}}});
  move_clock("2026-06-01");
}

TEST_F(WorkflowActionsApi, PlansInEveryStatusForEachParty) {
  const Codes none;
  const Codes draft = {"edit", "propose"};
  auto created =
      user("demo-agency")
          .post("/service-plans", {{"enterprise_id", demo_id(0)},
                                   {"year", 2031},
                                   {"insurer_org_id", org_id(kInsurerA)},
                                   {"items",
                                    {{{"service_type_id", service_type("wuxi.screening.risk_assessment")},
                                      {"measures", "现场勘查"}}}}});
  ASSERT_EQ(created.status, 201) << created.body;
  const auto id = created.json()["id"].get<std::int64_t>();
  const auto path = id_path("service-plans", id);
  const auto list = "/service-plans?year=2031&enterprise_id=" + std::to_string(demo_id(0));
  // Writers: the plan's agency (its leads and experts) and insurer, and platform admins.
  auto expect = [&](const std::string& status, const Codes& writer, const Codes& enterprise) {
    expect_actions(status, path, list, id,
                   {{"demo-agency", writer},
                    {"demo-expert", writer},
                    {"demo-insurer", writer},
                    {"demo-admin", writer},
                    {"demo-enterprise", enterprise},
                    {"demo-regulator", none}});
  };
  expect("draft", draft, none);
  ASSERT_EQ(user("demo-agency").post(path + "/propose", json::object()).status, 200);
  expect("proposed", none, {"agree", "return"});
  ASSERT_EQ(user("demo-enterprise").post(path + "/return", {{"reason", "请补充培训"}}).status, 200);
  expect("returned", draft, none);
  ASSERT_EQ(user("demo-insurer").post(path + "/propose", json::object()).status, 200);
  ASSERT_EQ(user("demo-enterprise").post(path + "/agree", json::object()).status, 200);
  expect("agreed", {"reopen"}, none);
  // Another agency's lead sees none of it.
  EXPECT_EQ(user("qingyuan-admin").get(path).status, 404);
}

TEST_F(WorkflowActionsApi, VisitsInEveryStatusForEachParty) {
  const Codes none;
  const auto chen = staff_id("陈专家"), liu = staff_id("刘技术"), zhou = staff_id("周专家");
  // A commissioned enterprise of insurer A, visited by a team of 陈专家 (demo-expert) and 刘技术
  // (demo-technician); 周专家 (demo-expert2) is of the agency but not on the team.
  const auto enterprise = insured_enterprise_by(user("demo-insurer"), "无锡市动作走访有限公司", 650);
  const auto item = item_of(commission_by(user("demo-insurer"), {enterprise}), enterprise);
  ASSERT_EQ(user("demo-agency").post(item_path(item, "accept"), json::object()).status, 200);
  auto schedule = [&](std::int64_t e, std::vector<std::int64_t> team, const std::string& day) {
    auto r = user("demo-agency").post("/visits", visit_body(e, team, day));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["id"].get<std::int64_t>();
  };
  const auto main_visit = schedule(enterprise, {chen, liu}, "2026-06-03");
  const auto not_entered = schedule(enterprise, {chen, liu}, "2026-06-04");
  const auto cancelled = schedule(enterprise, {chen, liu}, "2026-06-05");
  const auto list = "/visits?limit=200&enterprise_id=" + std::to_string(enterprise);
  auto expect = [&](std::int64_t id, const std::string& status, const Codes& lead, const Codes& team,
                    const Codes& insurer, const Codes& admin) {
    expect_actions(status, id_path("visits", id), list, id,
                   {{"demo-agency", lead},
                    {"demo-technician", team},
                    {"demo-expert2", none},
                    {"demo-insurer", insurer},
                    {"demo-regulator", none},
                    {"demo-admin", admin}});
  };
  const auto step = [&](std::int64_t id, const std::string& action, const json& body = json::object()) {
    auto r = user("demo-technician").post(id_path("visits", id) + "/" + action, body);
    ASSERT_EQ(r.status, 200) << action << " " << r.body;
  };

  const Codes planned_lead = {"edit", "confirm", "start", "could_not_enter", "cancel"};
  expect(main_visit, "planned", planned_lead, {"confirm", "start", "could_not_enter"}, none, planned_lead);
  step(main_visit, "confirm");
  const Codes confirmed_lead = {"edit", "start", "could_not_enter", "cancel"};
  expect(main_visit, "confirmed", confirmed_lead, {"start", "could_not_enter"}, none, confirmed_lead);
  step(main_visit, "start");
  const Codes working = {"record_training", "record_photo_consent", "finish", "could_not_enter"};
  expect(main_visit, "in_progress", working, working, none, working);
  step(main_visit, "finish");
  // Training may still be recorded until the data is uploaded: by submitting the report.
  const Codes upload = {"record_training", "submit_report"};
  expect(main_visit, "done", upload, upload, none, upload);
  ASSERT_EQ(user("demo-technician")
                .post(id_path("visits", main_visit) + "/report/submissions", json::object())
                .status,
            201);
  // Submitted: the commissioning insurer reviews.
  const Codes review = {"approve_report", "return_report"};
  expect(main_visit, "done", none, none, review, review);
  ASSERT_EQ(
      user("demo-insurer").post(id_path("visits", main_visit) + "/report/approve", json::object()).status,
      200);
  expect(main_visit, "done", none, none, none, none);

  step(not_entered, "could-not-enter", {{"reason", "refused"}});
  expect(not_entered, "could_not_enter", none, none, none, none);
  ASSERT_EQ(user("demo-agency").post(id_path("visits", cancelled) + "/cancel", {{"reason", "改期"}}).status,
            200);
  expect(cancelled, "cancelled", none, none, none, none);

  // The enterprise confirms its own appointment, and nothing else.
  const auto own = schedule(demo_id(0), {zhou, chen, liu}, "2026-06-08");
  const auto own_path = id_path("visits", own);
  const auto own_list = "/visits?limit=200&enterprise_id=" + std::to_string(demo_id(0));
  expect_actions(
      "planned", own_path, own_list, own,
      {{"demo-enterprise", {"confirm"}}, {"demo-expert2", {"confirm", "start", "could_not_enter"}}});
  ASSERT_EQ(user("demo-enterprise").post(own_path + "/confirm", json::object()).status, 200);
  expect_actions("confirmed", own_path, own_list, own, {{"demo-enterprise", none}});
}
