// Service staff: create and validation, scoping, the list filters, and the staffing check
// (wuxi §15(三)). Demo staff of agency A: 陈专家 (senior expert; water, emergency; certificate to
// 2027-06-30), 周专家 (full senior expert), 刘技术 (intermediate technician; water, noise), 何初级
// (junior technician), 马排除 (excluded expert, graded unqualified); of agency B: 郑专家, 孙技术.
#include "registry_fixtures.hpp"

using namespace rw::testing;
using nlohmann::json;

namespace {

using Codes = std::vector<std::string>;

class StaffApi : public RegistryApiTest {
 protected:
  static json expert(const std::string& name, const std::string& phone) {
    return {{"name", name},
            {"phone", phone},
            {"kind", "expert"},
            {"title_level", "senior"},
            {"expert_pool_level", "city"},
            {"specialties", {"water"}}};
  }
  static Codes errors_of(const HttpResult& r) {
    EXPECT_EQ(r.status, 422) << r.body;
    return field_codes(r.json()["errors"]);
  }
};

// Reads only: the demo staff as seeded.
class StaffListApi : public StaffApi {};

class StaffingCheckApi : public StaffApi {
 protected:
  // The codes of the unmet rules for a team of demo staff (by name) at a demo enterprise.
  static Codes unmet(std::size_t enterprise, const std::vector<std::string>& team, bool special = false) {
    json ids = json::array();
    for (const auto& name : team) ids.push_back(staff_id(name));
    auto r = as("demo-agency")
                 .post("/staffing-check", {{"enterprise_id", enterprise_id(demo_enterprise(enterprise))},
                                           {"staff_ids", ids},
                                           {"special_request", special}});
    EXPECT_EQ(r.status, 200) << r.body;
    const auto body = r.json();
    EXPECT_EQ(body["satisfied"], body["unmet"].empty());
    return strings_of(body["unmet"], "code");
  }
};

}  // namespace

TEST_F(StaffApi, CreateRoundTripsCertificates) {
  auto agency = as("demo-agency");
  auto body = expert("林专家", "13700000001");
  body["specialties"] = {"water", "air"};
  body["evaluation_grade"] = "excellent";
  body["certificates"] = {
      {{"name", "环境影响评价工程师"}, {"number", "HP0099999"}, {"expires_on", "2028-03-31"}},
      {{"name", "注册环保工程师"}, {"number", ""}, {"expires_on", nullptr}}};
  auto r = agency.post("/staff", body);
  ASSERT_EQ(r.status, 201) << r.body;
  const auto s = r.json();
  EXPECT_EQ(s["org_id"], agency.org_id());  // defaults to the own organization
  EXPECT_EQ(s["org_name"], kAgencyA);
  EXPECT_EQ(s["certificates"], body["certificates"]);
  EXPECT_EQ(s["specialties"], body["specialties"]);
  EXPECT_EQ(s["expert_pool_level"], "city");
  EXPECT_TRUE(s["safety_engineer_level"].is_null());
  EXPECT_EQ(s["excluded"], false);
  EXPECT_EQ(s["active"], true);
  auto read = agency.get(id_path("staff", s["id"]));
  EXPECT_EQ(read.json()["certificates"], body["certificates"]);
  // PATCH replaces the list.
  auto patched = agency.patch(id_path("staff", s["id"]), {{"certificates", {{{"name", "安全评价师"}}}}});
  EXPECT_EQ(patched.json()["certificates"],
            json::array({{{"name", "安全评价师"}, {"number", ""}, {"expires_on", nullptr}}}));
  EXPECT_EQ(patched.json()["specialties"], body["specialties"]);
  auto bad = expert("林专家二", "13700000002");
  bad["certificates"] = {{{"number", "X"}, {"expires_on", "2028-02-30"}}};
  EXPECT_EQ(errors_of(agency.post("/staff", bad)),
            (Codes{"certificates[0].name:required", "certificates[0].expires_on:invalid_date"}));
}

TEST_F(StaffApi, KindSpecificLevelsAreRequired) {
  auto agency = as("demo-agency");
  auto no_pool = expert("缺级别专家", "13700000011");
  no_pool.erase("expert_pool_level");
  EXPECT_EQ(errors_of(agency.post("/staff", no_pool)), Codes{"expert_pool_level:required"});
  no_pool["expert_pool_level"] = nullptr;  // the schema allows null, but an expert still needs a level
  EXPECT_EQ(errors_of(agency.post("/staff", no_pool)), Codes{"expert_pool_level:required"});
  no_pool["expert_pool_level"] = "galactic";
  EXPECT_EQ(errors_of(agency.post("/staff", no_pool)), Codes{"expert_pool_level:invalid_choice"});
  auto engineer = json{{"name", "安工程师"}, {"phone", "13700000012"}, {"kind", "safety_engineer"}};
  EXPECT_EQ(errors_of(agency.post("/staff", engineer)), Codes{"safety_engineer_level:required"});
  engineer["safety_engineer_level"] = "intermediate";
  EXPECT_EQ(agency.post("/staff", engineer).status, 201);
  // A technician has no pool level, whatever is sent.
  auto technician = json{
      {"name", "新技术员"}, {"phone", "13700000013"}, {"kind", "technician"}, {"expert_pool_level", "city"}};
  auto created = agency.post("/staff", technician);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_TRUE(created.json()["expert_pool_level"].is_null());
  // Turning the technician into an expert needs the level too.
  const auto path = id_path("staff", created.json()["id"]);
  EXPECT_EQ(errors_of(agency.patch(path, {{"kind", "expert"}})), Codes{"expert_pool_level:required"});
  EXPECT_EQ(agency.patch(path, {{"kind", "expert"}, {"expert_pool_level", "county"}}).json()["kind"],
            "expert");
  EXPECT_EQ(errors_of(agency.post("/staff", json::object())), (Codes{"name:required", "kind:required"}));
}

TEST_F(StaffApi, ExcludingNeedsAReason) {
  auto agency = as("demo-agency");
  auto body = expert("待排除专家", "13700000021");
  body["excluded"] = true;
  EXPECT_EQ(errors_of(agency.post("/staff", body)), Codes{"excluded_reason:required"});
  body["excluded_reason"] = "   ";
  EXPECT_EQ(errors_of(agency.post("/staff", body)), Codes{"excluded_reason:required"});
  body["excluded_reason"] = "考评不合格";
  auto r = agency.post("/staff", body);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()["excluded"], true);
  EXPECT_EQ(r.json()["excluded_reason"], "考评不合格");
  // Bringing someone back clears the reason.
  auto back = agency.patch(id_path("staff", r.json()["id"]), {{"excluded", false}});
  EXPECT_EQ(back.json()["excluded"], false);
  EXPECT_EQ(back.json()["excluded_reason"], "");
}

TEST_F(StaffApi, PhoneIsUniqueWithinAnOrganization) {
  auto duplicate = as("demo-agency").post("/staff", expert("重号专家", "13912340001"));  // 陈专家's phone
  EXPECT_EQ(errors_of(duplicate), Codes{"phone:duplicate_phone"});
  EXPECT_EQ(as("qingyuan-admin").post("/staff", expert("同号专家", "13912340001")).status, 201);
}

TEST_F(StaffApi, StaffBelongToAnAgencyOrInsurerTheWriterManages) {
  auto agency = as("demo-agency");
  auto foreign = expert("越权专家", "13700000031");
  foreign["org_id"] = org_id(kAgencyB);
  EXPECT_EQ(errors_of(agency.post("/staff", foreign)), Codes{"org_id:unknown_org"});
  auto enterprise_org = expert("企业专家", "13700000032");
  enterprise_org["org_id"] = org_id(demo_enterprise(0));
  EXPECT_EQ(errors_of(admin().post("/staff", enterprise_org)), Codes{"org_id:unknown_org"});
  auto linked = expert("关联账号", "13700000033");
  linked["user_id"] = as("qingyuan-expert").user_id();  // a user of another organization
  EXPECT_EQ(errors_of(agency.post("/staff", linked)), Codes{"user_id:unknown_user"});
  linked["user_id"] = as("demo-expert").user_id();  // already linked to 陈专家
  EXPECT_EQ(errors_of(agency.post("/staff", linked)), Codes{"user_id:user_taken"});
  auto insurer_staff = as("demo-insurer").post("/staff", expert("保险专家", "13700000034"));
  ASSERT_EQ(insurer_staff.status, 201) << insurer_staff.body;
  EXPECT_EQ(insurer_staff.json()["org_name"], kInsurerA);
}

TEST_F(StaffApi, OtherTenantsStaffAreNotFound) {
  const auto chen = id_path("staff", staff_id("陈专家"));
  auto agency_b = as("qingyuan-admin");
  for (const auto& r : {agency_b.get(chen), agency_b.patch(chen, {{"title_level", "junior"}})}) {
    EXPECT_EQ(r.status, 404);
    EXPECT_EQ(r.json()["code"], "not_found");
  }
  EXPECT_EQ(admin().get(chen).json()["title_level"], "senior");
  // The regulator reads staff in its jurisdiction but does not manage them.
  auto regulator = as("demo-regulator");
  EXPECT_EQ(regulator.get(chen).status, 200);
  EXPECT_EQ(regulator.patch(chen, {{"title_level", "junior"}}).status, 403);
  EXPECT_EQ(regulator.post("/staff", expert("监管专家", "13700000041")).status, 403);
  EXPECT_EQ(as("demo-park").get("/staff").status, 403);
  EXPECT_EQ(as("demo-enterprise").get("/staff").status, 403);
  EXPECT_EQ(as("demo-expert").post("/staff", expert("自建专家", "13700000042")).status, 403);
}

// ---- the demo staff

TEST_F(StaffListApi, ScopeAndFilters) {
  auto agency = as("demo-agency");
  EXPECT_EQ(sorted(names_of(agency.get("/staff"))),
            sorted({"陈专家", "周专家", "刘技术", "何初级", "马排除"}));
  EXPECT_EQ(sorted(names_of(as("qingyuan-admin").get("/staff"))), sorted({"郑专家", "孙技术"}));
  EXPECT_EQ(total_of(admin().get("/staff")), 7);
  EXPECT_EQ(total_of(as("demo-regulator").get("/staff")), 7);
  EXPECT_EQ(total_of(as("demo-insurer").get("/staff")), 0);
  EXPECT_EQ(sorted(names_of(agency.get("/staff?kind=expert"))), sorted({"陈专家", "周专家", "马排除"}));
  EXPECT_EQ(sorted(names_of(agency.get("/staff?kind=technician"))), sorted({"刘技术", "何初级"}));
  EXPECT_EQ(total_of(agency.get("/staff?kind=safety_engineer")), 0);
  EXPECT_EQ(sorted(names_of(agency.get("/staff?specialty=water"))), sorted({"陈专家", "刘技术", "马排除"}));
  EXPECT_EQ(names_of(agency.get("/staff?specialty=soil")), Codes{"何初级"});
  EXPECT_EQ(names_of(agency.get("/staff?excluded=true")), Codes{"马排除"});
  EXPECT_EQ(total_of(agency.get("/staff?excluded=false")), 4);
  EXPECT_EQ(names_of(agency.get("/staff?certificate_expires_before=2027-12-31")), Codes{"陈专家"});
  EXPECT_EQ(total_of(agency.get("/staff?certificate_expires_before=2027-06-30")), 0);  // strictly before
  EXPECT_EQ(names_of(agency.get("/staff?evaluation_grade=unqualified")), Codes{"马排除"});
  EXPECT_EQ(sorted(names_of(admin().get("/staff?title_level=senior"))), sorted({"陈专家", "郑专家"}));
  EXPECT_EQ(total_of(agency.get("/staff?q=1391234000")), 5);  // phone substring
  EXPECT_EQ(sorted(names_of(agency.get("/staff?q=" + url("专家")))), sorted({"陈专家", "周专家"}));
  EXPECT_EQ(names_of(agency.get("/staff?q=13912340004")), Codes{"何初级"});
  EXPECT_EQ(total_of(admin().get("/staff?org_id=" + std::to_string(org_id(kAgencyB)))), 2);
  EXPECT_EQ(agency.get("/staff?specialty=cooking").status, 422);
  EXPECT_EQ(agency.get("/staff?excluded=maybe").status, 422);
  EXPECT_EQ(agency.get("/staff?certificate_expires_before=2027-02-30").status, 422);
}

// ---- staffing check

TEST_F(StaffingCheckApi, AnExpertAndATechnicianMayServeASmallGeneralRiskEnterprise) {
  EXPECT_EQ(unmet(8, {"陈专家", "刘技术"}), Codes{});  // 利民食品: small, general
}

TEST_F(StaffingCheckApi, LargerRiskNeedsAnExpert) {
  EXPECT_EQ(unmet(2, {"刘技术", "何初级"}), Codes{"expert_required"});  // 锡能电镀: small, larger
  EXPECT_EQ(unmet(2, {"周专家", "何初级"}), Codes{});
}

TEST_F(StaffingCheckApi, LargeEnterprisesNeedThreePeopleAndATitledExpert) {
  // 恒达化工: large, major; no service types, so the wuxi rule. 陈专家 is senior, so only the head count
  // fails.
  EXPECT_EQ(unmet(0, {"陈专家", "刘技术"}), Codes{"too_few_people"});
  EXPECT_EQ(unmet(0, {"陈专家", "刘技术", "何初级"}), Codes{});
  EXPECT_EQ(unmet(0, {"刘技术", "何初级"}),
            (Codes{"too_few_people", "expert_required", "titled_expert_required"}));
  // A special request asks the same of a small enterprise.
  EXPECT_EQ(unmet(8, {"陈专家", "刘技术"}, true), Codes{"too_few_people"});
}

TEST_F(StaffingCheckApi, ExcludedStaffNeverCount) {
  auto r = as("demo-agency")
               .post("/staffing-check",
                     {{"enterprise_id", enterprise_id(demo_enterprise(8))},
                      {"staff_ids", {staff_id("陈专家"), staff_id("刘技术"), staff_id("马排除")}}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["satisfied"], false);
  EXPECT_EQ(strings_of(r.json()["unmet"], "code"), Codes{"excluded_member"});
  EXPECT_NE(r.json()["unmet"][0]["message"].get<std::string>().find("马排除"), std::string::npos);
  // 马排除 is an expert, but not one that counts.
  EXPECT_EQ(unmet(2, {"马排除", "刘技术", "何初级"}), (Codes{"excluded_member", "expert_required"}));
  EXPECT_EQ(unmet(8, {"何初级"}), (Codes{"too_few_people", "expert_or_technician_required"}));
}

TEST_F(StaffingCheckApi, OnlyVisibleEnterprisesAndStaff) {
  auto agency = as("demo-agency");
  auto foreign_staff =
      agency.post("/staffing-check", {{"enterprise_id", enterprise_id(demo_enterprise(8))},
                                      {"staff_ids", {staff_id("陈专家"), staff_id("郑专家")}}});
  // Answered as POST /visits/team-check answers (one function): field errors, not 404.
  EXPECT_EQ(errors_of(foreign_staff), Codes{"staff_ids[1]:unknown_staff"});
  auto foreign_enterprise =
      agency.post("/staffing-check", {{"enterprise_id", enterprise_id(demo_enterprise(10))},
                                      {"staff_ids", {staff_id("陈专家"), staff_id("刘技术")}}});
  EXPECT_EQ(errors_of(foreign_enterprise), Codes{"enterprise_id:unknown_enterprise"});
  auto invalid = agency.post("/staffing-check", {{"staff_ids", "陈专家"}});
  EXPECT_EQ(invalid.status, 422);
  EXPECT_EQ(field_codes(invalid.json()["errors"]), (Codes{"enterprise_id:required", "staff_ids:wrong_type"}));
  EXPECT_EQ(
      as("demo-park").post("/staffing-check", {{"enterprise_id", 1}, {"staff_ids", json::array()}}).status,
      403);
}
