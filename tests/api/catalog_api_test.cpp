// The service catalog: the shipped types as every party reads them, the list filters, and the platform
// admin's edits, where each change of a type's rules adds a version and old versions stay as they were.
#include "platform/db/database.hpp"
#include "platform/errors.hpp"
#include "registry_fixtures.hpp"
#include "services/catalog.hpp"

using namespace rw::testing;
using nlohmann::json;

namespace {

using Codes = std::vector<std::string>;

class CatalogApi : public RegistryApiTest {
 protected:
  static std::int64_t type_id(const std::string& code) {
    return find_id(admin().get("/service-types?limit=200&q=" + code), "code", code);
  }
  static std::string type_path(std::int64_t id) { return id_path("service-types", id); }
  static json custom_type(const std::string& code) {
    return {{"code", code},
            {"class_code", "custom"},
            {"name_zh", "园区夜间巡查"},
            {"insurance_type", "park_hosting"},
            {"deliverables", {"checklist", "photos"}},
            {"upload_working_days", 2},
            {"upload_basis", "园区管委会要求"}};
  }
  // The field errors of creating `custom_type` with `changes`.
  static Codes errors_with(const json& changes) {
    auto body = custom_type("custom.invalid");
    for (const auto& [key, value] : changes.items()) body[key] = value;
    auto r = admin().post("/service-types", body);
    EXPECT_EQ(r.status, 422) << changes.dump() << " " << r.body;
    return field_codes(r.json()["errors"]);
  }
  static Codes codes_of(const HttpResult& list) { return names_of(list, "code"); }
};

// Reads only: the shipped catalog as installed at start.
class CatalogListApi : public CatalogApi {};

}  // namespace

TEST_F(CatalogListApi, TheShippedCatalogIsInstalled) {
  auto all = admin().get("/service-types?limit=200");
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(total_of(all), 62);
  // The seeds' order: wuxi §9(一) first, guilin A.1 item 20 last.
  EXPECT_EQ(all.json()["items"][0]["code"], "wuxi.screening.risk_assessment");
  EXPECT_EQ(all.json()["items"][61]["code"], "guilin.other_hosting");
  const auto first = all.json()["items"][0];
  EXPECT_EQ(first["name_zh"], "环责险风险评估");
  EXPECT_EQ(first["class_name_zh"], "排查服务类");
  EXPECT_EQ(first["source"], "wuxi");
  EXPECT_EQ(first["upload_working_days"], 5);
  EXPECT_EQ(first["min_people_large"], 3);
  EXPECT_EQ(first["version"], 1);
  EXPECT_EQ(first["active"], true);

  auto classes = admin().get("/service-classes");
  ASSERT_EQ(classes.status, 200) << classes.body;
  EXPECT_EQ(classes.json()["items"].size(), 12u);
  EXPECT_EQ(classes.json()["items"][0]["code"], "wuxi.screening");
  EXPECT_EQ(classes.json()["items"][0]["type_count"], 5);
  EXPECT_EQ(strings_of(admin().get("/service-classes?source=xuzhou").json()["items"], "name_zh"),
            (Codes{"项目建设前阶段", "项目建设阶段", "项目运行阶段", "项目退出阶段"}));
  EXPECT_EQ(admin().get("/service-classes?source=paris").status, 422);
}

TEST_F(CatalogListApi, Filters) {
  auto admin = this->admin();
  EXPECT_EQ(total_of(admin.get("/service-types?source=wuxi")), 17);
  EXPECT_EQ(total_of(admin.get("/service-types?source=chengdu")), 6);
  EXPECT_EQ(total_of(admin.get("/service-types?source=xuzhou")), 19);
  EXPECT_EQ(total_of(admin.get("/service-types?source=guilin")), 20);
  EXPECT_EQ(total_of(admin.get("/service-types?source=custom")), 0);
  EXPECT_EQ(codes_of(admin.get("/service-types?class_code=wuxi.emergency")),
            (Codes{"wuxi.emergency.plan", "wuxi.emergency.drill", "wuxi.emergency.supplies"}));
  EXPECT_EQ(total_of(admin.get("/service-types?insurance_type=work_safety")), 6);
  EXPECT_EQ(total_of(admin.get("/service-types?insurance_type=park_hosting")), 20);
  EXPECT_EQ(total_of(admin.get("/service-types?source=wuxi&on_site=true")), 17);
  EXPECT_EQ(total_of(admin.get("/service-types?source=chengdu&on_site=false")), 2);
  EXPECT_EQ(total_of(admin.get("/service-types?active=false")), 0);
  // A Chinese substring of the name, or part of the code.
  EXPECT_EQ(codes_of(admin.get("/service-types?source=wuxi&q=" + url("排查"))),
            (Codes{"wuxi.screening.wastewater", "wuxi.screening.waste_gas", "wuxi.screening.solid_waste",
                   "wuxi.screening.emergency_hazard"}));
  EXPECT_EQ(codes_of(admin.get("/service-types?q=" + url("应急预案"))),
            (Codes{"wuxi.emergency.plan", "chengdu.emergency_plan_drill"}));
  EXPECT_EQ(total_of(admin.get("/service-types?q=wuxi.training")), 5);
  auto page = admin.get("/service-types?limit=10&offset=60").json();
  EXPECT_EQ(page["total"], 62);
  EXPECT_EQ(page["items"].size(), 2u);
  EXPECT_EQ(admin.get("/service-types?source=paris").status, 422);
  EXPECT_EQ(admin.get("/service-types?on_site=maybe").status, 422);
  EXPECT_EQ(admin.get("/service-types?limit=500").status, 422);
}

TEST_F(CatalogListApi, EverySignedInUserReadsAndOnlyThePlatformAdminWrites) {
  const auto id = type_id("wuxi.training.air");
  for (const auto* user : {"demo-enterprise", "demo-agency", "demo-insurer", "demo-regulator", "demo-park"}) {
    auto client = as(user);
    EXPECT_EQ(total_of(client.get("/service-types")), 62) << user;
    EXPECT_EQ(client.get(type_path(id)).status, 200) << user;
    EXPECT_EQ(client.get("/service-classes").status, 200) << user;
    EXPECT_EQ(client.get(type_path(99999999)).status, 404) << user;
    EXPECT_EQ(client.post("/service-types", custom_type("custom.forbidden")).status, 403) << user;
    EXPECT_EQ(client.patch(type_path(id), {{"upload_working_days", 9}}).status, 403) << user;
  }
  // An admin of an agency is not the platform's admin.
  EXPECT_EQ(as("qingyuan-admin").patch(type_path(id), {{"active", false}}).status, 403);
  EXPECT_EQ(http_request(port(), "GET", "/api/v1/service-types").status, 401);
  auto me = as("demo-enterprise").get("/me").json()["permissions"];
  EXPECT_NE(std::find(me.begin(), me.end(), "catalog:read"), me.end());
  EXPECT_EQ(std::find(me.begin(), me.end(), "catalog:write"), me.end());
  EXPECT_EQ(admin().get(type_path(id)).json()["version"], 1);
}

TEST_F(CatalogListApi, DetailShowsTheRulesAndTheVersions) {
  const auto id = type_id("wuxi.emergency.plan");
  auto r = as("demo-agency").get(type_path(id));
  ASSERT_EQ(r.status, 200) << r.body;
  const auto t = r.json();
  EXPECT_EQ(t["code"], "wuxi.emergency.plan");
  EXPECT_EQ(t["upload_working_days"], 3);
  EXPECT_EQ(t["upload_from"], "filing_receipt");
  EXPECT_EQ(t["deliverables"],
            (json{"work_document", "filing_receipt", "feedback_form", "satisfaction_survey"}));
  EXPECT_EQ(t["reference"], "wuxi §12(一); att.1 四 一、");
  EXPECT_EQ(t["checklists"], json::array());
  ASSERT_EQ(t["versions"].size(), 1u);
  EXPECT_EQ(t["versions"][0]["version"], 1);
  EXPECT_EQ(t["versions"][0]["id"], t["version_id"]);
  EXPECT_TRUE(t["versions"][0]["created_by"].is_null());  // shipped, not typed in
  auto v1 = as("demo-agency").get(type_path(id) + "/versions/1");
  ASSERT_EQ(v1.status, 200) << v1.body;
  EXPECT_EQ(v1.json()["name_zh"], "突发环境事件应急预案编制");
  EXPECT_EQ(v1.json()["type_id"], id);
  EXPECT_EQ(as("demo-agency").get(type_path(id) + "/versions/2").status, 404);
  EXPECT_EQ(as("demo-agency").get(type_path(id) + "/versions/x").status, 404);
  auto none = as("demo-agency").get(type_path(99999999) + "/versions/1");
  EXPECT_EQ(none.status, 404);
}

TEST_F(CatalogApi, AdminCreatesACustomType) {
  auto r = admin().post("/service-types", custom_type("custom.night_patrol"));
  ASSERT_EQ(r.status, 201) << r.body;
  const auto t = r.json();
  EXPECT_EQ(t["source"], "custom");
  EXPECT_EQ(t["version"], 1);
  EXPECT_EQ(t["on_site"], true);  // defaults
  EXPECT_EQ(t["annual_survey"], false);
  EXPECT_EQ(t["min_people"], 2);
  EXPECT_EQ(t["min_people_large"], 2);  // no seed asks a custom type for more at large enterprises
  EXPECT_EQ(t["upload_from"], "service_end");
  EXPECT_EQ(t["versions"][0]["created_by"], admin().user_id());
  EXPECT_EQ(t["versions"][0]["created_by_name"], admin().login().user["display_name"]);
  const auto custom = codes_of(as("demo-agency").get("/service-types?source=custom"));
  EXPECT_NE(std::find(custom.begin(), custom.end(), "custom.night_patrol"), custom.end());
  auto audit =
      admin().get("/audit?entity=service_type&entity_id=" + std::to_string(t["id"].get<std::int64_t>()));
  ASSERT_EQ(total_of(audit), 1);
  EXPECT_EQ(audit.json()["items"][0]["action"], "create");
  EXPECT_EQ(audit.json()["items"][0]["changes"]["name_zh"]["to"], "园区夜间巡查");
}

TEST_F(CatalogApi, EditingRulesAddsAVersionAndKeepsTheOldOne) {
  const auto id = type_id("wuxi.training.air");
  const auto before = admin().get(type_path(id)).json();
  auto edited =
      admin().patch(type_path(id), {{"upload_working_days", 4}, {"min_people", 3}, {"min_people_large", 4}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  const auto after = edited.json();
  EXPECT_EQ(after["version"], 2);
  EXPECT_NE(after["version_id"], before["version_id"]);
  EXPECT_EQ(after["upload_working_days"], 4);
  EXPECT_EQ(after["name_zh"], "大气污染治理专项培训");  // the rest is kept
  EXPECT_EQ(after["deliverables"], before["deliverables"]);
  EXPECT_EQ(strings_of(after["versions"], "created_at").size(), 2u);
  EXPECT_EQ(after["versions"][0]["version"], 2);  // newest first
  EXPECT_EQ(after["versions"][0]["created_by"], admin().user_id());

  // Version 1 is as it was, through the API and for the services that keep it.
  auto v1 = admin().get(type_path(id) + "/versions/1").json();
  EXPECT_EQ(v1["upload_working_days"], 5);
  EXPECT_EQ(v1["min_people"], 2);
  EXPECT_EQ(v1["id"], before["version_id"]);
  auto database = rw::db::Database::open(server_->db_url(), 1);
  auto lease = database->acquire();
  const auto kept = rw::services::service_rules_of_versions(
      *lease, {before["version_id"].get<std::int64_t>(), after["version_id"].get<std::int64_t>()});
  EXPECT_EQ(kept[0].version, 1);
  EXPECT_EQ(kept[0].upload_working_days, 5);
  EXPECT_EQ(kept[0].min_people, 2);
  EXPECT_EQ(kept[1].version, 2);
  EXPECT_EQ(kept[1].min_people_large, 4);
  EXPECT_EQ(rw::services::current_service_rules(*lease, {id}, "ids")[0].version_id, after["version_id"]);

  // The same values again change nothing.
  auto same = admin().patch(type_path(id), {{"upload_working_days", 4}, {"name_zh", "大气污染治理专项培训"}});
  EXPECT_EQ(same.json()["version"], 2);
  auto audit = admin().get("/audit?entity=service_type&entity_id=" + std::to_string(id)).json();
  ASSERT_EQ(audit["total"], 1);
  EXPECT_EQ(audit["items"][0]["changes"]["version"], (json{{"from", 1}, {"to", 2}}));
  EXPECT_EQ(audit["items"][0]["changes"]["upload_working_days"], (json{{"from", 5}, {"to", 4}}));
  // Clearing the deadline is a rule change too.
  auto cleared = admin().patch(type_path(id), {{"upload_working_days", nullptr}, {"upload_basis", ""}});
  EXPECT_EQ(cleared.json()["version"], 3);
  EXPECT_TRUE(cleared.json()["upload_working_days"].is_null());
}

TEST_F(CatalogApi, SwitchingOffAndReclassifyingMakeNoVersion) {
  const auto id = type_id("xuzhou.green_finance");
  const auto all = total_of(admin().get("/service-types"));
  const auto from_xuzhou = total_of(admin().get("/service-types?source=xuzhou"));
  auto off = admin().patch(type_path(id), {{"active", false}});
  ASSERT_EQ(off.status, 200) << off.body;
  EXPECT_EQ(off.json()["active"], false);
  EXPECT_EQ(off.json()["version"], 1);
  EXPECT_EQ(codes_of(as("demo-agency").get("/service-types?active=false")), Codes{"xuzhou.green_finance"});
  EXPECT_EQ(total_of(admin().get("/service-types?active=true")), all - 1);
  auto database = rw::db::Database::open(server_->db_url(), 1);
  EXPECT_THROW(rw::services::current_service_rules(*database->acquire(), {id}, "service_type_ids"),
               rw::ApiError);
  auto moved = admin().patch(type_path(id), {{"active", true}, {"class_code", "custom"}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.json()["active"], true);
  EXPECT_EQ(moved.json()["source"], "custom");
  EXPECT_EQ(moved.json()["version"], 1);
  EXPECT_EQ(total_of(admin().get("/service-types?source=xuzhou")), from_xuzhou - 1);
}

TEST_F(CatalogApi, BadInputIsRefusedAtItsFields) {
  const auto types_before = total_of(admin().get("/service-types"));
  const auto audit_before = total_of(admin().get("/audit?entity=service_type"));
  auto empty = admin().post("/service-types", json::object());
  EXPECT_EQ(empty.status, 422);
  EXPECT_EQ(field_codes(empty.json()["errors"]),
            (Codes{"code:required", "class_code:required", "name_zh:required", "insurance_type:required",
                   "deliverables:required"}));
  EXPECT_EQ(errors_with({{"code", "Night Patrol"}}), Codes{"code:invalid_code"});
  EXPECT_EQ(errors_with({{"class_code", "wuxi.nothing"}}), Codes{"class_code:unknown_class"});
  EXPECT_EQ(errors_with({{"deliverables", {"report", "fax"}}}), Codes{"deliverables:invalid_choice"});
  EXPECT_EQ(errors_with({{"deliverables", json::array()}}), Codes{"deliverables:required"});
  EXPECT_EQ(errors_with({{"upload_working_days", -1}}), Codes{"upload_working_days:out_of_range"});
  EXPECT_EQ(errors_with({{"upload_working_days", 2.5}}), Codes{"upload_working_days:wrong_type"});
  EXPECT_EQ(errors_with({{"upload_from", "tomorrow"}}), Codes{"upload_from:invalid_choice"});
  EXPECT_EQ(errors_with({{"min_people", 1}}), Codes{"min_people:out_of_range"});
  EXPECT_EQ(errors_with({{"min_people", 4}, {"min_people_large", 3}}),
            Codes{"min_people_large:below_min_people"});
  EXPECT_EQ(errors_with({{"on_site", false}, {"annual_survey", true}}), Codes{"annual_survey:needs_on_site"});
  EXPECT_EQ(errors_with({{"insurance_type", "fire"}}), Codes{"insurance_type:invalid_choice"});
  EXPECT_EQ(errors_with({{"name_zh", std::string(101 * 3, 'x')}}), Codes{"name_zh:too_long"});
  EXPECT_EQ(admin().post_raw("/service-types", "{").json()["code"], "malformed_json");

  auto duplicate = admin().post("/service-types", custom_type("wuxi.training.air"));
  EXPECT_EQ(duplicate.status, 409);
  EXPECT_EQ(duplicate.json()["code"], "duplicate_service_type_code");
  EXPECT_EQ(field_codes(duplicate.json()["errors"]), Codes{"code:duplicate_service_type_code"});

  const auto id = type_id("guilin.annual_report");
  auto renamed = admin().patch(type_path(id), {{"code", "guilin.yearly_report"}});
  EXPECT_EQ(renamed.status, 422);
  EXPECT_EQ(field_codes(renamed.json()["errors"]), Codes{"code:not_editable"});
  auto bad_patch = admin().patch(type_path(id), {{"min_people_large", 1}, {"deliverables", json::array()}});
  EXPECT_EQ(field_codes(bad_patch.json()["errors"]),
            (Codes{"deliverables:required", "min_people_large:out_of_range"}));
  EXPECT_EQ(admin().patch(type_path(99999999), {{"active", false}}).status, 404);
  // Nothing was written.
  EXPECT_EQ(total_of(admin().get("/service-types")), types_before);
  EXPECT_EQ(admin().get(type_path(id)).json()["version"], 1);
  EXPECT_EQ(total_of(admin().get("/audit?entity=service_type")), audit_before);
}

TEST_F(CatalogListApi, DictionariesLabelTheCatalog) {
  auto dicts = as("demo-enterprise").get("/dictionaries").json();
  EXPECT_EQ(strings_of(dicts["catalog_sources"], "zh"),
            (Codes{"无锡环责险", "成都安责险", "徐州第三方", "桂林园区托管", "自定义"}));
  EXPECT_EQ(dicts["deliverable_kinds"].size(), 18u);
  EXPECT_EQ(strings_of(dicts["service_insurance_types"], "value"),
            (Codes{"environmental", "work_safety", "park_hosting"}));
  EXPECT_EQ(strings_of(dicts["upload_anchors"], "value"), (Codes{"service_end", "filing_receipt"}));
}
