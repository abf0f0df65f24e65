// Commissions 委托 (wuxi §14(二), §15(二)): an insurer sends an agency its insured enterprises; the
// agency accepts, declines or asks to cancel each; on-site service is due 60 days after acceptance.
#include <set>

#include "services_fixtures.hpp"

using namespace rw::testing;
using nlohmann::json;

namespace {

class CommissionApi : public ServicesApiTest {};
// Moves the clock: a suite (and server) of its own.
class CommissionDueApi : public ServicesApiTest {};

using Codes = std::vector<std::string>;

}  // namespace

TEST_F(CommissionApi, InsurerCommissionsAndTheAgencyDecidesPerEnterprise) {
  auto insurer = as("demo-insurer");
  const auto e1 = insured_enterprise_by(insurer, "无锡市委托甲有限公司", 201),
             e2 = insured_enterprise_by(insurer, "无锡市委托乙有限公司", 202),
             e3 = insured_enterprise_by(insurer, "无锡市委托丙有限公司", 203);
  auto agency = as("demo-agency");
  EXPECT_EQ(agency.get(id_path("enterprises", e1)).status, 404);  // not served yet

  const auto created = commission_by(insurer, {e1, e2, e3});
  EXPECT_EQ(created["agency"]["name"], kAgencyA);
  EXPECT_EQ(created["item_counts"]["pending"], 3);
  EXPECT_EQ(created["service_types"][0]["code"], "wuxi.screening.risk_assessment");
  const auto path = id_path("commissions", created["id"]);

  // The agency sees the commission and the enterprises in it; agency B sees neither.
  EXPECT_EQ(agency.get(path).status, 200);
  EXPECT_EQ(agency.get(id_path("enterprises", e1)).status, 200);
  auto agency_b = as("qingyuan-admin");
  EXPECT_EQ(agency_b.get(path).status, 404);
  EXPECT_EQ(total_of(agency_b.get("/commission-items?commission_id=" + created["id"].dump())), 0);
  EXPECT_EQ(agency_b.post(item_path(item_of(created, e1), "accept"), json::object()).status, 404);
  EXPECT_EQ(agency_b.get(id_path("enterprises", e1)).status, 404);
  EXPECT_EQ(as("demo-enterprise").get(path).status, 403);  // enterprises have no commission:read

  // Accepting dates the on-site service: 2026-06-01 + 60 days = 2026-07-31, a Friday and a working day.
  auto accepted = agency.post(item_path(item_of(created, e1), "accept"), json::object());
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(accepted.json()["status"], "accepted");
  EXPECT_EQ(accepted.json()["accepted_on"], "2026-06-01");
  EXPECT_EQ(accepted.json()["due_on"], "2026-07-31");
  EXPECT_EQ(accepted.json()["overdue"], false);
  ASSERT_EQ(accepted.json()["history"].size(), 1u);
  EXPECT_EQ(accepted.json()["history"][0]["user"]["name"], "张机构");

  // Declining needs a reason; the declined enterprise is no longer the agency's.
  auto no_reason = agency.post(item_path(item_of(created, e2), "decline"), json::object());
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_EQ(field_codes(no_reason.json()["errors"]), Codes{"reason:required"});
  auto declined = agency.post(item_path(item_of(created, e2), "decline"), {{"reason", "超出服务区域"}});
  ASSERT_EQ(declined.status, 200) << declined.body;
  EXPECT_EQ(declined.json()["reason"], "超出服务区域");
  EXPECT_EQ(agency.get(id_path("enterprises", e2)).status, 404);

  auto cancel = agency.post(item_path(item_of(created, e3), "request-cancel"), {{"reason", "企业地址错误"}});
  EXPECT_EQ(cancel.json()["status"], "cancel_requested");
  // The insurer hears of the decline and the cancellation request.
  auto notes = insurer.get("/notifications?unread=true&limit=50").json();
  Codes kinds;
  for (const auto& n : notes["items"]) kinds.push_back(n["kind"]);
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), "commission_declined"), kinds.end());
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), "commission_cancel_requested"), kinds.end());

  auto approved = insurer.post(item_path(item_of(created, e3), "approve-cancel"), json::object());
  EXPECT_EQ(approved.json()["status"], "cancelled");
  const auto detail = insurer.get(path).json();
  EXPECT_EQ(detail["item_counts"]["accepted"], 1);
  EXPECT_EQ(detail["item_counts"]["declined"], 1);
  EXPECT_EQ(detail["item_counts"]["cancelled"], 1);
  // Every change is recorded with who and why.
  const auto history = insurer.get(item_path(item_of(created, e3))).json()["history"];
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0]["action"], "request_cancel");
  EXPECT_EQ(history[0]["reason"], "企业地址错误");
  EXPECT_EQ(history[1]["action"], "approve_cancel");
  EXPECT_EQ(history[1]["user"]["name"], "李保险");

  // The agency received a notification when the commission arrived.
  auto agency_notes = agency.get("/notifications?limit=50").json();
  bool received = false;
  for (const auto& n : agency_notes["items"])
    received = received || (n["kind"] == "commission_received" && n["object_id"] == created["id"]);
  EXPECT_TRUE(received);
}

TEST_F(CommissionApi, OnlyInsuredEnterprisesWithoutAnOpenCommissionAndValidInput) {
  auto insurer = as("demo-insurer");
  const auto type = service_type("wuxi.screening.risk_assessment");
  // Enterprise 15 is insured by insurer B only; enterprise 1 already has an open commission.
  auto refused = insurer.post("/commissions", {{"agency_org_id", org_id(kAgencyA)},
                                               {"enterprise_ids", {demo_id(15), demo_id(1)}},
                                               {"service_type_ids", {type}}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(field_codes(refused.json()["errors"]),
            (Codes{"enterprise_ids[0]:not_insured", "enterprise_ids[1]:already_commissioned"}));
  auto bad = insurer.post("/commissions", {{"agency_org_id", org_id(kInsurerB)},
                                           {"enterprise_ids", json::array()},
                                           {"service_type_ids", {type}}});
  EXPECT_EQ(field_codes(bad.json()["errors"]), Codes{"enterprise_ids:required"});
  auto not_agency = insurer.post("/commissions", {{"agency_org_id", org_id(kInsurerB)},
                                                  {"enterprise_ids", {demo_id(10)}},
                                                  {"service_type_ids", {type}}});
  EXPECT_EQ(field_codes(not_agency.json()["errors"]), Codes{"agency_org_id:unknown_agency"});
  auto no_type = insurer.post("/commissions", {{"agency_org_id", org_id(kAgencyA)},
                                               {"enterprise_ids", {demo_id(10)}},
                                               {"service_type_ids", {999999}}});
  EXPECT_EQ(no_type.status, 422);
  EXPECT_EQ(insurer.post("/commissions", {{"agency_org_id", "x"}}).status, 422);
  EXPECT_EQ(insurer.post_raw("/commissions", "{not json", "application/json").status, 400);
  // Agencies do not commission; nothing was written by the refusals.
  EXPECT_EQ(as("demo-agency").post("/commissions", {{"agency_org_id", org_id(kAgencyA)}}).status, 403);
  EXPECT_EQ(total_of(insurer.get("/commission-items?enterprise_id=" + std::to_string(demo_id(10)))), 0);
}

// Every action from every status: the allowed ones as wuxi §14(二)/§15(二) describe them, everything
// else 409 invalid_transition. Each case uses an enterprise of its own; one sign-in per user for all.
TEST_F(CommissionApi, EveryAllowedAndForbiddenTransition) {
  const std::vector<std::string> actions = {"accept",         "decline",       "request-cancel",
                                            "approve-cancel", "reject-cancel", "withdraw"};
  // How to reach each status from pending, and which actions it allows (→ resulting status).
  struct Case {
    std::string status;
    std::vector<std::pair<std::string, bool>> path;  // action, by the agency?
    std::map<std::string, std::string> allowed;
  };
  const std::vector<Case> cases = {
      {"pending",
       {},
       {{"accept", "accepted"},
        {"decline", "declined"},
        {"request-cancel", "cancel_requested"},
        {"withdraw", "withdrawn"}}},
      {"accepted", {{"accept", true}}, {}},  // withdraw only once overdue: CommissionDueApi
      {"declined", {{"decline", true}}, {}},
      {"cancel_requested",
       {{"request-cancel", true}},
       {{"approve-cancel", "cancelled"}, {"reject-cancel", "pending"}}},
      {"cancelled", {{"request-cancel", true}, {"approve-cancel", false}}, {}},
      {"withdrawn", {{"withdraw", false}}, {}},
  };
  auto agency = as("demo-agency");
  auto insurer = as("demo-insurer");
  const std::set<std::string> agency_actions = {"accept", "decline", "request-cancel"};
  int n = 300;
  for (const auto& c : cases) {
    for (const auto& action : actions) {
      const auto enterprise =
          insured_enterprise_by(insurer, "无锡市状态" + std::to_string(n) + "有限公司", n);
      ++n;
      const auto item = item_of(commission_by(insurer, {enterprise}), enterprise);
      for (const auto& [step, by_agency] : c.path)
        ASSERT_EQ((by_agency ? agency : insurer).post(item_path(item, step), {{"reason", "原因"}}).status,
                  200)
            << step;
      auto& actor = agency_actions.count(action) ? agency : insurer;
      auto r = actor.post(item_path(item, action), {{"reason", "原因"}});
      const auto allowed = c.allowed.find(action);
      if (allowed != c.allowed.end()) {
        EXPECT_EQ(r.status, 200) << c.status << " " << action << " " << r.body;
        EXPECT_EQ(r.json()["status"], allowed->second) << c.status << " " << action;
      } else {
        EXPECT_EQ(r.status, 409) << c.status << " " << action << " " << r.body;
        EXPECT_TRUE(r.json()["code"] == "invalid_transition" || r.json()["code"] == "not_overdue") << r.body;
        EXPECT_EQ(insurer.get(item_path(item)).json()["status"], c.status);
      }
    }
  }
  // The wrong party may not act even when the status allows it.
  const auto enterprise = insured_enterprise_by(insurer, "无锡市越权有限公司", 299);
  const auto item = item_of(commission_by(insurer, {enterprise}), enterprise);
  EXPECT_EQ(insurer.post(item_path(item, "accept"), json::object()).status, 403);
  EXPECT_EQ(agency.post(item_path(item, "withdraw"), json::object()).status, 403);
  EXPECT_EQ(insurer.get(item_path(item)).json()["status"], "pending");
}

TEST_F(CommissionDueApi, AcceptedServiceIsOverdueAfterSixtyDaysAndMayThenBeWithdrawn) {
  const auto enterprise = insured_enterprise("无锡市逾期有限公司", 401);
  const auto item = item_of(commission({enterprise}), enterprise);
  ASSERT_EQ(as("demo-agency").post(item_path(item, "accept"), json::object()).status, 200);

  auto not_yet = as("demo-insurer").post(item_path(item, "withdraw"), {{"reason", "改派"}});
  EXPECT_EQ(not_yet.status, 409);
  EXPECT_EQ(not_yet.json()["code"], "not_overdue");

  set_today("2026-07-31");  // the due day itself: not overdue, 0 working days left
  auto on_due_day = as("demo-insurer").get(item_path(item)).json();
  EXPECT_EQ(on_due_day["overdue"], false);
  EXPECT_EQ(on_due_day["working_days_left"], 0);
  set_today("2026-07-27");  // Monday: Tue–Fri are left
  EXPECT_EQ(as("demo-insurer").get(item_path(item)).json()["working_days_left"], 4);

  set_today("2026-08-01");
  auto insurer = as("demo-insurer");
  auto late = insurer.get(item_path(item)).json();
  EXPECT_EQ(late["overdue"], true);
  auto overdue_list = insurer.get("/commission-items?overdue=true&limit=200").json();
  bool listed = false;
  for (const auto& i : overdue_list["items"]) listed = listed || i["id"] == item;
  EXPECT_TRUE(listed);
  auto withdrawn = insurer.post(item_path(item, "withdraw"), {{"reason", "逾期未完成现场服务，改派"}});
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  EXPECT_EQ(withdrawn.json()["status"], "withdrawn");
  EXPECT_EQ(as("demo-agency").get(id_path("enterprises", enterprise)).status, 404);
  // …and commissions another agency.
  const auto again = commission({enterprise}, kAgencyB);
  EXPECT_EQ(again["agency"]["name"], kAgencyB);
  EXPECT_EQ(as("qingyuan-admin").get(id_path("enterprises", enterprise)).status, 200);
  set_today("2026-06-01");
}

TEST_F(CommissionDueApi, ADueDayOnAHolidayMovesToTheNextWorkingDay) {
  // 2026-08-05 + 60 days = 2026-10-04, a Sunday inside National Day (10-01…10-07 off); the next working
  // day is Thursday 2026-10-08.
  set_today("2026-08-05");
  const auto enterprise = insured_enterprise("无锡市国庆有限公司", 402);
  const auto item = item_of(commission({enterprise}), enterprise);
  auto accepted = as("demo-agency").post(item_path(item, "accept"), json::object());
  EXPECT_EQ(accepted.json()["due_on"], "2026-10-08");
  auto deadlines = as("demo-agency").get("/deadlines?kind=commission_on_site&limit=200").json();
  bool found = false;
  for (const auto& d : deadlines["items"])
    if (d["object_id"] == item) {
      found = true;
      EXPECT_EQ(d["due_on"], "2026-10-08");
      EXPECT_EQ(d["rule"]["unit"], "calendar_days");
      EXPECT_EQ(d["rule"]["amount"], 60);
    }
  EXPECT_TRUE(found);
  set_today("2026-06-01");
}

TEST_F(CommissionApi, InsurersChooseAmongAllAgenciesButSeeNoOtherOrganizations) {
  auto insurer = as("demo-insurer");
  EXPECT_EQ(sorted(names_of(insurer.get("/organizations?type=agency"))), sorted({kAgencyA, kAgencyB}));
  EXPECT_EQ(names_of(insurer.get("/organizations?type=insurer")), std::vector<std::string>{kInsurerA});
  EXPECT_EQ(total_of(as("demo-agency").get("/organizations?type=agency")), 1);  // agencies do not commission
}

// The commission form's enterprise picker asks which of the enterprises it lists are in an open
// commission already (issue 9 §5): open=true&enterprise_ids=… within what the caller may see.
// The inbox names each enterprise's industry from the list itself (the web app no longer loads the table).
TEST_F(CommissionApi, ItemsNameTheEnterprisesIndustry) {
  auto insurer = as("demo-insurer");
  const auto items = insurer.get("/commission-items?limit=200").json()["items"];
  int with_code = 0;
  for (const auto& item : items) {
    const auto code = item["enterprise"]["industry_code"].get<std::string>();
    const json expected =
        code.empty() ? json("") : insurer.get("/industries?limit=1&q=" + code).json()["items"][0]["name"];
    EXPECT_EQ(item["enterprise"]["industry_name"], expected) << code;
    with_code += !code.empty();
  }
  EXPECT_GT(with_code, 0);
}

TEST_F(CommissionApi, OpenItemsOfTheListedEnterprises) {
  auto insurer = as("demo-insurer");
  const auto fresh = insured_enterprise_by(insurer, "无锡市委托戊有限公司", 205),
             other = insured_enterprise_by(insurer, "无锡市委托己有限公司", 206);
  const auto created = commission_by(insurer, {fresh});
  const auto ids = std::to_string(fresh) + "," + std::to_string(other) + "," + std::to_string(demo_id(1));
  auto enterprises_of = [](const HttpResult& r) {
    EXPECT_EQ(r.status, 200) << r.body;
    std::set<std::int64_t> out;
    const auto body = r.json();
    for (const auto& item : body["items"]) out.insert(item["enterprise"]["id"].get<std::int64_t>());
    return out;
  };
  EXPECT_EQ(enterprises_of(insurer.get("/commission-items?open=true&enterprise_ids=" + ids)),
            (std::set<std::int64_t>{fresh, demo_id(1)}));
  EXPECT_EQ(total_of(as("qingyuan-admin").get("/commission-items?open=true&enterprise_ids=" + ids)), 0);

  // declined, the enterprise is free again
  auto declined =
      as("demo-agency").post(item_path(item_of(created, fresh), "decline"), {{"reason", "排期已满"}});
  ASSERT_EQ(declined.status, 200) << declined.body;
  EXPECT_EQ(enterprises_of(insurer.get("/commission-items?open=true&enterprise_ids=" + ids)),
            (std::set<std::int64_t>{demo_id(1)}));
  EXPECT_EQ(
      enterprises_of(insurer.get("/commission-items?open=false&enterprise_ids=" + std::to_string(fresh))),
      (std::set<std::int64_t>{fresh}));

  for (const auto* bad : {"1,,2", "1,x", ","}) {
    auto refused = insurer.get(std::string("/commission-items?enterprise_ids=") + bad);
    EXPECT_EQ(refused.status, 422) << bad;
    EXPECT_EQ(field_codes(refused.json()["errors"]), Codes{"enterprise_ids:invalid_query"}) << bad;
  }
  std::string many = "1";
  for (int i = 2; i <= 101; ++i) many += "," + std::to_string(i);
  EXPECT_EQ(insurer.get("/commission-items?enterprise_ids=" + many).status, 422);
}

// An agency's list of enterprises tests one set of the enterprises it serves (or registered), kept on each
// connection between requests: whichever connection answers, an enterprise joins the list when it is
// commissioned to the agency and leaves it when the agency declines.
TEST_F(CommissionApi, AnAgencysEnterpriseListFollowsItsCommissionItems) {
  auto insurer = as("demo-insurer");
  auto agency = as("demo-agency");
  const auto enterprise = insured_enterprise_by(insurer, "无锡市委托保持有限公司", 211);
  const auto listed = [&] { return total_of(agency.get("/enterprises?q=委托保持")); };
  // Every connection of the server answers the list in turn, and so keeps the agency's enterprises.
  for (int i = 0; i < 24; ++i) ASSERT_EQ(listed(), 0);
  const auto created = commission_by(insurer, {enterprise});
  for (int i = 0; i < 24; ++i) ASSERT_EQ(listed(), 1) << "commissioned, request " << i;
  const auto declined =
      agency.post(item_path(item_of(created, enterprise), "decline"), {{"reason", "超出服务区域"}});
  ASSERT_EQ(declined.status, 200) << declined.body;
  for (int i = 0; i < 24; ++i) ASSERT_EQ(listed(), 0) << "declined, request " << i;
}

// An item carries its commission's parties (V057): each party's list has a new commission's items first,
// newest first, with the insurer and the agency named, and another agency's list and filter have none.
TEST_F(CommissionApi, EachPartyListsANewCommissionsItemsFirst) {
  auto insurer = as("demo-insurer");
  const auto e1 = insured_enterprise_by(insurer, "无锡市委托序一有限公司", 231),
             e2 = insured_enterprise_by(insurer, "无锡市委托序二有限公司", 232);
  const auto created = commission_by(insurer, {e1, e2});
  const auto newest = std::vector<std::int64_t>{std::max(item_of(created, e1), item_of(created, e2)),
                                                std::min(item_of(created, e1), item_of(created, e2))};
  const auto agency_id = created["agency"]["id"].get<std::int64_t>();
  const auto insurer_id = created["insurer"]["id"].get<std::int64_t>();
  for (const auto& [party, path] : std::vector<std::pair<Client, std::string>>{
           {insurer, "/commission-items?limit=2"},
           {as("demo-agency"), "/commission-items?limit=2"},
           {as("demo-agency"), "/commission-items?limit=2&agency_org_id=" + std::to_string(agency_id)}}) {
    const auto page = party.get(path);
    ASSERT_EQ(page.status, 200) << page.body;
    const auto items = page.json()["items"];
    ASSERT_EQ(items.size(), 2u) << path;
    for (std::size_t i = 0; i < items.size(); ++i) {
      EXPECT_EQ(items[i]["id"], newest[i]) << path;
      EXPECT_EQ(items[i]["agency"]["id"], agency_id);
      EXPECT_EQ(items[i]["insurer"]["id"], insurer_id);
    }
  }
  auto agency_b = as("qingyuan-admin");
  for (const auto& path : {std::string("/commission-items?limit=100"),
                           "/commission-items?limit=100&agency_org_id=" + std::to_string(agency_id)}) {
    const auto page = agency_b.get(path);
    ASSERT_EQ(page.status, 200) << page.body;
    for (const auto& item : page.json()["items"]) EXPECT_NE(item["commission_id"], created["id"]) << path;
  }
}
