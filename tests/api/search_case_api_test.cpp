// Every list's text search ignores the case of ASCII letters on both databases, as SQLite's LIKE does:
// PostgreSQL's LIKE compared it, so on PostgreSQL "picc" found no policy numbered "PICC-…" until each search
// compared a text with ASCII letters lowered on both sides (db::like_ignoring_case).
#include "services_fixtures.hpp"

using namespace rw::testing;
using nlohmann::json;

namespace {

class SearchCaseApi : public ServicesApiTest {
 protected:
  // The ids a list at `path` (with its `q` last, to which each text is appended) finds for each text.
  static void expect_found(const Client& client, const std::string& path, std::int64_t id,
                           const std::vector<std::string>& texts) {
    ASSERT_FALSE(texts.empty());
    for (const auto& text : texts) {
      const auto list = client.get(path + url(text));
      ASSERT_EQ(list.status, 200) << list.body;
      const auto body = list.json();
      std::set<std::int64_t> ids;
      for (const auto& item : body["items"]) ids.insert(item["id"].get<std::int64_t>());
      EXPECT_EQ(ids.count(id), 1u) << path << text;
    }
  }
  static void expect_not_found(const Client& client, const std::string& path, const std::string& text) {
    const auto list = client.get(path + url(text));
    ASSERT_EQ(list.status, 200) << list.body;
    EXPECT_EQ(total_of(list), 0) << path << text;
  }
};

}  // namespace

TEST_F(SearchCaseApi, ListsOfTheRegistryFindTextsWhateverTheCaseOfTheirAsciiLetters) {
  auto admin = as("demo-admin");
  expect_found(admin, "/users?limit=200&q=", admin.user_id(), {"DEMO-ADMIN", "Demo-Admin", "demo-admin"});
  expect_not_found(admin, "/users?q=", "DEMO-ADMINX");

  auto agency = as("demo-agency");
  const auto staff =
      agency.post("/staff", {{"name", "Li Wei 李伟"}, {"phone", "13700000991"}, {"kind", "technician"}});
  ASSERT_EQ(staff.status, 201) << staff.body;
  expect_found(agency, "/staff?limit=200&q=", staff.json()["id"], {"li wei", "LI WEI", "Li Wei 李"});
  expect_not_found(agency, "/staff?q=", "li wej");

  const auto district = region_id("320214");
  const auto region = admin.post(
      "/regions",
      {{"code", "320214098"}, {"name", "SND科技街道"}, {"level", "street"}, {"parent_id", district}});
  ASSERT_EQ(region.status, 201) << region.body;
  expect_found(admin, "/regions?limit=200&q=", region.json()["id"], {"snd科技", "Snd", "SND"});
  expect_not_found(admin, "/regions?q=", "sne");

  const auto code = std::string("wuxi.screening.risk_assessment");
  expect_found(admin, "/service-types?limit=200&q=", service_type(code),
               {"WUXI.SCREENING.RISK_ASSESSMENT", "Wuxi.Screening"});
}

TEST_F(SearchCaseApi, ListsOfTheServicesFindAnEnterpriseWhateverTheCaseOfItsAsciiLetters) {
  auto insurer = as("demo-insurer");
  const auto enterprise = insured_enterprise_by(insurer, "无锡ABC精细化工有限公司", 991);
  const auto policy = policy_id("PICC-S-991");
  expect_found(insurer, "/policies?limit=200&q=", policy, {"picc-s-991", "Picc-S-991", "abc精细", "ABC精细"});
  expect_not_found(insurer, "/policies?q=", "picc-s-992");

  const auto commissioned = commission_by(insurer, {enterprise});
  const auto item = item_of(commissioned, enterprise);
  auto agency = as("demo-agency");
  ASSERT_EQ(agency.post(item_path(item, "accept"), json::object()).status, 200);
  expect_found(insurer, "/commission-items?limit=200&q=", item, {"abc精细", "Abc精细化工"});
  expect_not_found(insurer, "/commission-items?q=", "abd精细");

  const auto visit =
      agency.post("/visits", {{"enterprise_id", enterprise},
                              {"service_type_ids", {service_type("wuxi.screening.risk_assessment")}},
                              {"planned_on", "2026-06-03"},
                              {"staff_ids", {staff_id("陈专家"), staff_id("刘技术")}}});
  ASSERT_EQ(visit.status, 201) << visit.body;
  expect_found(agency, "/visits?limit=200&q=", visit.json()["id"], {"abc精细", "aBC"});
  expect_not_found(agency, "/visits?q=", "abd精细");

  const auto plan =
      agency.post("/service-plans", {{"enterprise_id", enterprise},
                                     {"year", 2027},
                                     {"insurer_org_id", org_id(kInsurerA)},
                                     {"items",
                                      {{{"service_type_id", service_type("wuxi.screening.risk_assessment")},
                                        {"measures", "现场勘查"},
                                        {"frequency", "每年 1 次"}}}},
                                     {"staff_ids", {staff_id("陈专家")}}});
  ASSERT_EQ(plan.status, 201) << plan.body;
  expect_found(agency, "/service-plans?limit=200&q=", plan.json()["id"], {"abc精细", "Abc"});
  expect_not_found(agency, "/service-plans?q=", "abd精细");
}

// HJ 169-2018 Appendix B names substances with Latin letters (N,N-二甲基甲酰胺).
TEST_F(SearchCaseApi, TheSubstancesFindANameWhateverTheCaseOfItsAsciiLetters) {
  auto admin = as("demo-admin");
  for (const auto* text : {"n,n-二甲基甲酰胺", "N,N-二甲基", "n,N-二甲基甲酰胺"}) {
    const auto found = admin.get("/env-risk/substances?q=" + url(text));
    ASSERT_EQ(found.status, 200) << found.body;
    const auto names = names_of(found);
    EXPECT_NE(std::find(names.begin(), names.end(), "N,N-二甲基甲酰胺"), names.end()) << text;
  }
}
