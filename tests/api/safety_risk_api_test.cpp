// The work-safety risk list and four-colour map (issue 13, chengdu App. C 3.2) over real HTTP: the demo
// enterprise's list and map (its levels typed from the demo's L·S and L·E·C and risk-methods.md's bands),
// who may read and change an enterprise's records, bad input, the site plan, and the exports read back
// (pdftotext, the .xlsx reader, the PNG's pixels).
#include "pdf_checks.hpp"
#include "safety/risk_map.hpp"
#include "services_fixtures.hpp"

using namespace rw::testing;
using json = nlohmann::json;

namespace {

class SafetyRiskApi : public ServicesApiTest {
 protected:
  static std::string base(std::int64_t enterprise, const std::string& rest = "") {
    return "/enterprises/" + std::to_string(enterprise) + "/safety-risk" + rest;
  }
  static json assessment(int l, int s) {
    return {{"method", "jha"},
            {"department", "合成车间"},
            {"unit", "反应釜岗位"},
            {"item", "投料"},
            {"hazard", "有毒气体逸散"},
            {"consequence", "中毒和窒息"},
            {"scoring", "ls"},
            {"l", l},
            {"s", s}};
  }
  static std::int64_t upload(const Client& client, const std::string& bytes) {
    const auto r = client.post_raw("/files", bytes, "application/octet-stream");
    if (r.status != 201 && r.status != 200) throw std::runtime_error(r.body);
    return r.json()["id"];
  }
  static std::string field_code(const HttpResult& r, const std::string& field) {
    const auto body = r.json();
    for (const auto& e : body.value("errors", json::array()))
      if (e["field"] == field) return e["code"];
    return "none: " + r.body;
  }
};

TEST_F(SafetyRiskApi, TheDemoEnterprisesListAndMapShowAllFourLevels) {
  const auto enterprise = demo_id(0);
  const auto r = as("demo-enterprise").get(base(enterprise));
  ASSERT_EQ(r.status, 200) << r.body;
  const auto body = r.json();
  EXPECT_TRUE(body["may_edit"].get<bool>());
  // Demo: LS 4×5=20, 3×5=15, 4×4=16, 3×3=9, 2×5=10, 2×2=4; LEC 6×6×15=540, 3×6×15=270, 1×6×15=90, 1×3×7=21.
  EXPECT_EQ(body["counts"], (json{{"major", 2}, {"large", 3}, {"general", 3}, {"low", 2}}));
  EXPECT_EQ(body["activities"].size(), 3u);
  EXPECT_EQ(body["equipment"].size(), 3u);
  const auto list = body["risk_list"];
  ASSERT_EQ(list.size(), 10u);
  EXPECT_EQ(list[0]["number"], 1);
  EXPECT_EQ(list[0]["level"], "major");
  EXPECT_EQ(list[9]["level"], "low");
  std::map<std::string, json> zones;
  for (const auto& z : body["zones"]) zones[z["name"]] = z;
  ASSERT_EQ(zones.size(), 4u);
  EXPECT_EQ(zones["储罐区"]["level"], "major");
  EXPECT_EQ(zones["储罐区"]["colour_hex"], "#E60012");
  EXPECT_EQ(zones["合成车间"]["level"], "large");
  EXPECT_EQ(zones["成品仓库"]["level"], "general");
  EXPECT_EQ(zones["办公楼"]["level"], "low");
  ASSERT_TRUE(body["site_plan"].is_object());
  EXPECT_EQ(body["site_plan"]["width"], 1200);

  const auto png = as("demo-insurer").get(base(enterprise, "/map?format=png"));
  ASSERT_EQ(png.status, 200) << png.body;
  EXPECT_EQ(png.headers.at("content-type"), "image/png");
  // Inside 储罐区 (60–380 × 60–300 on the plan), away from its name: red #E60012 at 55 % over the building's
  // grey (224): 0.55·230 + 0.45·224 = 227, 0.45·224 = 101, 0.55·18 + 0.45·224 = 111.
  const auto red = rw::safety::png_pixel(png.body, 100, 250);
  EXPECT_NEAR(red.r, 227, 3);
  EXPECT_NEAR(red.g, 101, 3);
  EXPECT_NEAR(red.b, 111, 3);
  // 办公楼 (860–1140 × 400–680): blue #0068B7 → 0.45·224 = 101, 0.55·104 + 101 = 158, 0.55·183 + 101 = 202.
  const auto blue = rw::safety::png_pixel(png.body, 900, 650);
  EXPECT_NEAR(blue.r, 101, 3);
  EXPECT_NEAR(blue.g, 158, 3);
  EXPECT_NEAR(blue.b, 202, 3);

  const auto svg = as("demo-regulator").get(base(enterprise, "/map"));
  ASSERT_EQ(svg.status, 200) << svg.body;
  EXPECT_EQ(svg.headers.at("content-type"), "image/svg+xml");
  EXPECT_NE(svg.body.find("data-level=\"major\"><polygon points=\"60.0,60.0 380.0,60.0"), std::string::npos);
  EXPECT_NE(svg.body.find("fill=\"#F39800\""), std::string::npos);
  EXPECT_NE(svg.body.find(">办公楼</text>"), std::string::npos);
}

TEST_F(SafetyRiskApi, TheRiskListExportsAsXlsxAndPdf) {
  const auto enterprise = demo_id(0);
  const auto xlsx = as("demo-insurer").get(base(enterprise, "/list?format=xlsx"));
  ASSERT_EQ(xlsx.status, 200) << xlsx.body;
  const auto table = rw::sheet::read_xlsx(xlsx.body);
  ASSERT_EQ(table.rows.size(), 11u);  // Table 7's header and the ten risks
  std::vector<std::string> header;
  for (const auto& c : table.rows[0].cells) header.push_back(c.text);
  EXPECT_EQ(header, (std::vector<std::string>{"序号", "风险类型", "风险描述", "场所地址", "危害因素",
                                              "风险源", "风险源详细地址", "风险等级", "备注"}));
  EXPECT_EQ(table.rows[1].cells[7].text, "重大风险");
  EXPECT_EQ(table.rows[10].cells[7].text, "低风险");

  const auto pdf = as("demo-enterprise").get(base(enterprise, "/list?format=pdf"));
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  const auto path =
      std::filesystem::temp_directory_path() / ("safety-risk-" + std::to_string(port()) + ".pdf");
  write_file(path, pdf.body);
  const auto text = pdf_text(path);
  std::filesystem::remove(path);
  EXPECT_NE(text.find("无锡市恒达化工有限公司安全风险清单"), std::string::npos) << text;
  EXPECT_NE(text.find("重大风险2项，较大风险3项，一般风险3项，低风险2项"), std::string::npos) << text;
  for (const char* header : {"风险类型", "风险描述", "场所地址", "危害因素", "风险等级"})
    EXPECT_NE(text.find(header), std::string::npos) << header;
  EXPECT_NE(text.find("工作危害分析评价记录"), std::string::npos);
  EXPECT_NE(text.find("阻火器堵塞失效"), std::string::npos);
  EXPECT_NE(text.find("审定人"), std::string::npos);  // Tables 5 and 6 are signed under the table
}

TEST_F(SafetyRiskApi, TheEnterpriseAndItsAgenciesKeepTheListOthersReadOrSeeNothing) {
  const auto enterprise = demo_id(1);  // served by agency A, insured by insurer A
  const auto expert = as("demo-expert");
  const auto created = expert.post(base(enterprise, "/assessments"), assessment(3, 5));
  ASSERT_EQ(created.status, 201) << created.body;
  const auto id = created.json()["id"].get<std::int64_t>();
  EXPECT_EQ(created.json()["score"], 15);
  EXPECT_EQ(created.json()["level"], "large");
  EXPECT_EQ(created.json()["mapping"]["code"], "default-ls-lec");

  // The insurer reads but does not keep it; a competing agency and another enterprise see nothing.
  const auto insurer = as("demo-insurer");
  const auto read = insurer.get(base(enterprise));
  ASSERT_EQ(read.status, 200);
  EXPECT_FALSE(read.json()["may_edit"].get<bool>());
  EXPECT_EQ(insurer.post(base(enterprise, "/assessments"), assessment(1, 1)).status, 403);
  EXPECT_EQ(as("qingyuan-expert").get(base(enterprise)).status, 404);
  EXPECT_EQ(as("qingyuan-expert").post(base(enterprise, "/assessments"), assessment(1, 1)).status, 404);
  EXPECT_EQ(as("demo-enterprise").post(base(enterprise, "/assessments"), assessment(1, 1)).status, 404);
  EXPECT_EQ(as("demo-enterprise").get(base(enterprise, "/list?format=pdf")).status, 404);

  // Another enterprise's risk named by a zone is bad input, not a missing page.
  const auto other_risk = as("demo-enterprise").get(base(demo_id(0))).json()["assessments"][0]["id"];
  const auto zone =
      expert.post(base(enterprise, "/zones"),
                  {{"name", "车间"}, {"points", {{1, 1}, {50, 1}, {50, 50}}}, {"risk_ids", {other_risk}}});
  EXPECT_EQ(zone.status, 422);
  EXPECT_EQ(field_code(zone, "risk_ids"), "unknown_risk");
  // The record of another enterprise under this one's path is not found.
  EXPECT_EQ(expert.put(base(enterprise, "/assessments/" + other_risk.dump()), assessment(1, 1)).status, 404);

  const auto changed = expert.put(base(enterprise, "/assessments/" + std::to_string(id)), assessment(4, 5));
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.json()["level"], "major");
  EXPECT_EQ(expert.del(base(enterprise, "/assessments/" + std::to_string(id))).status, 204);
  EXPECT_EQ(expert.del(base(enterprise, "/assessments/" + std::to_string(id))).status, 404);
}

TEST_F(SafetyRiskApi, BadInputIsRefusedWithCodesAndNothingWritten) {
  const auto enterprise = demo_id(2);
  const auto expert = as("demo-expert");
  const auto bad_factor = expert.post(base(enterprise, "/assessments"), assessment(6, 3));
  ASSERT_EQ(bad_factor.status, 422);
  EXPECT_EQ(field_code(bad_factor, "l"), "invalid_factor");
  EXPECT_EQ(bad_factor.headers.at("content-type"), "application/problem+json");
  auto lec = assessment(1, 1);
  lec.erase("s");
  lec.update({{"scoring", "lec"}, {"l", 2}, {"e", 6}, {"c", 15}});
  EXPECT_EQ(field_code(expert.post(base(enterprise, "/assessments"), lec), "l"), "invalid_factor");
  auto missing = assessment(1, 1);
  missing.erase("hazard");
  EXPECT_EQ(field_code(expert.post(base(enterprise, "/assessments"), missing), "hazard"), "required");
  auto huge = assessment(1, 1);
  huge["hazard"] = std::string(3000, 'x');
  EXPECT_EQ(expert.post(base(enterprise, "/assessments"), huge).status, 422);
  auto wrong = assessment(1, 1);
  wrong["l"] = json::array({1});
  EXPECT_EQ(field_code(expert.post(base(enterprise, "/assessments"), wrong), "l"), "wrong_type");
  EXPECT_EQ(expert.post(base(enterprise, "/hazards"), assessment(1, 1)).status, 404);
  EXPECT_EQ(expert.post_raw(base(enterprise, "/assessments"), "[1]", "application/json").status, 400);
  EXPECT_EQ(expert.post(base(enterprise, "/zones"), {{"name", "x"}, {"points", {{1, 1}, {2, 2}}}}).status,
            422);
  const auto after = expert.get(base(enterprise)).json();
  EXPECT_TRUE(after["assessments"].empty());
  EXPECT_TRUE(after["zones"].empty());
}

TEST_F(SafetyRiskApi, ASitePlanIsAnImageTheKeeperSeesAndZonesLieOnIt) {
  const auto enterprise = demo_id(3);
  const auto expert = as("demo-expert");
  EXPECT_EQ(expert.get(base(enterprise, "/map?format=png")).status, 404);
  const auto plan = upload(expert, rw::safety::draw_site_plan_png(400, 300, {{"车间", 20, 20, 200, 150}}));
  const auto theirs = upload(as("qingyuan-expert"), rw::safety::draw_site_plan_png(200, 100, {}));
  EXPECT_EQ(field_code(expert.put(base(enterprise, "/site-plan"), {{"file_id", theirs}}), "file_id"),
            "unknown_file");
  const auto set = expert.put(base(enterprise, "/site-plan"), {{"file_id", plan}});
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(set.json()["width"], 400);
  EXPECT_EQ(set.json()["height"], 300);
  const auto outside =
      expert.post(base(enterprise, "/zones"), {{"name", "x"}, {"points", {{1, 1}, {401, 2}, {3, 3}}}});
  EXPECT_EQ(field_code(outside, "points"), "invalid_polygon");
  const auto risk = expert.post(base(enterprise, "/assessments"), assessment(3, 3)).json()["id"];
  const auto zone = expert.post(
      base(enterprise, "/zones"),
      {{"name", "车间"}, {"points", {{20, 20}, {220, 20}, {220, 170}, {20, 170}}}, {"risk_ids", {risk}}});
  ASSERT_EQ(zone.status, 201) << zone.body;
  EXPECT_EQ(zone.json()["risk_ids"], json::array({risk}));
  const auto map = expert.get(base(enterprise));
  EXPECT_EQ(map.json()["zones"][0]["level"], "general");
  const auto png = expert.get(base(enterprise, "/map?format=png"));
  ASSERT_EQ(png.status, 200);
  const auto yellow = rw::safety::png_pixel(png.body, 60, 140);  // #FFE100 at 55 % over 224
  EXPECT_NEAR(yellow.r, 241, 3);
  EXPECT_NEAR(yellow.g, 225, 3);
  EXPECT_NEAR(yellow.b, 101, 3);
}

TEST_F(SafetyRiskApi, EvaluateGradesLiveWithTheOrganizationsMapping) {
  const auto r =
      as("demo-expert").post("/safety-risk/evaluate", {{"scoring", "lec"}, {"l", 1}, {"e", 10}, {"c", 7}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["score"], 70);
  EXPECT_EQ(r.json()["level"], "general");
  EXPECT_EQ(r.json()["colour_hex"], "#FFE100");
  EXPECT_EQ(as("demo-expert").post("/safety-risk/evaluate", {{"scoring", "ls"}, {"l", 0}, {"s", 1}}).status,
            422);

  // Agency B loads its city's bands; its people grade with them, and the result names them.
  const json city = {{"code", "city-b"},
                     {"name", "某市分级标准"},
                     {"ls", {{{"min", 1}, {"level", "low"}}, {{"min", 6}, {"level", "general"}}}},
                     {"lec", {{{"min", 0}, {"level", "low"}}, {{"min", 50}, {"level", "major"}}}}};
  EXPECT_EQ(as("qingyuan-expert").put("/safety-risk/mapping", city).status, 403);
  const auto saved = as("qingyuan-admin").put("/safety-risk/mapping", city);
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_TRUE(saved.json()["own"].get<bool>());
  const auto theirs = as("qingyuan-expert")
                          .post("/safety-risk/evaluate", {{"scoring", "lec"}, {"l", 1}, {"e", 10}, {"c", 7}});
  EXPECT_EQ(theirs.json()["level"], "major");
  EXPECT_EQ(theirs.json()["mapping"]["code"], "city-b");
  auto bad = city;
  bad["ls"] = json::array();
  EXPECT_EQ(field_code(as("qingyuan-admin").put("/safety-risk/mapping", bad), "ls"), "invalid_mapping");
}

}  // namespace
