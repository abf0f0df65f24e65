// Enterprises: create, validation, partial update, archive/restore, and every list filter counted
// against the demo data.
#include <algorithm>

#include "registry_fixtures.hpp"

using namespace rw::testing;
using nlohmann::json;

namespace {

// Writes enterprises; its tests keep to enterprises they create, so they run in any order.
class EnterpriseApi : public RegistryApiTest {};
// Reads (one test changes a row and puts it back), so every count below is the demo data's.
class EnterpriseListApi : public RegistryApiTest {};

}  // namespace

// ---- create

TEST_F(EnterpriseApi, CreateRoundTripsEveryField) {
  auto admin = this->admin();
  const auto street = region_id("320214001");
  const auto park = org_id(kPark);
  const json body = {{"name", "无锡市测试新材料化工有限公司"},
                     {"credit_code", test_uscc(1)},
                     {"legal_representative", "王建国"},
                     {"registered_address", "无锡市新吴区测试路 1 号"},
                     {"business_address", "无锡市新吴区测试路 2 号"},
                     {"longitude", 120.35},
                     {"latitude", 31.49},
                     {"contacts",
                      {{{"name", "王建国"}, {"phone", "13951500001"}, {"role", "环保负责人"}},
                       {{"name", "李四"}, {"phone", "0510-88886666"}, {"role", "安全员"}}}},
                     {"industry_code", "2614"},
                     {"scale", "medium"},
                     {"region_id", street},
                     {"park_org_id", park},
                     {"production_status", "seasonal"},
                     {"permit_type", "key"},
                     {"permit_number", "91320214MA5000001001P"},
                     {"permit_valid_from", "2024-01-01"},
                     {"permit_valid_until", "2029-12-31"},
                     {"risk_level", "larger"},
                     {"risk_assessed_on", "2025-06-30"},
                     {"risk_source", "突发环境事件应急预案备案"},
                     {"sensitive_receptors", {"京杭大运河", "居民区（约 300 米）"}},
                     {"tags", {"重点监管", "涉危化品"}}};
  auto created = admin.post("/enterprises", body);
  ASSERT_EQ(created.status, 201) << created.body;
  const auto e = created.json();
  for (const auto& [key, value] : body.items()) EXPECT_EQ(e[key], value) << key;
  EXPECT_EQ(e["industry_name"], "有机化学原料制造");
  EXPECT_EQ(e["region_name"], "旺庄街道");
  EXPECT_EQ(e["district_name"], "新吴区");
  EXPECT_EQ(e["park_name"], kPark);
  EXPECT_EQ(e["created_by_org_id"], admin.org_id());
  EXPECT_EQ(e["archived"], false);
  auto read = admin.get(id_path("enterprises", e["id"]));
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(read.json()["contacts"], body["contacts"]);
  EXPECT_EQ(read.json()["sensitive_receptors"], body["sensitive_receptors"]);
  EXPECT_EQ(read.json()["agencies"], json::array());
  // Its audit entry records every field as created.
  const auto log = admin.get("/audit?entity=enterprise&action=create&entity_id=" + e["id"].dump()).json();
  ASSERT_EQ(log["total"], 1);
  const auto changes = log["items"][0]["changes"];
  for (const auto& [key, value] : body.items()) {
    EXPECT_TRUE(changes[key]["from"].is_null()) << key;
    EXPECT_EQ(changes[key]["to"], value) << key;
  }
}

TEST_F(EnterpriseApi, DefaultsForOptionalFields) {
  auto created = admin().post("/enterprises", enterprise_body("无锡市最简企业有限公司", test_uscc(2)));
  ASSERT_EQ(created.status, 201) << created.body;
  const auto e = created.json();
  EXPECT_EQ(e["production_status"], "operating");
  EXPECT_EQ(e["permit_type"], "none");
  EXPECT_EQ(e["risk_level"], "unknown");
  EXPECT_EQ(e["scale"], "");
  EXPECT_EQ(e["industry_code"], "");
  EXPECT_EQ(e["industry_name"], "");
  EXPECT_TRUE(e["longitude"].is_null());
  EXPECT_TRUE(e["park_name"].is_null());
  EXPECT_EQ(e["contacts"], json::array());
  EXPECT_EQ(e["tags"], json::array());
}

TEST_F(EnterpriseApi, InvalidCreditCodesAre422InvalidUscc) {
  auto admin = this->admin();
  const auto valid = test_uscc(3);
  std::string wrong_check = valid;
  wrong_check.back() = wrong_check.back() == '0' ? '1' : '0';
  for (const auto& code :
       {valid.substr(0, 17), wrong_check, valid + "0", std::string("91320214MA500000IO")}) {
    auto r = admin.post("/enterprises", enterprise_body("无锡市信用代码测试有限公司", code));
    EXPECT_EQ(r.status, 422) << code;
    EXPECT_EQ(r.json()["code"], "validation_failed");
    ASSERT_EQ(r.json()["errors"].size(), 1u) << r.body;
    EXPECT_EQ(r.json()["errors"][0]["field"], "credit_code") << code;
    EXPECT_EQ(r.json()["errors"][0]["code"], "invalid_uscc") << code;
  }
  EXPECT_EQ(total_of(admin.get("/enterprises?q=" + url("信用代码测试"))), 0);
}

TEST_F(EnterpriseApi, LowercaseCreditCodeIsAcceptedAndUppercased) {
  const auto code = test_uscc(4);  // 91320214MA…: letters in it
  std::string lower = code;
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  ASSERT_NE(lower, code);
  auto r = admin().post("/enterprises", enterprise_body("无锡市小写代码有限公司", lower));
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()["credit_code"], code);
  auto check = admin().get("/enterprises/credit-code-check?code=" + lower);
  EXPECT_EQ(check.json(), (json{{"code", code}, {"valid", true}, {"registered", true}}));
  auto unknown = admin().get("/enterprises/credit-code-check?code=" + test_uscc(99));
  EXPECT_EQ(unknown.json()["registered"], false);
  EXPECT_EQ(admin().get("/enterprises/credit-code-check?code=123").json()["valid"], false);
}

TEST_F(EnterpriseApi, DuplicateCreditCodeIs409) {
  auto admin = this->admin();
  const auto demo_code =
      admin.get(id_path("enterprises", enterprise_id(demo_enterprise(0)))).json()["credit_code"];
  auto r = admin.post("/enterprises", enterprise_body("无锡市重复代码有限公司", demo_code));
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(r.json()["code"], "duplicate_uscc");
  EXPECT_EQ(r.json()["errors"][0]["field"], "credit_code");
  // Also when written in lowercase, and when the holder is archived.
  const auto code = test_uscc(5);
  auto first = admin.post("/enterprises", enterprise_body("无锡市先登记有限公司", code));
  ASSERT_EQ(first.status, 201);
  ASSERT_EQ(admin.del(id_path("enterprises", first.json()["id"])).status, 204);
  std::string lower = code;
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(admin.post("/enterprises", enterprise_body("无锡市后登记有限公司", lower)).json()["code"],
            "duplicate_uscc");
}

TEST_F(EnterpriseApi, RegionMustBeAStreetOrDistrict) {
  auto admin = this->admin();
  auto city = admin.post("/enterprises", enterprise_body("无锡市区划测试有限公司", test_uscc(6), "320200"));
  EXPECT_EQ(city.status, 422);
  EXPECT_EQ(field_codes(city.json()["errors"]), std::vector<std::string>{"region_id:region_too_coarse"});
  auto province =
      admin.post("/enterprises", enterprise_body("无锡市区划测试有限公司", test_uscc(6), "320000"));
  EXPECT_EQ(field_codes(province.json()["errors"]), std::vector<std::string>{"region_id:region_too_coarse"});
  auto body = enterprise_body("无锡市区划测试有限公司", test_uscc(6));
  body["region_id"] = 999999;
  EXPECT_EQ(field_codes(admin.post("/enterprises", body).json()["errors"]),
            std::vector<std::string>{"region_id:unknown_region"});
  auto district =
      admin.post("/enterprises", enterprise_body("无锡市区划测试有限公司", test_uscc(6), "320213"));
  ASSERT_EQ(district.status, 201) << district.body;
  EXPECT_EQ(district.json()["region_name"], "梁溪区");
  // Sitting in the district itself, the district is its own district (web: regionText shows just "梁溪区").
  EXPECT_EQ(district.json()["district_name"], "梁溪区");
}

TEST_F(EnterpriseApi, IndustryMustBeAKnownDivisionGroupOrClass) {
  auto admin = this->admin();
  for (const std::string code : {"9999", "C", "26145"}) {
    auto body = enterprise_body("无锡市行业测试有限公司", test_uscc(7));
    body["industry_code"] = code;
    auto r = admin.post("/enterprises", body);
    EXPECT_EQ(r.status, 422) << code;
    EXPECT_EQ(r.json()["errors"][0]["field"], "industry_code") << code;
    EXPECT_EQ(r.json()["errors"][0]["code"], code == "26145" ? "too_long" : "unknown_industry") << code;
  }
  auto body = enterprise_body("无锡市行业测试有限公司", test_uscc(7));
  body["industry_code"] = "336";  // a group (中类) is fine
  auto r = admin.post("/enterprises", body);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()["industry_name"], "金属表面处理及热处理加工");
}

TEST_F(EnterpriseApi, CoordinatesGoTogetherAndStayInChina) {
  auto admin = this->admin();
  auto body = enterprise_body("无锡市坐标测试有限公司", test_uscc(8));
  body["latitude"] = 31.5;
  EXPECT_EQ(field_codes(admin.post("/enterprises", body).json()["errors"]),
            std::vector<std::string>{"longitude:required"});
  body.erase("latitude");
  body["longitude"] = 120.3;
  EXPECT_EQ(field_codes(admin.post("/enterprises", body).json()["errors"]),
            std::vector<std::string>{"latitude:required"});
  body["latitude"] = 91;
  EXPECT_EQ(field_codes(admin.post("/enterprises", body).json()["errors"]),
            std::vector<std::string>{"latitude:out_of_range"});
}

TEST_F(EnterpriseApi, MalformedBodies) {
  auto admin = this->admin();
  auto wrong_type = admin.post("/enterprises", {{"name", "无锡市类型测试有限公司"},
                                                {"credit_code", test_uscc(9)},
                                                {"region_id", std::to_string(region_id("320214001"))}});
  EXPECT_EQ(wrong_type.status, 422);
  EXPECT_EQ(field_codes(wrong_type.json()["errors"]), std::vector<std::string>{"region_id:wrong_type"});
  auto empty_object = admin.post("/enterprises", json::object());
  EXPECT_EQ(empty_object.status, 422);
  EXPECT_EQ(field_codes(empty_object.json()["errors"]),
            (std::vector<std::string>{"name:required", "credit_code:required", "region_id:required"}));
  auto empty = admin.post_raw("/enterprises", "");
  EXPECT_EQ(empty.status, 400);
  EXPECT_EQ(empty.json()["code"], "malformed_json");
  auto malformed = admin.post_raw("/enterprises", R"({"name": "无锡市)", "application/json");
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(malformed.json()["code"], "malformed_json");
  auto array = admin.post_raw("/enterprises", "[]", "application/json");
  EXPECT_EQ(array.status, 400);
  EXPECT_EQ(array.json()["code"], "body_not_object");
  auto bad_lists = admin.post("/enterprises", {{"name", "无锡市列表测试有限公司"},
                                               {"credit_code", test_uscc(9)},
                                               {"region_id", region_id("320214001")},
                                               {"contacts", "王五"},
                                               {"tags", {""}},
                                               {"scale", "huge"}});
  EXPECT_EQ(field_codes(bad_lists.json()["errors"]),
            (std::vector<std::string>{"contacts:wrong_type", "scale:invalid_choice", "tags:invalid_item"}));
}

// ---- update, archive, restore

TEST_F(EnterpriseApi, PatchChangesOnlyTheFieldsSent) {
  auto admin = this->admin();
  const auto id = enterprise_id(demo_enterprise(2));
  const auto before = admin.get(id_path("enterprises", id)).json();
  auto r = admin.patch(id_path("enterprises", id), {{"legal_representative", "新法人"}, {"tags", {"复查"}}});
  ASSERT_EQ(r.status, 200) << r.body;
  auto after = r.json();
  EXPECT_EQ(after["legal_representative"], "新法人");
  EXPECT_EQ(after["tags"], json::array({"复查"}));
  for (const auto& key : {"name", "credit_code", "contacts", "industry_code", "scale", "region_id",
                          "permit_number", "risk_level", "sensitive_receptors", "longitude", "created_at"})
    EXPECT_EQ(after[key], before[key]) << key;
  // A PATCH is checked like a create: a clash with another enterprise's code is refused.
  const auto other_code =
      admin.get(id_path("enterprises", enterprise_id(demo_enterprise(3)))).json()["credit_code"];
  EXPECT_EQ(admin.patch(id_path("enterprises", id), {{"credit_code", other_code}}).status, 409);
  EXPECT_EQ(admin.patch(id_path("enterprises", id), {{"region_id", region_id("320200")}}).status, 422);
  EXPECT_EQ(admin.get(id_path("enterprises", id)).json()["credit_code"], before["credit_code"]);
}

TEST_F(EnterpriseApi, ArchiveHidesAndRestoreBringsBack) {
  auto admin = this->admin();
  const auto created = admin.post("/enterprises", enterprise_body("无锡市归档测试有限公司", test_uscc(10)));
  ASSERT_EQ(created.status, 201);
  const auto id = created.json()["id"].get<std::int64_t>();
  const auto q = "&q=" + url("归档测试");
  EXPECT_EQ(total_of(admin.get("/enterprises?limit=200" + q)), 1);
  EXPECT_EQ(admin.del(id_path("enterprises", id)).status, 204);
  EXPECT_EQ(total_of(admin.get("/enterprises?limit=200" + q)), 0);
  auto archived = admin.get("/enterprises?archived=true" + q);
  EXPECT_EQ(total_of(archived), 1);
  EXPECT_EQ(archived.json()["items"][0]["id"], id);
  EXPECT_EQ(archived.json()["items"][0]["archived"], true);
  EXPECT_EQ(admin.get(id_path("enterprises", id)).json()["archived"], true);
  auto restored = admin.post(id_path("enterprises", id) + "/restore", json::object());
  ASSERT_EQ(restored.status, 200);
  EXPECT_EQ(restored.json()["archived"], false);
  EXPECT_EQ(total_of(admin.get("/enterprises?limit=200" + q)), 1);
  EXPECT_EQ(total_of(admin.get("/enterprises?archived=true" + q)), 0);
  EXPECT_EQ(admin.del("/enterprises/99999999").status, 404);
}

TEST_F(EnterpriseApi, TagFilterFindsTaggedEnterprises) {
  auto admin = this->admin();
  auto body = enterprise_body("无锡市标签测试有限公司", test_uscc(11));
  body["tags"] = {"挂牌督办", "重点"};
  ASSERT_EQ(admin.post("/enterprises", body).status, 201);
  auto tagged = admin.get("/enterprises?tag=" + url("挂牌督办"));
  EXPECT_EQ(names_of(tagged), std::vector<std::string>{"无锡市标签测试有限公司"});
  // A tag matches whole: "重" is not "重点", and no demo enterprise is tagged.
  EXPECT_EQ(total_of(admin.get("/enterprises?tag=" + url("重"))), 0);
  EXPECT_EQ(total_of(admin.get("/enterprises?tag=" + url("重点"))), 1);
}

// ---- list filters over the 20 demo enterprises

TEST_F(EnterpriseListApi, RegionFilterIncludesSubRegions) {
  auto admin = this->admin();
  EXPECT_EQ(total_of(admin.get("/enterprises")), 20);
  EXPECT_EQ(total_of(admin.get("/enterprises?region_id=" + std::to_string(region_id("320200")))), 20);
  auto xinwu = admin.get("/enterprises?limit=200&region_id=" + std::to_string(region_id("320214")));
  auto liangxi = admin.get("/enterprises?limit=200&region_id=" + std::to_string(region_id("320213")));
  EXPECT_EQ(total_of(xinwu), 10);
  EXPECT_EQ(total_of(liangxi), 10);
  // The bodies are kept: a range-for over a temporary's member would read freed memory (test-asan found it).
  const auto xinwu_body = xinwu.json(), liangxi_body = liangxi.json();
  for (const auto& e : xinwu_body["items"]) EXPECT_EQ(e["district_name"], "新吴区") << e["name"];
  for (const auto& e : liangxi_body["items"]) EXPECT_EQ(e["district_name"], "梁溪区") << e["name"];
  auto wangzhuang = admin.get("/enterprises?limit=200&region_id=" + std::to_string(region_id("320214001")));
  EXPECT_EQ(sorted(names_of(wangzhuang)), sorted({demo_enterprise(2), demo_enterprise(6), demo_enterprise(10),
                                                  demo_enterprise(14), demo_enterprise(18)}));
  EXPECT_EQ(admin.get("/enterprises?region_id=abc").status, 422);
}

TEST_F(EnterpriseListApi, ParkIndustryScaleRiskAndPermitFilters) {
  auto admin = this->admin();
  auto park = admin.get("/enterprises?limit=200&park_id=" + std::to_string(org_id(kPark)));
  EXPECT_EQ(sorted(names_of(park)), sorted(demo_enterprises(15, 20)));
  EXPECT_EQ(total_of(admin.get("/enterprises?industry=C")), 18);  // all but 4620 (D) and 5990 (G)
  EXPECT_EQ(total_of(admin.get("/enterprises?industry=D")), 1);
  EXPECT_EQ(sorted(names_of(admin.get("/enterprises?industry=336"))),
            sorted({demo_enterprise(2), demo_enterprise(5), demo_enterprise(9)}));
  EXPECT_EQ(total_of(admin.get("/enterprises?industry=26")), 2);
  EXPECT_EQ(names_of(admin.get("/enterprises?industry=2614")), std::vector<std::string>{demo_enterprise(0)});
  EXPECT_EQ(admin.get("/enterprises?industry=X1").status, 422);
  EXPECT_EQ(total_of(admin.get("/enterprises?scale=large")), 5);
  EXPECT_EQ(total_of(admin.get("/enterprises?scale=medium")), 6);
  EXPECT_EQ(total_of(admin.get("/enterprises?scale=small")), 8);
  EXPECT_EQ(names_of(admin.get("/enterprises?scale=micro")), std::vector<std::string>{demo_enterprise(9)});
  EXPECT_EQ(sorted(names_of(admin.get("/enterprises?risk_level=major"))),
            sorted({demo_enterprise(0), demo_enterprise(6), demo_enterprise(16)}));
  EXPECT_EQ(total_of(admin.get("/enterprises?risk_level=larger")), 7);
  EXPECT_EQ(total_of(admin.get("/enterprises?risk_level=general")), 8);
  EXPECT_EQ(total_of(admin.get("/enterprises?risk_level=unknown")), 2);
  EXPECT_EQ(total_of(admin.get("/enterprises?permit_type=key")), 10);
  EXPECT_EQ(total_of(admin.get("/enterprises?permit_type=simplified")), 4);
  EXPECT_EQ(total_of(admin.get("/enterprises?permit_type=registration")), 5);
  EXPECT_EQ(names_of(admin.get("/enterprises?permit_type=none")),
            std::vector<std::string>{demo_enterprise(18)});
  EXPECT_EQ(total_of(admin.get("/enterprises?risk_level=larger&scale=large")), 2);  // 长江钢管, 创新半导体
  EXPECT_EQ(admin.get("/enterprises?risk_level=high").status, 422);
}

TEST_F(EnterpriseListApi, InsurerAndAgencyFilters) {
  auto admin = this->admin();
  EXPECT_EQ(
      sorted(names_of(admin.get("/enterprises?limit=200&insurer_id=" + std::to_string(org_id(kInsurerA))))),
      sorted(demo_enterprises(0, 12)));
  EXPECT_EQ(
      sorted(names_of(admin.get("/enterprises?limit=200&insurer_id=" + std::to_string(org_id(kInsurerB))))),
      sorted(demo_enterprises(8, 16)));
  // Commissioned to agency A: 0–9, of which it declined 9.
  EXPECT_EQ(
      sorted(names_of(admin.get("/enterprises?limit=200&agency_id=" + std::to_string(org_id(kAgencyA))))),
      sorted(demo_enterprises(0, 9)));
  EXPECT_EQ(
      sorted(names_of(admin.get("/enterprises?limit=200&agency_id=" + std::to_string(org_id(kAgencyB))))),
      sorted(demo_enterprises(10, 15)));
  const auto both = "/enterprises?insurer_id=" + std::to_string(org_id(kInsurerB)) +
                    "&agency_id=" + std::to_string(org_id(kAgencyA));
  EXPECT_EQ(names_of(admin.get(both)), std::vector<std::string>{demo_enterprise(8)});
}

TEST_F(EnterpriseListApi, SearchByChineseNameAddressAndCreditCode) {
  auto admin = this->admin();
  EXPECT_EQ(names_of(admin.get("/enterprises?q=" + url("化工"))),
            std::vector<std::string>{demo_enterprise(0)});
  EXPECT_EQ(total_of(admin.get("/enterprises?q=" + url("梁溪区工业路"))), 10);  // addresses
  const auto code = admin.get(id_path("enterprises", enterprise_id(demo_enterprise(5))))
                        .json()["credit_code"]
                        .get<std::string>();
  EXPECT_EQ(names_of(admin.get("/enterprises?q=" + code.substr(10, 7))),
            std::vector<std::string>{demo_enterprise(5)});
  EXPECT_EQ(total_of(admin.get("/enterprises?q=" + url("不存在的企业"))), 0);
  EXPECT_EQ(total_of(admin.get("/enterprises?q=" + url("100%"))), 0);  // % is literal, not a wildcard
}

TEST_F(EnterpriseListApi, SortOrders) {
  auto admin = this->admin();
  auto by_name = names_of(admin.get("/enterprises?limit=200&sort=name"));
  ASSERT_EQ(by_name.size(), 20u);
  EXPECT_TRUE(std::is_sorted(by_name.begin(),
                             by_name.end()));  // code-point order (SQLite; PostgreSQL with C collation)
  auto by_name_desc = names_of(admin.get("/enterprises?limit=200&sort=-name"));
  std::reverse(by_name_desc.begin(), by_name_desc.end());
  EXPECT_EQ(by_name_desc, by_name);
  auto by_risk = admin.get("/enterprises?limit=200&sort=-risk_level").json()["items"];
  std::vector<std::string> levels = strings_of(by_risk, "risk_level");
  std::vector<std::string> expected;
  for (auto [level, n] : {std::pair{"major", 3}, {"larger", 7}, {"general", 8}, {"unknown", 2}})
    expected.insert(expected.end(), n, level);
  EXPECT_EQ(levels, expected);  // by severity, not alphabetically
  // Ties: newest id first.
  EXPECT_EQ(strings_of(json(std::vector<json>(by_risk.begin(), by_risk.begin() + 3))),
            (std::vector<std::string>{demo_enterprise(16), demo_enterprise(6), demo_enterprise(0)}));
  auto ascending =
      strings_of(admin.get("/enterprises?limit=1&sort=risk_level").json()["items"], "risk_level");
  EXPECT_EQ(ascending, std::vector<std::string>{"unknown"});
  EXPECT_EQ(admin.get("/enterprises?sort=industry_code").status, 422);
}

TEST_F(EnterpriseListApi, ProductionStatusFilter) {
  auto admin = this->admin();
  EXPECT_EQ(total_of(admin.get("/enterprises?production_status=operating")), 20);
  EXPECT_EQ(total_of(admin.get("/enterprises?production_status=suspended")), 0);
  const auto id = enterprise_id(demo_enterprise(7));
  ASSERT_EQ(admin.patch(id_path("enterprises", id), {{"production_status", "suspended"}}).status, 200);
  EXPECT_EQ(names_of(admin.get("/enterprises?production_status=suspended")),
            std::vector<std::string>{demo_enterprise(7)});
  EXPECT_EQ(total_of(admin.get("/enterprises?production_status=operating")), 19);
  EXPECT_EQ(admin.get("/enterprises?production_status=stopped").status, 422);
  // Put back, so the other tests of this suite see the demo data.
  ASSERT_EQ(admin.patch(id_path("enterprises", id), {{"production_status", "operating"}}).status, 200);
}

TEST_F(EnterpriseListApi, Paging) {
  auto admin = this->admin();
  auto page = admin.get("/enterprises?limit=7&offset=14&sort=name").json();
  EXPECT_EQ(page["total"], 20);
  EXPECT_EQ(page["limit"], 7);
  EXPECT_EQ(page["offset"], 14);
  EXPECT_EQ(page["items"].size(), 6u);
  EXPECT_EQ(admin.get("/enterprises?limit=20&offset=20").json()["items"].size(), 0u);
  EXPECT_EQ(admin.get("/enterprises").json()["limit"], 50);
  auto too_many = admin.get("/enterprises?limit=201");
  EXPECT_EQ(too_many.status, 422);
  EXPECT_EQ(field_codes(too_many.json()["errors"]), std::vector<std::string>{"limit:invalid_query"});
  EXPECT_EQ(admin.get("/enterprises?limit=0").status, 422);
  EXPECT_EQ(admin.get("/enterprises?offset=-1").status, 422);
}

// A page is found by id first and its rows read afterwards (the deferred join): the pages, one after another,
// are the whole list in the same order, ties broken by id, whatever the sort.
TEST_F(EnterpriseListApi, PagesJoinIntoTheWholeList) {
  auto admin = this->admin();
  for (const std::string sort :
       {"name", "-name", "risk_level", "-risk_level", "-updated_at", "credit_code"}) {
    const auto whole = names_of(admin.get("/enterprises?limit=200&sort=" + sort));
    ASSERT_EQ(whole.size(), 20u) << sort;
    std::vector<std::string> pages;
    for (int offset = 0; offset < 21; offset += 3) {
      const auto page = admin.get("/enterprises?limit=3&offset=" + std::to_string(offset) + "&sort=" + sort);
      EXPECT_EQ(page.json()["total"], 20) << sort;
      for (const auto& name : names_of(page)) pages.push_back(name);
    }
    EXPECT_EQ(pages, whole) << sort;
  }
  const auto by_name = names_of(admin.get("/enterprises?limit=200&sort=name"));
  EXPECT_TRUE(std::is_sorted(by_name.begin(), by_name.end()));
}

TEST_F(EnterpriseListApi, IndustriesAndDictionaries) {
  auto admin = this->admin();
  auto children = admin.get("/industries?parent=336").json();
  EXPECT_EQ(children["total"], 1);
  EXPECT_EQ(children["items"][0],
            (json{{"code", "3360"}, {"level", 4}, {"parent", "336"}, {"name", "金属表面处理及热处理加工"}}));
  auto search = admin.get("/industries?q=2614").json();
  EXPECT_EQ(search["items"][0]["name"], "有机化学原料制造");

  // A picker's top level is the 20 sections (门类 A–T); it opens one level at a time.
  auto sections = admin.get("/industries?level=1").json();
  EXPECT_EQ(sections["total"], 20);
  EXPECT_EQ(sections["items"][0]["code"], "A");
  EXPECT_EQ(sections["items"][19]["code"], "T");
  // Searches come a page at a time, `total` counting every match; a code comes before the codes under it.
  const auto all_manufacturing = admin.get("/industries?q=" + url("制造")).json();
  const auto page = admin.get("/industries?q=" + url("制造") + "&limit=5&offset=5").json();
  EXPECT_EQ(page["total"], all_manufacturing["total"]);
  EXPECT_GT(page["total"].get<int>(), 100);
  ASSERT_EQ(page["items"].size(), 5u);
  EXPECT_EQ(page["items"][0], all_manufacturing["items"][5]);
  EXPECT_EQ(admin.get("/industries?q=26&limit=1").json()["items"][0]["code"], "26");
  for (const auto* bad : {"level=5", "level=0", "level=x", "limit=0", "limit=201", "offset=-1"}) {
    const auto r = admin.get(std::string("/industries?") + bad);
    EXPECT_EQ(r.status, 422) << bad;
    EXPECT_EQ(r.json()["code"], "validation_failed") << bad;
  }
  auto dictionaries = as("demo-enterprise").get("/dictionaries").json();
  EXPECT_EQ(strings_of(dictionaries["risk_levels"], "value"),
            (std::vector<std::string>{"general", "larger", "major", "unknown"}));
  EXPECT_EQ(dictionaries["risk_levels"][1]["zh"], "较大");
  EXPECT_EQ(dictionaries["enterprise_scales"].size(), 4u);
  EXPECT_EQ(dictionaries["insurance_types"].size(), 2u);
  EXPECT_EQ(dictionaries["specialties"].size(), 11u);
}
