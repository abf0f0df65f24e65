// Who sees which enterprises: each party type against the demo data. Rows outside the scope are 404,
// never 403, so ids of other tenants' enterprises do not leak.
#include "registry_fixtures.hpp"

using namespace rw::testing;
using nlohmann::json;

namespace {

using Codes = std::vector<std::string>;

class EnterpriseScopeApi : public RegistryApiTest {
 protected:
  static std::vector<std::string> visible_names(const Client& client) {
    auto list = client.get("/enterprises?limit=200");
    EXPECT_EQ(list.status, 200) << list.body;
    return sorted(names_of(list));
  }
  static std::string path_of(std::size_t demo_index) {
    return id_path("enterprises", enterprise_id(demo_enterprise(demo_index)));
  }
};

// Registers enterprises, which widens scopes: a suite (and server) of its own.
class EnterpriseRegistrarApi : public EnterpriseScopeApi {};

}  // namespace

TEST_F(EnterpriseScopeApi, PlatformAdminAndRegulatorSeeAllTwenty) {
  EXPECT_EQ(visible_names(admin()), sorted(demo_enterprises(0, 20)));
  auto regulator = as("demo-regulator");
  EXPECT_EQ(visible_names(regulator), sorted(demo_enterprises(0, 20)));  // all in 无锡市, its jurisdiction
  EXPECT_EQ(regulator.get(path_of(19)).status, 200);
  EXPECT_EQ(total_of(as("demo-viewer").get("/enterprises")), 20);
}

TEST_F(EnterpriseScopeApi, RegulatorReadsButCannotWrite) {
  auto regulator = as("demo-regulator");
  auto create = regulator.post("/enterprises", enterprise_body("无锡市监管新建有限公司", test_uscc(101)));
  EXPECT_EQ(create.status, 403);
  EXPECT_EQ(create.json()["code"], "forbidden");
  EXPECT_EQ(regulator.patch(path_of(0), {{"risk_level", "general"}}).status, 403);
  EXPECT_EQ(regulator.del(path_of(0)).status, 403);
  EXPECT_EQ(admin().get(path_of(0)).json()["risk_level"], "major");
  EXPECT_EQ(total_of(admin().get("/enterprises?q=" + url("监管新建"))), 0);
}

TEST_F(EnterpriseScopeApi, AgencySeesExactlyTheEnterprisesItServes) {
  auto agency_a = as("demo-agency");
  // Commissioned 0–9; it declined 9, which it no longer serves (commission visibility: commission_api_test).
  EXPECT_EQ(visible_names(agency_a), sorted(demo_enterprises(0, 9)));
  EXPECT_EQ(agency_a.get(path_of(8)).status, 200);
  EXPECT_EQ(agency_a.get(path_of(9)).status, 404);
  const auto b_only = path_of(10);  // 蓝天包装印刷: served by agency B only
  for (const auto& r : {agency_a.get(b_only), agency_a.patch(b_only, {{"tags", {"x"}}}), agency_a.del(b_only),
                        agency_a.post(b_only + "/restore", json::object())}) {
    EXPECT_EQ(r.status, 404);
    EXPECT_EQ(r.json()["code"], "not_found");
  }
  auto agency_b = as("qingyuan-admin");
  EXPECT_EQ(visible_names(agency_b), sorted(demo_enterprises(10, 15)));
  EXPECT_EQ(agency_b.get(path_of(0)).status, 404);
  // Filters cannot widen the scope.
  EXPECT_EQ(total_of(agency_a.get("/enterprises?agency_id=" + std::to_string(org_id(kAgencyB)))), 0);
  EXPECT_EQ(total_of(agency_a.get("/enterprises?archived=true")), 0);
}

TEST_F(EnterpriseScopeApi, InsurerSeesTheEnterprisesItInsures) {
  auto insurer_a = as("demo-insurer");
  EXPECT_EQ(visible_names(insurer_a), sorted(demo_enterprises(0, 12)));
  EXPECT_EQ(insurer_a.get(path_of(11)).status, 200);
  EXPECT_EQ(insurer_a.get(path_of(12)).status, 404);  // 明光电子: insured by insurer B only
  EXPECT_EQ(insurer_a.patch(path_of(12), {{"risk_level", "general"}}).status, 404);
  auto insurer_b = this->insurer_b();
  EXPECT_EQ(visible_names(insurer_b), sorted(demo_enterprises(8, 16)));
  EXPECT_EQ(insurer_b.get(path_of(0)).status, 404);
}

TEST_F(EnterpriseScopeApi, EnterpriseUserSeesOnlyItself) {
  auto ent = as("demo-enterprise");
  auto list = ent.get("/enterprises");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(total_of(list), 1);
  EXPECT_EQ(names_of(list), std::vector<std::string>{demo_enterprise(0)});
  EXPECT_EQ(ent.get(path_of(0)).status, 200);
  EXPECT_EQ(ent.get(path_of(1)).status, 404);
  EXPECT_EQ(ent.patch(path_of(1), {{"business_address", "x"}}).status, 404);
  EXPECT_EQ(ent.post("/enterprises", enterprise_body("无锡市企业自建有限公司", test_uscc(102))).status, 403);
  EXPECT_EQ(ent.del(path_of(0)).status, 403);
}

TEST_F(EnterpriseScopeApi, EnterpriseUserChangesOnlyItsOwnContactFields) {
  auto ent = as("demo-enterprise");
  const auto self = path_of(0);
  const json contacts = {{{"name", "钱安环"}, {"phone", "13951509999"}, {"role", "环保负责人"}},
                         {{"name", "赵值班"}, {"phone", "0510-12345678"}, {"role", "应急值班"}}};
  auto ok = ent.patch(self, {{"contacts", contacts},
                             {"production_status", "seasonal"},
                             {"sensitive_receptors", {"太湖"}},
                             {"business_address", "无锡市梁溪区新址 1 号"}});
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json()["contacts"], contacts);
  EXPECT_EQ(ok.json()["production_status"], "seasonal");
  EXPECT_EQ(ok.json()["risk_level"], "major");
  // Other fields: 422 not_editable for each one changed (the whole body is refused) ...
  const std::vector<std::pair<json, Codes>> refused = {
      {{{"risk_level", "general"}}, {"risk_level:not_editable"}},
      {{{"name", "改名有限公司"}, {"tags", {"自评"}}}, {"name:not_editable", "tags:not_editable"}},
      {{{"contacts", json::array()}, {"scale", "small"}}, {"scale:not_editable"}}};
  for (const auto& [body, codes] : refused) {
    auto r = ent.patch(self, body);
    EXPECT_EQ(r.status, 422) << body.dump();
    EXPECT_EQ(field_codes(r.json()["errors"]), codes) << body.dump();
  }
  // ... while resending them unchanged (a whole form) is fine.
  auto form = ent.get(self).json();
  form["business_address"] = "无锡市梁溪区新址 2 号";
  auto resent = ent.patch(self, form);
  ASSERT_EQ(resent.status, 200) << resent.body;
  EXPECT_EQ(resent.json()["business_address"], "无锡市梁溪区新址 2 号");
  auto after = admin().get(self).json();
  EXPECT_EQ(after["risk_level"], "major");
  EXPECT_EQ(after["scale"], "large");
  EXPECT_EQ(after["name"], demo_enterprise(0));
  EXPECT_EQ(after["contacts"], contacts);
}

TEST_F(EnterpriseScopeApi, ParkSeesItsResidentEnterprises) {
  auto park = as("demo-park");
  EXPECT_EQ(visible_names(park), sorted(demo_enterprises(15, 20)));
  EXPECT_EQ(park.get(path_of(14)).status, 404);
  EXPECT_EQ(park.patch(path_of(15), {{"tags", {"园区重点"}}}).status, 200);  // a park manager may write
}

TEST_F(EnterpriseRegistrarApi, AnEnterpriseIsVisibleToTheOrganizationThatRegisteredIt) {
  auto insurer_a = as("demo-insurer");
  const auto before = total_of(insurer_a.get("/enterprises"));
  auto created = insurer_a.post("/enterprises", enterprise_body("无锡市保险登记有限公司", test_uscc(103)));
  ASSERT_EQ(created.status, 201) << created.body;
  const auto path = id_path("enterprises", created.json()["id"]);
  EXPECT_EQ(created.json()["created_by_org_id"], insurer_a.org_id());
  EXPECT_EQ(insurer_a.get(path).status, 200);
  EXPECT_EQ(total_of(insurer_a.get("/enterprises")), before + 1);
  EXPECT_EQ(insurer_a.patch(path, {{"risk_level", "general"}}).json()["risk_level"], "general");
  EXPECT_EQ(insurer_b().get(path).status, 404);
  EXPECT_EQ(as("demo-agency").get(path).status, 404);
  EXPECT_EQ(as("demo-regulator").get(path).status, 200);  // in its jurisdiction
}
