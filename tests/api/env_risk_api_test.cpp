// HJ 941-2018 through the API (issue 13): the substance table searched by name, alias and CAS; 速算 with
// given indicators and with raw inputs; bad input as problem+json with a stable code and zh/en messages.
// Expected levels and labels are typed from risk-methods.md.
#include "registry_fixtures.hpp"

namespace rw::testing {
namespace {

using nlohmann::json;

class EnvRiskApi : public RegistryApiTest {
 protected:
  static json problem_errors(const HttpResult& r) {
    EXPECT_EQ(r.status, 422) << r.body;
    EXPECT_EQ(r.header("content-type"), "application/problem+json");
    return r.json()["errors"];
  }
};

TEST_F(EnvRiskApi, SearchFindsByNameAliasAndCas) {
  const auto expert = as("demo-expert");
  auto r = expert.get("/env-risk/substances?q=%E6%B0%A8");  // 氨
  ASSERT_EQ(r.status, 200) << r.body;
  const auto found = r.json();
  EXPECT_EQ(found["table"]["version"], 1);
  const auto names = strings_of(found["items"]);
  ASSERT_FALSE(names.empty());
  EXPECT_NE(std::find(names.begin(), names.end(), "氨气"), names.end());
  EXPECT_NE(std::find(names.begin(), names.end(), "氨水（浓度≥20%）"), names.end());

  // 天然气 is written for 甲烷 (known_quirks); the row carries its critical quantity.
  const auto gas = expert.get("/env-risk/substances?q=%E5%A4%A9%E7%84%B6%E6%B0%94").json();  // 天然气
  ASSERT_EQ(gas["items"].size(), 1u);
  EXPECT_EQ(gas["items"][0]["name"], "甲烷");
  EXPECT_EQ(gas["items"][0]["cas"], "74-82-8");
  EXPECT_EQ(gas["items"][0]["critical_t"], 10);

  const auto by_cas = expert.get("/env-risk/substances?q=7664-41-7").json();
  ASSERT_EQ(by_cas["items"].size(), 1u);
  EXPECT_EQ(by_cas["items"][0]["name"], "氨气");
  EXPECT_EQ(by_cas["items"][0]["critical_t"], 5);
  EXPECT_EQ(by_cas["items"][0]["air"], true);  // one of the 25 gases that count for water too
  EXPECT_EQ(by_cas["items"][0]["water"], true);

  // 氢气 is no risk substance by the table: the search says so.
  const auto hydrogen = expert.get("/env-risk/substances?q=%E6%B0%A2%E6%B0%94").json();  // 氢气
  EXPECT_TRUE(hydrogen["items"].empty());
  ASSERT_EQ(hydrogen["not_risk_substances"].size(), 1u);
  EXPECT_EQ(hydrogen["not_risk_substances"][0]["name"], "氢气");
}

TEST_F(EnvRiskApi, TheTableInForceListsTheScoreItemsAndProcesses) {
  const auto t = as("demo-enterprise").get("/env-risk/tables/current");
  ASSERT_EQ(t.status, 200) << t.body;
  const auto table = t.json();
  EXPECT_EQ(table["version"], 1);
  ASSERT_EQ(table["processes"].size(), 18u);
  EXPECT_EQ(table["processes"][0], "光气及光气化");
  ASSERT_EQ(table["control_scores"]["air"].size(), 3u);
  ASSERT_EQ(table["control_scores"]["water"].size(), 8u);
  EXPECT_EQ(table["control_scores"]["water"][0]["zh"], "截流措施");
}

TEST_F(EnvRiskApi, EvaluateWithGivenIndicatorsAsTheIssueExample) {
  const auto r = as("demo-expert")
                     .post("/env-risk/evaluate", {{"air", {{"q", 12.5}, {"m", 30}, {"e", "E2"}}},
                                                  {"water", {{"q", 0.4}, {"m", 0}, {"e", "E3"}}},
                                                  {"penalised_last_3_years", false}});
  ASSERT_EQ(r.status, 200) << r.body;
  const auto result = r.json();
  EXPECT_EQ(result["level"], "较大");  // E2-Q2-M2
  EXPECT_EQ(result["label"], "较大[较大-大气(Q2-M2-E2)+一般-水(Q0)]");
  EXPECT_EQ(result["raised"], false);
  EXPECT_EQ(result["air"]["level"], "较大");
  EXPECT_EQ(result["air"]["label"], "较大-大气(Q2-M2-E2)");
  EXPECT_EQ(result["air"]["q_band"], "Q2");
  EXPECT_EQ(result["air"]["m_band"], "M2");
  EXPECT_EQ(result["air"]["e"], "E2");
  EXPECT_EQ(result["water"]["level"], "一般");
  EXPECT_EQ(result["water"]["q_band"], "Q0");
  EXPECT_EQ(result["table"]["version"], 1);
  ASSERT_FALSE(result["explanation"].empty());

  // The raise: 较大 becomes 重大; 重大 stays.
  const auto raised = as("demo-expert")
                          .post("/env-risk/evaluate", {{"air", {{"q", 12.5}, {"m", 30}, {"e", "E2"}}},
                                                       {"penalised_last_3_years", true}});
  ASSERT_EQ(raised.status, 200) << raised.body;
  EXPECT_EQ(raised.json()["label"], "重大[较大-大气(Q2-M2-E2)]");
  EXPECT_EQ(raised.json()["raised"], true);
}

TEST_F(EnvRiskApi, EvaluateFromRawInputsNamesWhatMadeEachIndicator) {
  // 液氨 60 t (alias of 氨气, 5 t) → Q 12 in both media; 合成氨 1 unit → 10; air: no boundary monitoring 25,
  // the distance met 0, no incident 0 → M 35 (M2); water: every measure met → M 10 (M1).
  const json body = {
      {"substances", {{{"name", "液氨"}, {"quantity_t", 60}}}},
      {"process_units", {{{"process", "合成氨"}, {"count", 1}}}},
      {"air_controls",
       {{"toxic_gas_monitoring", "missing"}, {"protective_distance", "meets"}, {"air_incidents", "none"}}},
      {"water_controls",
       {{"interception", "meets"},
        {"accident_water_collection", "meets"},
        {"clean_water_system", "meets"},
        {"rainwater_system", "meets"},
        {"production_wastewater", "meets"},
        {"discharge_permit", "meets"},
        {"hazardous_waste", "meets"},
        {"water_incidents", "none"}}},
      {"air_receptors", {{"people_5km", 12000}, {"people_500m", 300}}},  // E2
      {"water_receptors", {{"drinking_water_zone_10km", false}}}};       // E3
  const auto r = as("demo-expert").post("/env-risk/evaluate", body);
  ASSERT_EQ(r.status, 200) << r.body;
  const auto result = r.json();
  EXPECT_EQ(result["label"], "较大[较大-大气(Q2-M2-E2)+一般-水(Q2-M1-E3)]");
  EXPECT_EQ(result["air"]["q"], 12);
  EXPECT_EQ(result["air"]["m"], 35);
  ASSERT_EQ(result["air"]["substances"].size(), 1u);
  EXPECT_EQ(result["air"]["substances"][0]["name"], "氨气");
  EXPECT_EQ(result["air"]["process_score"], 10);
  EXPECT_EQ(result["air"]["control_score"], 25);
  EXPECT_EQ(result["water"]["m"], 10);
  const auto steps = result["explanation"];
  ASSERT_FALSE(steps.empty());
  EXPECT_EQ(steps[0]["text"], "大气：Q = 12：氨气 60 t / 5 t = 12，Q2");
}

TEST_F(EnvRiskApi, BadInputIsAProblemWithCodesInChineseAndEnglish) {
  const auto expert = as("demo-expert");
  auto errors = problem_errors(
      expert.post("/env-risk/evaluate", {{"substances",
                                          {{{"name", "氨气"}, {"quantity_t", -1}},
                                           {{"name", "不存在的物质"}, {"quantity_t", 1}},
                                           {{"name", "氨水（浓度≥20%）"}, {"quantity_t", 1}, {"share", 1.5}},
                                           {{"name", "氢气"}, {"quantity_t", 1}},
                                           {{"cas", "7647-01-0"}, {"quantity_t", 1}}}}}));
  EXPECT_EQ(field_codes(errors),
            (std::vector<std::string>{
                "substances[0].quantity_t:out_of_range", "substances[1].name:unknown_substance",
                "substances[2].share:out_of_range", "substances[3].name:not_a_risk_substance",
                "substances[4].cas:ambiguous_cas"}));
  ASSERT_FALSE(errors.empty());
  for (const auto& e : errors) {
    EXPECT_FALSE(e["message"].get<std::string>().empty());
    EXPECT_FALSE(e["message_en"].get<std::string>().empty());
  }
  errors = problem_errors(expert.post(
      "/env-risk/evaluate",
      {{"air", {{"q", "12"}, {"m", 30}, {"e", "E4"}}}, {"water", "E3"}, {"penalised_last_3_years", "no"}}));
  EXPECT_EQ(field_codes(errors),
            (std::vector<std::string>{"air.q:wrong_type", "air.e:invalid_choice", "water:wrong_type",
                                      "penalised_last_3_years:wrong_type"}));
  errors = problem_errors(
      expert.post("/env-risk/evaluate", {{"substances", json::array()},
                                         {"air_controls", {{"x", "y"}}},
                                         {"process_units", {{{"process", "炼钢"}, {"count", 1}}}}}));
  EXPECT_EQ(field_codes(errors), (std::vector<std::string>{"process_units[0].process:invalid_choice",
                                                           "air_controls.x:unknown_control_item"}));
  // A huge list is refused whole, not walked.
  json many = json::array();
  for (int i = 0; i < 501; ++i) many.push_back({{"name", "氨气"}, {"quantity_t", 1}});
  errors = problem_errors(expert.post("/env-risk/evaluate", {{"substances", many}}));
  EXPECT_EQ(field_codes(errors), (std::vector<std::string>{"substances:invalid_list"}));
  errors = problem_errors(expert.post("/env-risk/evaluate", json::object()));
  EXPECT_EQ(field_codes(errors), (std::vector<std::string>{"air:nothing_to_grade"}));
  const auto control =
      expert.post("/env-risk/evaluate", {{"substances", {{{"name", "氨\u0007气"}, {"quantity_t", 1}}}}});
  EXPECT_EQ(field_codes(problem_errors(control)),
            (std::vector<std::string>{"substances[0].name:invalid_characters"}));
}

TEST_F(EnvRiskApi, AssessmentsAreScopedAndTheLatestReviewedSetsTheEnterpriseLevel) {
  const auto expert = as("demo-expert"), insurer = as("demo-insurer");
  const auto enterprise = enterprise_id(demo_enterprise(0));
  const auto path = id_path("enterprises", enterprise) + "/env-risk-assessments";
  const auto before = expert.get(path).json()["total"].get<std::int64_t>();  // the demo's, awaiting review
  // Air E2-Q2-M2 → 较大; water Q0.
  const json larger = {{"assessed_on", "2026-05-20"},
                       {"air", {{"q", 12.5}, {"m", 30}, {"e", "E2"}}},
                       {"water", {{"q", 0.4}, {"m", 0}, {"e", "E3"}}}};
  auto created = expert.post(path, larger);
  ASSERT_EQ(created.status, 201) << created.body;
  const auto a = created.json();
  const auto id = a["id"].get<std::int64_t>();
  EXPECT_EQ(a["status"], "submitted");
  EXPECT_EQ(a["label"], "较大[较大-大气(Q2-M2-E2)+一般-水(Q0)]");
  EXPECT_EQ(a["result"]["table"]["version"], 1);
  EXPECT_EQ(a["inputs"]["air"]["q"], 12.5);
  EXPECT_EQ(a["actions"], json::array());
  // An earlier one, E3-Q1-M1 air → 一般.
  created = expert.post(path, {{"assessed_on", "2026-05-10"}, {"air", {{"q", 2}, {"m", 10}, {"e", "E3"}}}});
  ASSERT_EQ(created.status, 201) << created.body;
  const auto earlier = created.json()["id"].get<std::int64_t>();
  EXPECT_EQ(created.json()["label"], "一般[一般-大气(Q1-M1-E3)]");

  const auto list = expert.get(path).json();
  ASSERT_EQ(list["items"].size(), static_cast<std::size_t>(before + 2));
  EXPECT_EQ(list["total"], before + 2);
  EXPECT_EQ(list["items"][0]["id"], earlier);  // newest first

  // Another insurer and another agency do not see the enterprise nor its assessments.
  const auto other_insurer = insurer_b(), other_agency = as("qingyuan-expert");
  for (const auto* client : {&other_insurer, &other_agency}) {
    EXPECT_EQ(client->get(path).status, 404);
    EXPECT_EQ(client->get(id_path("env-risk-assessments", id)).status, 404);
    EXPECT_EQ(client->post(id_path("env-risk-assessments", id) + "/review", json::object()).status, 404);
  }
  EXPECT_EQ(other_insurer.post(path, larger).status, 404);
  EXPECT_EQ(as("demo-enterprise").get(id_path("env-risk-assessments", id)).status, 200);
  EXPECT_EQ(as("demo-enterprise").post(path, larger).status, 403);  // no env_risk:assess

  // Only a reviewer reviews; the enterprise then shows the reviewed level, date and label.
  EXPECT_EQ(expert.post(id_path("env-risk-assessments", id) + "/review", json::object()).status, 403);
  EXPECT_EQ(as("demo-viewer").post(id_path("env-risk-assessments", id) + "/review", json::object()).status,
            403);
  EXPECT_EQ(insurer.get(id_path("env-risk-assessments", id)).json()["actions"], json::array({"review"}));
  auto reviewed = insurer.post(id_path("env-risk-assessments", id) + "/review", json::object());
  ASSERT_EQ(reviewed.status, 200) << reviewed.body;
  EXPECT_EQ(reviewed.json()["status"], "reviewed");
  EXPECT_EQ(reviewed.json()["reviewed_by"]["name"], "李保险");
  auto e = admin().get(id_path("enterprises", enterprise)).json();
  EXPECT_EQ(e["risk_level"], "larger");
  EXPECT_EQ(e["risk_assessed_on"], "2026-05-20");
  EXPECT_EQ(e["risk_label"], "较大[较大-大气(Q2-M2-E2)+一般-水(Q0)]");
  EXPECT_EQ(insurer.post(id_path("env-risk-assessments", id) + "/review", json::object()).status, 409);

  // Reviewing the earlier one later leaves the enterprise at its latest assessment; both stay.
  ASSERT_EQ(
      as("demo-regulator").post(id_path("env-risk-assessments", earlier) + "/review", json::object()).status,
      200);
  e = admin().get(id_path("enterprises", enterprise)).json();
  EXPECT_EQ(e["risk_level"], "larger");
  EXPECT_EQ(e["risk_label"], "较大[较大-大气(Q2-M2-E2)+一般-水(Q0)]");
  EXPECT_EQ(expert.get(path).json()["total"], before + 2);

  // A level typed over the assessed one drops the label that no longer describes it.
  const auto patched = admin().patch(id_path("enterprises", enterprise), {{"risk_level", "major"}});
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.json()["risk_label"], "");
}

// A platform admin corrects the table by publishing its next version: every fault named by its JSON path;
// then searches and 速算 use the new version while the assessments made before keep naming version 1.
TEST_F(EnvRiskApi, AdminsCorrectTheTableByPublishingANewVersion) {
  const auto expert = as("demo-expert");
  const json correction = {{"note", "更正：氨气临界量核对；沼气写法"},
                           {"substances", {{{"name", "氨气"}, {"critical_t", 7.5}}}},
                           {"aliases", {{{"alias", "沼气"}, {"name", "甲烷"}, {"basis", "derived"}}}}};
  EXPECT_EQ(expert.post("/env-risk/tables", correction).status, 403);

  const json bad = {
      {"note", ""},
      {"substances", {{{"name", "氨气"}, {"critical_t", -1}}, {{"name", "新物质甲"}, {"cas", "7664-41-8"}}}},
      {"remove_substances", {"不存在的物质"}},
      {"aliases", {{{"alias", "液氨"}, {"name", "不存在"}}}},
      {"control_scores",
       {{"air", {{{"code", "a"}, {"zh", "甲"}, {"options", {{{"code", "x"}, {"zh", "差"}, {"score", 71}}}}}}},
        {"water", json::array()}}}};
  const auto errors = problem_errors(admin().post("/env-risk/tables", bad));
  std::map<std::string, std::string> by_field;
  for (const auto& e : errors) by_field[e["field"].get<std::string>()] = e["code"].get<std::string>();
  const std::map<std::string, std::string> expected = {
      {"note", "required"},
      {"remove_substances[0]", "unknown_name"},
      {"substances[0].critical_t", "out_of_range"},
      {"substances[1].critical_t", "required"},
      {"substances[1].cas", "invalid_cas"},
      {"aliases[0].name", "unknown_substance"},
      {"control_scores.air[0].options[0].score", "out_of_range"},
      {"control_scores.water", "wrong_size"}};
  EXPECT_EQ(by_field, expected) << errors.dump();

  const auto before = admin().get("/env-risk/tables/current").json();
  ASSERT_EQ(before["version"], 1);
  auto published = admin().post("/env-risk/tables", correction);
  ASSERT_EQ(published.status, 201) << published.body;
  EXPECT_EQ(published.json()["version"], 2);
  EXPECT_EQ(published.json()["previous_version"], 1);
  EXPECT_EQ(published.json()["note"], "更正：氨气临界量核对；沼气写法");
  EXPECT_EQ(published.json()["substances"], 388);
  EXPECT_EQ(as("demo-enterprise").get("/env-risk/tables/current").json()["version"], 2);

  const auto ammonia = expert.get("/env-risk/substances?q=7664-41-7").json();
  EXPECT_EQ(ammonia["table"]["version"], 2);
  ASSERT_EQ(ammonia["items"].size(), 1u);
  EXPECT_EQ(ammonia["items"][0]["critical_t"], 7.5);
  EXPECT_EQ(ammonia["items"][0]["cas"], "7664-41-7");  // fields not given keep their values
  const auto biogas = expert.get("/env-risk/substances?q=%E6%B2%BC%E6%B0%94").json();  // 沼气
  ASSERT_EQ(biogas["items"].size(), 1u);
  EXPECT_EQ(biogas["items"][0]["name"], "甲烷");
  // 液氨 60 t / 7.5 t = 8 under version 2.
  const auto evaluated =
      expert.post("/env-risk/evaluate", {{"substances", {{{"name", "液氨"}, {"quantity_t", 60}}}}}).json();
  EXPECT_EQ(evaluated["table"]["version"], 2);
  EXPECT_EQ(evaluated["air"]["q"], 8);

  // The demo's assessment made before keeps its version.
  const auto path = id_path("enterprises", enterprise_id(demo_enterprise(0))) + "/env-risk-assessments";
  const auto listed = expert.get(path).json();
  ASSERT_FALSE(listed["items"].empty());
  const auto earlier =
      expert.get(id_path("env-risk-assessments", listed["items"][0]["id"].get<std::int64_t>()));
  ASSERT_EQ(earlier.status, 200) << earlier.body;
  EXPECT_EQ(earlier.json()["result"]["table"]["version"], 1);
}

}  // namespace
}  // namespace rw::testing
