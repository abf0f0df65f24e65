// The visit's report composed from its content and rendered for real (reports/report_document.hpp): the
// PDF read back with pdftotext holds the enterprise, the hazards and page numbers, and grows with 200
// hazards; which report a visit gets; how answers read (labels, never codes); Table 9's ledger rows.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>

#include "hazards/ledger_rules.hpp"
#include "pdf_checks.hpp"
#include "photo_fixtures.hpp"
#include "reports/report_document.hpp"
#include "reports/report_rules.hpp"
#include "test_database.hpp"

using namespace rw::reports;
using nlohmann::json;

namespace {

ReportContent content(int hazards) {
  ReportContent c;
  c.kind = std::string(kHazardScreening);
  c.enterprise = "成都市青羊化工有限公司";
  c.agency = "四川安信安全技术服务有限公司";
  c.report_date = "2026年6月3日";
  c.particulars = {{"企业名称", c.enterprise}, {"统一社会信用代码", "91510105MA6CTEST2Y"}};
  c.service = {{"服务机构", c.agency}, {"服务日期", "2026年6月1日"}, {"服务内容", "生产安全事故隐患排查"}};
  c.team = {{"郑专家", "专家", "高级", true}, {"孙技术", "技术人员", "中级", false}};
  ChecklistReport list{
      "生产安全事故隐患排查清单", "已提交", "86 / 100", {}, {}, "钱安环", std::nullopt, "2026年6月1日"};
  list.parts.push_back({"一、安全管理资料", 0, {{"安全生产责任制", "有：未逐级签订", "", {}}}});
  list.parts.push_back(
      {"二、现场", 0, {{"危险化学品储量", "", "", {{"名称", "储量（吨）"}, {"甲醇", "12.5"}}}}});
  list.findings.push_back({"未逐级签订安全生产责任书", "一般", "逐级签订", "《安全生产法》第二十二条"});
  c.checklists.push_back(list);
  const auto photo = rw::testing::make_photo_jpeg(3, 640, 480);
  for (int i = 1; i <= hazards; ++i)
    c.hazards.push_back(
        {"第" + std::to_string(i) + "项：配电箱前堆放杂物", "物 / 电气设备", i % 5 ? "一般" : "重大",
         "二车间", "GB 50054", "清理杂物，设置禁止堆放标识", "2026年6月1日", "郑专家", "", "已发现",
         i <= 2 ? std::vector<rw::documents::Image>{{photo}} : std::vector<rw::documents::Image>{}});
  return c;
}

}  // namespace

TEST(ReportDocument, HoldsTheVisitsContentAndGrowsWithTwoHundredHazards) {
  const std::filesystem::path dir = rw::testing::make_temp_dir();
  rw::testing::write_file(dir / "short.pdf", rw::documents::render_pdf(report_document(content(3))));
  rw::testing::write_file(dir / "long.pdf", rw::documents::render_pdf(report_document(content(200))));
  const int short_pages = rw::testing::pdf_pages(dir / "short.pdf");
  const int long_pages = rw::testing::pdf_pages(dir / "long.pdf");
  EXPECT_GE(short_pages, 1);
  EXPECT_GE(long_pages, short_pages + 20);  // every hazard has its own particulars table

  const auto text = rw::testing::pdf_text(dir / "short.pdf");
  EXPECT_NE(text.find("成都市青羊化工有限公司隐患排查报告"), std::string::npos) << text.substr(0, 600);
  EXPECT_NE(text.find("第1项：配电箱前堆放杂物"), std::string::npos);
  EXPECT_NE(text.find("清理杂物，设置禁止堆放标识"), std::string::npos);
  EXPECT_NE(text.find("有：未逐级签订"), std::string::npos);
  EXPECT_NE(text.find("甲醇"), std::string::npos);  // a table item's answer, as its own table
  EXPECT_NE(text.find("储量（吨）"), std::string::npos);
  EXPECT_NE(text.find("未逐级签订安全生产责任书"), std::string::npos);
  EXPECT_NE(text.find("图1-1隐患1现场照片"), std::string::npos);
  EXPECT_NE(text.find("本次服务共发现隐患3项，其中重大隐患0项、一般隐患3项。"), std::string::npos);
  EXPECT_NE(text.find("第1页共" + std::to_string(short_pages) + "页"), std::string::npos);
  EXPECT_NE(rw::testing::pdf_text(dir / "long.pdf").find("第200项：配电箱前堆放杂物"), std::string::npos);
}

TEST(ReportRules, AScreeningGetsTheHazardReportTheRiskAssessmentItsOwnAndEveryOtherTheSurveyReport) {
  rw::services::ServiceRules screening, register_kept, assessment;
  screening.name_zh = "突发环境事件隐患排查";
  register_kept.name_zh = "环境应急及风险管控服务";
  register_kept.deliverables = {"report", "hazard_register"};
  assessment.name_zh = "环责险风险评估";
  assessment.deliverables = {"report", "checklist"};
  EXPECT_EQ(report_kind({screening}), "hazard_screening");
  EXPECT_EQ(report_kind({assessment, register_kept}), "hazard_screening");
  EXPECT_EQ(report_kind({assessment}), "site_survey");
  EXPECT_EQ(report_kind({}), "site_survey");
  EXPECT_EQ(report_title("hazard_screening"), "隐患排查报告");
  EXPECT_EQ(report_title("site_survey"), "现场勘查评估报告");
  // The 环责险风险评估 (wuxi 第九条（一）) by its code: its site survey is the 环责险风险评估报告.
  assessment.code = "wuxi.screening.risk_assessment";
  screening.code = "wuxi.screening.emergency_hazard";
  EXPECT_TRUE(assesses_env_risk({screening, assessment}));
  EXPECT_FALSE(assesses_env_risk({screening, register_kept}));
  EXPECT_EQ(report_title("site_survey", true), "环责险风险评估报告");
  EXPECT_EQ(report_title("hazard_screening", true), "隐患排查报告");
  EXPECT_EQ(chinese_date("2026-06-01"), "2026年6月1日");
  EXPECT_EQ(chinese_date("2026-12-31T16:00:00Z"), "2026年12月31日");
  EXPECT_EQ(chinese_date("later"), "later");
}

TEST(ReportRules, AnswersReadAsLabels) {
  const std::vector<rw::forms::Option> options = {{"yes", "是"}, {"no", "否"}, {"na", "不涉及"}};
  EXPECT_EQ(value_text("yes_no", options, "no", json()), "否");
  EXPECT_EQ(value_text("single", options, "no", "缺台账"), "否：缺台账");
  EXPECT_EQ(value_text("multiple", options, json({"yes", "na"}), json()), "是、不涉及");
  EXPECT_EQ(value_text("single", options, "unknown", json()), "unknown");
  EXPECT_EQ(value_text("number", {}, 12.0, json()), "12");
  EXPECT_EQ(value_text("number", {}, 12.5, json()), "12.5");
  EXPECT_EQ(value_text("photo", {}, json({1, 2}), json()), "照片 2 张");
  EXPECT_EQ(value_text("text", {}, json(), json()), "");

  rw::forms::Item item;
  item.kind = "table";
  item.rows = {{"r1", "甲醇储罐"}};
  item.columns = {{"qty", "储量", "number", {}}, {"ok", "是否合规", "yes_no", options}};
  const auto rows =
      table_answer(item, {{"value", {{{"row", "r1"}, {"cells", {{"qty", 3}, {"ok", "yes"}}}}}}});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"项目", "储量", "是否合规"}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"甲醇储罐", "3", "是"}));
}

TEST(HazardLedger, ARowHasTable9sSeventeenCellsInItsOrder) {
  rw::hazards::LedgerEntry e;
  e.found_on = "2026-06-01";
  e.found_by = "陈专家";
  e.category = "env.emergency_controls";
  e.description = "事故应急池容积不足";
  e.photos = 2;
  e.grade = "major";
  e.measures = "扩建应急池";
  e.plan_due_on = "2026-06-30";
  e.responsible = "王建国";
  e.funds_fen = 500050;
  e.accepted_by = "陈专家";
  const auto texts = rw::hazards::ledger_texts(rw::hazards::ledger_cells(e, 7));
  ASSERT_EQ(texts.size(), 17u);
  EXPECT_EQ(texts[0], "7");
  EXPECT_EQ(texts[1], "2026-06-01");
  EXPECT_EQ(texts[5], "事故应急池容积不足");
  EXPECT_EQ(texts[6], "2 张");
  EXPECT_EQ(texts[7], "重大");
  EXPECT_EQ(texts[11], "5000.50");
  EXPECT_EQ(texts[13], "");
  EXPECT_EQ(texts[15], "陈专家");
  EXPECT_NE(texts[3], "env.emergency_controls");  // the class's label
  const auto headers = rw::hazards::ledger_headers();
  ASSERT_EQ(headers.size(), 17u);
  EXPECT_EQ(headers[7], "隐患分级");
  EXPECT_EQ(headers[16], "备注");
}
