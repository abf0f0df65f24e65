// Regions, organizations, users and audit: validation, scoping and cross-tenant denial.
#include "harness.hpp"

using namespace rw::testing;
using nlohmann::json;

namespace {

class AdminApi : public ApiTest {
 protected:
  static std::int64_t org_id(const std::string& name) {
    return find_id(as("demo-admin").get("/organizations?limit=200&q=" + name), "name", name);
  }
  static std::int64_t user_id(const std::string& username) {
    return find_id(as("demo-admin").get("/users?limit=200&q=" + username), "username", username);
  }
  static std::int64_t region_id(const std::string& code) {
    return find_id(as("demo-admin").get("/regions?limit=200&q=" + code), "code", code);
  }
};

std::vector<std::string> names(const HttpResult& list, const std::string& key = "name") {
  std::vector<std::string> out;
  const auto body = list.json();
  for (const auto& item : body["items"]) out.push_back(item[key]);
  return out;
}

bool contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

const std::string kAgencyA = "无锡环科风险评估有限公司";
const std::string kAgencyB = "江苏清源环境技术服务有限公司";

}  // namespace

// ---- regions

TEST_F(AdminApi, RegionsListFilterAndPage) {
  auto admin = as("demo-admin");
  auto all = admin.get("/regions");
  EXPECT_EQ(all.json()["total"], 8);
  auto streets = admin.get("/regions?level=street&limit=3");
  EXPECT_EQ(streets.json()["total"], 4);
  EXPECT_EQ(streets.json()["items"].size(), 3u);
  EXPECT_EQ(admin.get("/regions?level=street&limit=3&offset=3").json()["items"].size(), 1u);
  auto search = admin.get("/regions?q=%E6%96%B0%E5%90%B4");  // 新吴
  EXPECT_EQ(names(search), std::vector<std::string>{"新吴区"});
  auto children = admin.get("/regions?parent_id=" + std::to_string(region_id("320213")));
  EXPECT_EQ(children.json()["total"], 2);
  EXPECT_EQ(admin.get("/regions?level=planet").status, 422);
  EXPECT_EQ(admin.get("/regions?limit=500").status, 422);
}

TEST_F(AdminApi, RegionCreateValidatesHierarchyAndCodes) {
  auto admin = as("demo-admin");
  const auto district = region_id("320214");
  auto bad_parent = admin.post(
      "/regions",
      {{"code", "320214099"}, {"name", "测试街道"}, {"level", "district"}, {"parent_id", district}});
  EXPECT_EQ(bad_parent.status, 422);
  EXPECT_EQ(bad_parent.json()["errors"][0]["code"], "wrong_parent_level");
  auto bad_code =
      admin.post("/regions", {{"code", "32A"}, {"name", "x"}, {"level", "street"}, {"parent_id", district}});
  EXPECT_EQ(bad_code.json()["errors"][0]["code"], "invalid_region_code");
  auto duplicate = admin.post(
      "/regions", {{"code", "320214001"}, {"name", "x"}, {"level", "street"}, {"parent_id", district}});
  EXPECT_EQ(duplicate.status, 409);
  EXPECT_EQ(duplicate.json()["code"], "duplicate_region_code");
  auto created =
      admin.post("/regions",
                 {{"code", "320214099"}, {"name", "测试街道"}, {"level", "street"}, {"parent_id", district}});
  ASSERT_EQ(created.status, 201) << created.body;
  const auto id = created.json()["id"].get<std::int64_t>();
  auto renamed = admin.patch("/regions/" + std::to_string(id), {{"name", "改名街道"}});
  EXPECT_EQ(renamed.json()["name"], "改名街道");
  EXPECT_EQ(admin.del("/regions/" + std::to_string(id)).status, 204);
  EXPECT_EQ(admin.get("/regions/" + std::to_string(id)).status, 404);
}

TEST_F(AdminApi, RegionInUseCannotBeDeleted) {
  auto r = as("demo-admin").del("/regions/" + std::to_string(region_id("320213")));
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(r.json()["code"], "region_in_use");
}

TEST_F(AdminApi, OnlyPlatformAdminsWriteRegions) {
  auto agency = as("demo-agency");
  EXPECT_EQ(agency.get("/regions").status, 200);
  EXPECT_EQ(agency.post("/regions", {{"code", "11"}, {"name", "x"}, {"level", "province"}}).status, 403);
  EXPECT_EQ(as("demo-enterprise").get("/regions").status, 403);
}

// ---- organizations

TEST_F(AdminApi, PlatformAdminSeesEveryOrganization) {
  auto all = as("demo-admin").get("/organizations?limit=200");
  EXPECT_EQ(all.json()["total"], 27);  // platform, regulator, 2 insurers, 2 agencies, park, 20 enterprises
  auto enterprises = as("demo-admin").get("/organizations?type=enterprise&limit=5");
  EXPECT_EQ(enterprises.json()["total"], 20);
  EXPECT_EQ(enterprises.json()["items"].size(), 5u);
}

TEST_F(AdminApi, AgencyAdminSeesOnlyItsOwnTree) {
  auto list = as("demo-agency").get("/organizations?limit=200");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(names(list), std::vector<std::string>{kAgencyA});
  auto other = as("demo-agency").get("/organizations/" + std::to_string(org_id(kAgencyB)));
  EXPECT_EQ(other.status, 404);  // not 403: ids of other tenants do not leak
}

TEST_F(AdminApi, RegulatorSeesItsJurisdiction) {
  auto list = as("demo-regulator").get("/organizations?limit=200");
  ASSERT_EQ(list.status, 200);
  const auto n = names(list);
  EXPECT_TRUE(contains(n, "无锡市生态环境局"));
  EXPECT_TRUE(contains(n, kAgencyA));
  EXPECT_TRUE(contains(n, "无锡市恒达化工有限公司"));
  EXPECT_FALSE(contains(n, "Riskwatch 风险防控服务平台"));
  EXPECT_EQ(list.json()["total"], 26);
  // Reading is not managing.
  EXPECT_EQ(as("demo-regulator")
                .patch("/organizations/" + std::to_string(org_id(kAgencyA)), {{"name", "x"}})
                .status,
            403);
}

// Moves an agency's region: a suite (and server) of its own.
class AdminRegionMoveApi : public AdminApi {};

// A regulator's located organizations are kept between requests on SQLite (V054): an organization that moves
// out of the jurisdiction leaves its lists and lookups at once, and one that moves in joins them.
TEST_F(AdminRegionMoveApi, AnOrganizationThatMovesLeavesAndJoinsTheRegulatorsListsAtOnce) {
  auto regulator = as("demo-regulator");
  const auto agency = org_id(kAgencyB);
  const auto expert = find_id(as("qingyuan-admin").get("/staff?limit=200"), "name", "郑专家");
  const auto sees = [&] {
    const bool in_staff = contains(names(regulator.get("/staff?limit=200")), "郑专家");
    const bool in_orgs = contains(names(regulator.get("/organizations?limit=200")), kAgencyB);
    const auto one_staff = regulator.get("/staff/" + std::to_string(expert)).status;
    const auto one_org = regulator.get("/organizations/" + std::to_string(agency)).status;
    EXPECT_EQ(in_staff, in_orgs);
    EXPECT_EQ(one_staff, in_staff ? 200 : 404);
    EXPECT_EQ(one_org, in_orgs ? 200 : 404);
    return in_staff;
  };
  const auto move = [&](const std::string& code) {
    auto moved = as("demo-admin")
                     .patch("/organizations/" + std::to_string(agency), {{"region_ids", {region_id(code)}}});
    ASSERT_EQ(moved.status, 200) << moved.body;
  };
  ASSERT_TRUE(sees()) << "新吴区 lies in 无锡市";
  move("320000");  // 江苏省: above the city, not inside it
  EXPECT_FALSE(sees());
  move("320214");
  EXPECT_TRUE(sees());
}

TEST_F(AdminApi, ParkSeesItsResidentEnterprises) {
  auto list = as("demo-park").get("/organizations?type=enterprise&limit=200");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json()["total"], 5);
}

TEST_F(AdminApi, EnterpriseUserReadsOnlyItsOwnOrganization) {
  auto ent = as("demo-enterprise");
  EXPECT_EQ(ent.get("/organizations/" + std::to_string(ent.org_id())).status, 200);
  EXPECT_EQ(ent.get("/organizations").status, 403);
  EXPECT_EQ(ent.get("/organizations/" + std::to_string(org_id(kAgencyA))).status, 403);
}

TEST_F(AdminApi, OrgAdminCreatesChildOrganizationsOnlyUnderItsTree) {
  auto agency = as("demo-agency");
  auto branch = agency.post("/organizations",
                            {{"name", "环科滨湖分部"}, {"type", "agency"}, {"parent_id", agency.org_id()}});
  ASSERT_EQ(branch.status, 201) << branch.body;
  EXPECT_EQ(branch.json()["parent_id"], agency.org_id());
  auto foreign = agency.post("/organizations",
                             {{"name", "越权分部"}, {"type", "agency"}, {"parent_id", org_id(kAgencyB)}});
  EXPECT_EQ(foreign.status, 422);
  EXPECT_EQ(foreign.json()["errors"][0]["code"], "unknown_parent");
  auto orphan = agency.post("/organizations", {{"name", "无上级"}, {"type", "agency"}});
  EXPECT_EQ(orphan.json()["errors"][0]["field"], "parent_id");
  auto list = agency.get("/organizations");
  EXPECT_EQ(list.json()["total"], 2);
}

TEST_F(AdminApi, OrganizationValidation) {
  auto admin = as("demo-admin");
  auto bad = admin.post(
      "/organizations",
      {{"name", ""}, {"type", "bank"}, {"region_ids", {999999}}, {"credit_code", "91350100M000100Y44"}});
  ASSERT_EQ(bad.status, 422);
  std::vector<std::string> fields;
  const auto body = bad.json();
  for (const auto& e : body["errors"]) fields.push_back(e["field"]);
  EXPECT_TRUE(contains(fields, "name"));
  EXPECT_TRUE(contains(fields, "type"));
  EXPECT_TRUE(contains(fields, "credit_code"));
  auto unknown_region =
      admin.post("/organizations", {{"name", "x"}, {"type", "agency"}, {"region_ids", {999999}}});
  EXPECT_EQ(unknown_region.json()["errors"][0]["code"], "unknown_region");
  auto wrong_type = admin.post("/organizations", {{"name", "x"}, {"type", "agency"}, {"region_ids", "3"}});
  EXPECT_EQ(wrong_type.json()["errors"][0]["code"], "wrong_type");
}

TEST_F(AdminApi, OrganizationCannotMoveUnderItsOwnDescendant) {
  auto admin = as("demo-admin");
  auto parent = admin.post("/organizations", {{"name", "总公司"}, {"type", "insurer"}})
                    .json()["id"]
                    .get<std::int64_t>();
  auto child = admin.post("/organizations", {{"name", "分公司"}, {"type", "insurer"}, {"parent_id", parent}})
                   .json()["id"]
                   .get<std::int64_t>();
  auto cycle = admin.patch("/organizations/" + std::to_string(parent), {{"parent_id", child}});
  EXPECT_EQ(cycle.status, 422);
  EXPECT_EQ(cycle.json()["errors"][0]["code"], "parent_cycle");
  auto updated = admin.patch("/organizations/" + std::to_string(child),
                             {{"contact_phone", "0510-88888888"}, {"region_ids", {region_id("320200")}}});
  EXPECT_EQ(updated.status, 200);
  EXPECT_EQ(updated.json()["region_ids"], json::array({region_id("320200")}));
}

// ---- users

TEST_F(AdminApi, OrgAdminListsOnlyItsOwnUsers) {
  auto list = as("demo-agency").get("/users?limit=200");
  ASSERT_EQ(list.status, 200);
  auto usernames = names(list, "username");
  EXPECT_TRUE(contains(usernames, "demo-expert"));
  EXPECT_FALSE(contains(usernames, "qingyuan-expert"));
  EXPECT_FALSE(contains(usernames, "demo-admin"));
  auto experts = as("demo-agency").get("/users?role=expert");
  EXPECT_EQ(experts.json()["total"], 2);
}

TEST_F(AdminApi, CrossTenantUserAccessIsNotFound) {
  const auto other = user_id("qingyuan-expert");
  auto agency = as("demo-agency");
  EXPECT_EQ(agency.get("/users/" + std::to_string(other)).status, 404);
  EXPECT_EQ(agency.patch("/users/" + std::to_string(other), {{"active", false}}).status, 404);
  EXPECT_EQ(
      agency.post("/users/" + std::to_string(other) + "/password", {{"new_password", "Hijack@2026"}}).status,
      404);
  // ...and nothing changed.
  EXPECT_EQ(as("demo-admin").get("/users/" + std::to_string(other)).json()["active"], true);
  EXPECT_EQ(login(port(), "qingyuan-expert").user["username"], "qingyuan-expert");
}

TEST_F(AdminApi, NonAdminsCannotManageUsers) {
  EXPECT_EQ(as("demo-expert").get("/users").status, 403);
  EXPECT_EQ(as("demo-regulator").get("/users").status, 403);
  EXPECT_EQ(as("demo-enterprise").post("/users", {{"username", "x"}}).status, 403);
  EXPECT_EQ(as("demo-expert").get("/audit").status, 403);
}

TEST_F(AdminApi, CreateUserValidatesAndRejectsOtherTenantsOrg) {
  auto agency = as("demo-agency");
  auto invalid = agency.post("/users", {{"username", "a b"},
                                        {"display_name", ""},
                                        {"org_id", org_id(kAgencyB)},
                                        {"roles", {"wizard"}},
                                        {"password", "weak"}});
  ASSERT_EQ(invalid.status, 422);
  std::vector<std::string> codes;
  const auto body = invalid.json();
  for (const auto& e : body["errors"])
    codes.push_back(e["field"].get<std::string>() + ":" + e["code"].get<std::string>());
  EXPECT_TRUE(contains(codes, "username:invalid_username"));
  EXPECT_TRUE(contains(codes, "display_name:required"));
  EXPECT_TRUE(contains(codes, "org_id:unknown_organization"));
  EXPECT_TRUE(contains(codes, "roles:invalid_choice"));
  EXPECT_TRUE(contains(codes, "password:password_length"));

  auto created = agency.post("/users", {{"username", "HK-Tech3"},
                                        {"display_name", "新技术员"},
                                        {"org_id", agency.org_id()},
                                        {"roles", {"technician"}},
                                        {"password", "Field@2026"},
                                        {"phone", "13900000003"},
                                        {"email", "tech3@example.cn"}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json()["username"], "hk-tech3");
  EXPECT_EQ(created.json()["phone"], "13900000003");
  EXPECT_EQ(created.json()["email"], "tech3@example.cn");
  EXPECT_EQ(login(port(), "hk-tech3", "Field@2026").user["roles"], json::array({"technician"}));
  auto duplicate = agency.post("/users", {{"username", "hk-tech3"},
                                          {"display_name", "重复"},
                                          {"org_id", agency.org_id()},
                                          {"roles", {"technician"}},
                                          {"password", "Field@2026"}});
  EXPECT_EQ(duplicate.status, 409);
  EXPECT_EQ(duplicate.json()["code"], "duplicate_username");
}

TEST_F(AdminApi, DeactivatingAUserEndsItsSessions) {
  auto agency = as("demo-agency");
  auto tech = client_for(port(), "demo-technician");
  EXPECT_EQ(tech.get("/me").status, 200);
  auto r = agency.patch("/users/" + std::to_string(tech.user_id()), {{"active", false}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["active"], false);
  EXPECT_EQ(tech.get("/me").status, 401);
  EXPECT_THROW(login(port(), "demo-technician"), std::runtime_error);
  EXPECT_EQ(agency.patch("/users/" + std::to_string(tech.user_id()), {{"active", true}}).status, 200);
  EXPECT_EQ(login(port(), "demo-technician").user["username"], "demo-technician");
}

TEST_F(AdminApi, AdminCannotLockThemselvesOut) {
  auto agency = as("demo-agency");
  auto r = agency.patch("/users/" + std::to_string(agency.user_id()), {{"roles", {"manager"}}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.json()["errors"][0]["code"], "cannot_change_own_access");
}

TEST_F(AdminApi, PasswordResetSignsTheUserOut) {
  // A user of its own, so the demo users keep their password for the other tests of this server.
  auto agency = as("demo-agency");
  ASSERT_EQ(agency
                .post("/users", {{"username", "reset-me"},
                                 {"display_name", "待重置"},
                                 {"org_id", agency.org_id()},
                                 {"roles", {"technician"}},
                                 {"password", "First#Pass2026"}})
                .status,
            201);
  const Client user(port(), login(port(), "reset-me", "First#Pass2026"));
  auto r =
      agency.post("/users/" + std::to_string(user.user_id()) + "/password", {{"new_password", "Reset@2026"}});
  EXPECT_EQ(r.status, 204);
  EXPECT_EQ(user.get("/me").status, 401);
  EXPECT_EQ(login(port(), "reset-me", "Reset@2026").user["username"], "reset-me");
}

// ---- audit

TEST_F(AdminApi, WritesAreAuditedWithChangedFields) {
  auto admin = as("demo-admin");
  const auto target = user_id("demo-viewer");
  ASSERT_EQ(
      admin
          .patch("/users/" + std::to_string(target), {{"display_name", "赵查看员"}, {"phone", "13800000000"}})
          .status,
      200);
  auto log = admin.get("/audit?entity=user&entity_id=" + std::to_string(target) + "&action=update");
  ASSERT_EQ(log.status, 200);
  ASSERT_GE(log.json()["total"], 1);
  auto entry = log.json()["items"][0];
  EXPECT_EQ(entry["username"], "demo-admin");
  EXPECT_EQ(entry["changes"]["display_name"]["from"], "赵查看");
  EXPECT_EQ(entry["changes"]["display_name"]["to"], "赵查看员");
  EXPECT_EQ(entry["changes"]["phone"]["to"], "13800000000");
  EXPECT_FALSE(entry["changes"].contains("email"));  // unchanged fields are not listed
  EXPECT_FALSE(entry["request_id"].get<std::string>().empty());
}

TEST_F(AdminApi, OrgAdminSeesOnlyItsTenantsAuditEntries) {
  as("qingyuan-expert");  // a login in agency B
  auto admin_view = as("demo-admin").get("/audit?action=login&limit=200");
  auto agency_view = as("demo-agency").get("/audit?action=login&limit=200");
  ASSERT_EQ(agency_view.status, 200);
  const auto agency_a = org_id(kAgencyA);
  bool saw_other = false;
  const auto admin_items = admin_view.json()["items"];
  const auto agency_items = agency_view.json()["items"];
  for (const auto& e : admin_items) saw_other = saw_other || e["org_id"] != agency_a;
  EXPECT_TRUE(saw_other);
  for (const auto& e : agency_items) EXPECT_EQ(e["org_id"], agency_a) << e.dump();
  EXPECT_EQ(as("demo-admin").get("/audit?from=2026-13-01").status, 422);
}

TEST_F(AdminApi, DictionariesAreBilingual) {
  auto d = as("demo-enterprise").get("/dictionaries").json();
  EXPECT_EQ(d["org_types"].size(), 6u);
  EXPECT_EQ(d["roles"].size(), 7u);
  EXPECT_EQ(d["roles"][0]["zh"], "管理员");
  EXPECT_EQ(d["roles"][0]["en"], "Administrator");
}

TEST_F(AdminApi, BadIdsAreNotFound) {
  auto admin = as("demo-admin");
  EXPECT_EQ(admin.get("/users/abc").status, 404);
  EXPECT_EQ(admin.get("/users/-1").status, 404);
  EXPECT_EQ(admin.get("/users/99999999999999999999").status, 404);
  EXPECT_EQ(admin.get("/organizations/0").status, 404);
}
