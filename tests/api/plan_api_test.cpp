// Service plans 服务方案 (wuxi §14(三), chengdu 5.3.1 and App. C): written by the agency or the
// insurer, agreed by the enterprise or returned with comments.
#include "services_fixtures.hpp"

using namespace rw::testing;
using nlohmann::json;

namespace {

class PlanApi : public ServicesApiTest {
 protected:
  static json plan_body(std::int64_t enterprise, int year) {
    return {{"enterprise_id", enterprise},
            {"year", year},
            {"insurer_org_id", org_id(kInsurerA)},
            {"enterprise_overview", "化工企业，年产值 2 亿元"},
            {"items",
             {{{"service_type_id", service_type("wuxi.screening.risk_assessment")},
               {"measures", "现场勘查"},
               {"frequency", "每年 1 次"},
               {"expected_results", "风险评估报告"}},
              {{"service_type_id", service_type("wuxi.training.emergency")},
               {"measures", "应急预案培训与演练"},
               {"frequency", "每半年 1 次"}}}},
            {"training_plan", {{{"topic", "环境应急预案演练"}, {"audience", "车间主任"}, {"form", "线下"}}}},
            {"staff_ids", {staff_id("陈专家"), staff_id("刘技术")}},
            {"safeguards", "服务前三日电话确认"}};
  }
};

using Codes = std::vector<std::string>;

}  // namespace

TEST_F(PlanApi, DraftProposeReturnReviseAgree) {
  auto agency = as("demo-agency");
  auto created = agency.post("/service-plans", plan_body(demo_id(0), 2027));
  ASSERT_EQ(created.status, 201) << created.body;
  const auto plan = created.json();
  EXPECT_EQ(plan["status"], "draft");
  EXPECT_EQ(plan["agency"]["name"], kAgencyA);
  ASSERT_EQ(plan["items"].size(), 2u);
  EXPECT_EQ(plan["items"][0]["service_type"]["code"], "wuxi.screening.risk_assessment");
  EXPECT_EQ(plan["training_plan"][0]["topic"], "环境应急预案演练");
  EXPECT_EQ(plan["staff"].size(), 2u);
  const auto path = id_path("service-plans", plan["id"]);
  EXPECT_EQ(agency.post("/service-plans", plan_body(demo_id(0), 2027)).status,
            409);  // one per year and agency

  auto enterprise = as("demo-enterprise");
  EXPECT_EQ(enterprise.post(path + "/agree", json::object()).status, 409);  // not proposed yet
  ASSERT_EQ(agency.post(path + "/propose", json::object()).json()["status"], "proposed");
  EXPECT_EQ(agency.patch(path, {{"notes", "x"}}).json()["code"], "plan_not_editable");
  // The enterprise is told, and returns the plan with its comments.
  bool told = false;
  const auto notes = enterprise.get("/notifications?limit=50").json();
  for (const auto& n : notes["items"])
    told = told || (n["kind"] == "plan_proposed" && n["object_id"] == plan["id"]);
  EXPECT_TRUE(told);
  EXPECT_EQ(field_codes(enterprise.post(path + "/return", json::object()).json()["errors"]),
            Codes{"reason:required"});
  auto returned = enterprise.post(path + "/return", {{"reason", "请增加固废专项排查"}});
  ASSERT_EQ(returned.status, 200) << returned.body;
  EXPECT_EQ(returned.json()["status"], "returned");
  EXPECT_EQ(returned.json()["return_comments"], "请增加固废专项排查");

  auto revised = agency.patch(
      path,
      {{"items",
        {{{"service_type_id", service_type("wuxi.screening.risk_assessment")}, {"measures", "现场勘查"}},
         {{"service_type_id", service_type("wuxi.screening.solid_waste")},
          {"measures", "危废贮存场所检查"}}}}});
  ASSERT_EQ(revised.status, 200) << revised.body;
  EXPECT_EQ(revised.json()["items"][1]["service_type"]["code"], "wuxi.screening.solid_waste");
  EXPECT_EQ(revised.json()["training_plan"][0]["topic"], "环境应急预案演练");  // untouched fields stay
  ASSERT_EQ(agency.post(path + "/propose", json::object()).status, 200);
  EXPECT_EQ(agency.post(path + "/agree", json::object()).status, 403);  // only the enterprise agrees
  auto agreed = enterprise.post(path + "/agree", json::object());
  ASSERT_EQ(agreed.status, 200) << agreed.body;
  EXPECT_EQ(agreed.json()["status"], "agreed");
  EXPECT_FALSE(agreed.json()["agreed_at"].is_null());
  EXPECT_EQ(field_codes(agency.post(path + "/reopen", json::object()).json()["errors"]),
            Codes{"reason:required"});
  EXPECT_EQ(agency.post(path + "/reopen", {{"reason", "企业扩产，调整方案"}}).json()["status"], "draft");
  const auto history = agency.get(path).json()["history"];
  ASSERT_EQ(history.size(), 5u);
  EXPECT_EQ(history[1]["action"], "return");
  EXPECT_EQ(history[1]["user"]["name"], "钱安环");
}

// The enterprise agrees to what will be done: an item without measures keeps the plan from being proposed
// (issue 9 §5); a draft may still be saved without them.
TEST_F(PlanApi, ProposeNeedsMeasuresForEveryItem) {
  auto agency = as("demo-agency");
  auto body = plan_body(demo_id(2), 2028);
  body["items"][1].erase("measures");
  body["items"][0]["measures"] = "  ";
  auto created = agency.post("/service-plans", body);
  ASSERT_EQ(created.status, 201) << created.body;
  const auto path = id_path("service-plans", created.json()["id"]);
  auto refused = agency.post(path + "/propose", json::object());
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(field_codes(refused.json()["errors"]),
            (Codes{"items[0].measures:required_to_propose", "items[1].measures:required_to_propose"}));
  EXPECT_EQ(refused.json()["errors"][0]["message"], "提交企业确认前，请填写每个服务项目的服务措施");
  EXPECT_EQ(refused.json()["errors"][0]["message_en"],
            "every item needs its measures before the plan is proposed");
  EXPECT_EQ(agency.get(path).json()["status"], "draft");
  EXPECT_TRUE(agency.get(path).json()["history"].empty());

  body["items"][0]["measures"] = "现场勘查";
  body["items"][1]["measures"] = "应急预案培训";
  ASSERT_EQ(agency.patch(path, {{"items", body["items"]}}).status, 200);
  auto proposed = agency.post(path + "/propose", json::object());
  ASSERT_EQ(proposed.status, 200) << proposed.body;
  EXPECT_EQ(proposed.json()["status"], "proposed");
}

TEST_F(PlanApi, BadInputAndOtherTenants) {
  auto agency = as("demo-agency");
  auto body = plan_body(demo_id(2), 2027);
  body["training_plan"] = json::array({{{"audience", "全员"}}, "not a row"});
  EXPECT_EQ(field_codes(agency.post("/service-plans", body).json()["errors"]),
            (Codes{"training_plan[0].topic:required", "training_plan[1].topic:required"}));
  body = plan_body(demo_id(2), 2027);
  body["items"] = json::array({{{"service_type_id", "x"}}, {{"service_type_id", 999999}}});
  EXPECT_EQ(field_codes(agency.post("/service-plans", body).json()["errors"]),
            Codes{"items[0].service_type_id:wrong_type"});
  body["items"] = json::array({{{"service_type_id", 999999}}});
  EXPECT_EQ(agency.post("/service-plans", body).status, 422);
  body = plan_body(demo_id(2), 2027);
  body["staff_ids"] = {staff_id("郑专家")};
  EXPECT_EQ(field_codes(agency.post("/service-plans", body).json()["errors"]),
            Codes{"staff_ids[0]:unknown_staff"});
  auto no_items = plan_body(demo_id(2), 2027);
  no_items["items"] = json::array();
  EXPECT_EQ(field_codes(agency.post("/service-plans", no_items).json()["errors"]), Codes{"items:required"});
  // Agency B cannot plan for, nor see, agency A's enterprise and plans.
  auto agency_b = as("qingyuan-admin");
  EXPECT_EQ(field_codes(agency_b.post("/service-plans", plan_body(demo_id(2), 2027)).json()["errors"]),
            Codes{"enterprise_id:unknown_enterprise"});
  const auto demo_plan =
      as("demo-insurer").get("/service-plans?enterprise_id=" + std::to_string(demo_id(0))).json();
  ASSERT_GE(demo_plan["total"].get<int>(), 1);
  EXPECT_EQ(agency_b.get(id_path("service-plans", demo_plan["items"][0]["id"])).status, 404);
  EXPECT_EQ(total_of(agency_b.get("/service-plans")), 0);
  EXPECT_EQ(as("demo-enterprise").post("/service-plans", plan_body(demo_id(0), 2028)).status, 403);
}

// The list reads a page's items and staff in one query each: every plan of the page carries exactly its own
// (as its detail shows them), none of another plan's.
TEST_F(PlanApi, EveryPlanOfAListCarriesItsOwnItemsAndStaff) {
  auto agency = as("demo-agency");
  const auto page = agency.get("/service-plans?limit=50").json();
  ASSERT_GE(page["items"].size(), 2u);
  bool some_staff = false;
  for (const auto& listed : page["items"]) {
    auto detail = agency.get(id_path("service-plans", listed["id"].get<std::int64_t>())).json();
    detail.erase("history");
    EXPECT_EQ(listed, detail) << listed["id"];
    EXPECT_FALSE(listed["items"].empty()) << listed["id"];
    some_staff = some_staff || !listed["staff"].empty();
  }
  EXPECT_TRUE(some_staff) << "the demo plans name their staff";
}

// A plan carries its enterprise's name for the list's order and its search (V040): a new name reaches it.
TEST_F(PlanApi, AnEnterprisesNewNameReachesItsPlans) {
  auto insurer = as("demo-insurer");
  const auto enterprise = insured_enterprise_by(insurer, "无锡市更名前方案测试有限公司", 4801);
  auto body = plan_body(enterprise, 2027);
  body["agency_org_id"] = org_id(kAgencyA);
  const auto created = insurer.post("/service-plans", body);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json()["enterprise"]["name"], "无锡市更名前方案测试有限公司");
  ASSERT_EQ(total_of(insurer.get("/service-plans?q=" + url("更名前方案"))), 1);

  ASSERT_EQ(admin()
                .patch(id_path("enterprises", enterprise), json{{"name", "无锡市更名后方案测试有限公司"}})
                .status,
            200);
  EXPECT_EQ(total_of(insurer.get("/service-plans?q=" + url("更名前方案"))), 0);
  const auto found = insurer.get("/service-plans?q=" + url("更名后方案")).json();
  ASSERT_EQ(found["items"].size(), 1u);
  EXPECT_EQ(found["items"][0]["id"], created.json()["id"]);
  EXPECT_EQ(found["items"][0]["enterprise"]["name"], "无锡市更名后方案测试有限公司");
  EXPECT_EQ(insurer.get(id_path("service-plans", created.json()["id"].get<std::int64_t>()))
                .json()["enterprise"]["name"],
            "无锡市更名后方案测试有限公司");
}
