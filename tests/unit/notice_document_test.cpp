// The four notices rendered as PDF and read back: the seeds' sentences with the notice's fields in them.
#include <gtest/gtest.h>

#include <filesystem>

#include "notices/notice_document.hpp"
#include "pdf_checks.hpp"
#include "test_database.hpp"

using namespace rw::notices;

namespace {

NoticeContent enterprise_notice(const std::string& kind) {
  NoticeContent n;
  n.kind = kind;
  n.issuer = "温州市生态环境局乐清分局";
  n.issued_on = "2023年5月12日";
  n.enterprise = "乐清市星河化工有限公司";
  n.credit_code = "91330382MA2CTEST1X";
  n.legal_representative = "王建国";
  n.address = "浙江省乐清市柳市镇长虹路88号";
  n.problems = {
      {"危废暂存间防渗层破损", "《中华人民共和国固体废物污染环境防治法》第一百一十二条", "修复防渗层"},
      {"雨水排放口未设置标志牌", "《排污许可管理条例》第三十四条", "补设排放口标志牌"}};
  return n;
}

// The PDF's text (white space removed) and its page count; with `png`, its first page is saved in the test
// output folder (test-output/, as scripts/test-all.sh names it) for people to look at.
std::pair<std::string, int> rendered(const NoticeContent& notice, const std::string& png = "") {
  const std::filesystem::path pdf = std::filesystem::path(rw::testing::make_temp_dir()) / "notice.pdf";
  rw::testing::write_file(pdf, rw::documents::render_pdf(notice_document(notice)));
  if (!png.empty()) {
    const auto out = std::filesystem::path(RISKWATCH_SOURCE_DIR) / "test-output";
    std::filesystem::create_directories(out);
    rw::testing::run_command("pdftoppm -png -r 100 -singlefile -f 1 -l 1 '" + pdf.string() + "' '" +
                             (out / png).string() + "'");
  }
  return {rw::testing::pdf_text(pdf), rw::testing::pdf_pages(pdf)};
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

}  // namespace

TEST(NoticeDocument, ChineseNumbers) {
  EXPECT_EQ(chinese_number(1), "一");
  EXPECT_EQ(chinese_number(10), "十");
  EXPECT_EQ(chinese_number(12), "十二");
  EXPECT_EQ(chinese_number(20), "二十");
  EXPECT_EQ(chinese_number(99), "九十九");
  EXPECT_EQ(chinese_number(100), "100");
}

TEST(NoticeDocument, WarningNoticeIsYueqingAttachment2InTwoCopies) {
  auto n = enterprise_notice("warning");
  n.number = "温环乐预警〔2023〕0012号";
  n.staff = "赵健宇、林小东";
  n.visited_on = "2023年5月10日";
  n.deadline_days = 15;
  const auto [text, pages] = rendered(n, "notice-warning-page1");
  EXPECT_TRUE(std::filesystem::exists(std::filesystem::path(RISKWATCH_SOURCE_DIR) /
                                      "test-output/notice-warning-page1.png"));
  EXPECT_EQ(pages, 2);  // 一式两份
  EXPECT_EQ(count(text, "温州市生态环境局乐清分局环境隐患（问题）整改预警提示单"), 2u) << text;
  EXPECT_EQ(count(text, "温环乐预警〔2023〕0012号"), 2u);
  EXPECT_NE(text.find("乐清市星河化工有限公司：统一社会信用代码91330382MA2CTEST1X，法定代表人王建国，地址浙江"
                      "省乐清市柳市镇长虹路88号。"),
            std::string::npos);
  EXPECT_NE(text.find("我局工作人员赵健宇、林小东于2023年5月10日对你（单位）开展帮扶活动，发现你（单位）存在"
                      "以下环境隐患（问题）："
                      "1.危废暂存间防渗层破损2.雨水排放口未设置标志牌"),
            std::string::npos);
  EXPECT_NE(text.find("请你单位在收到本提示单之日起15日内消除环境隐患（问题），如逾期未消除环境隐患（问题）的"
                      "，我局（分局）将依法对你单位进行查处。"),
            std::string::npos);
  EXPECT_NE(text.find("企业家朋友，保护环境是我们共同的责任，让我们携起手来，共同建设美丽温州。"),
            std::string::npos);
  EXPECT_EQ(count(text, "签收单位（公章）："), 2u);
  EXPECT_EQ(count(text, "签收人："), 2u);
  EXPECT_EQ(count(text, "2023年5月12日"), 2u);
}

// An agency issuing att.2 speaks as itself and reports to the regulator: it does not enforce (derived).
TEST(NoticeDocument, AnAgencysWarningReportsToTheRegulatorInsteadOfEnforcing) {
  auto n = enterprise_notice("warning");
  n.issuer = "无锡环科风险评估有限公司";
  n.issuer_is_regulator = false;
  n.deadline_days = 10;
  const auto [text, pages] = rendered(n);
  EXPECT_EQ(text.find("我局"), std::string::npos) << text;
  EXPECT_NE(text.find("我单位工作人员"), std::string::npos);
  EXPECT_NE(text.find("如逾期未消除环境隐患（问题）的，我单位将按规定报告属地生态环境主管部门。"),
            std::string::npos);
  EXPECT_NE(text.find("共同建设美丽家园。"), std::string::npos);
}

TEST(NoticeDocument, TheClosingNamesTheCityTheIssuersNameStartsWith) {
  EXPECT_EQ(closing_place("温州市生态环境局乐清分局"), "温州");
  EXPECT_EQ(closing_place("无锡市生态环境局"), "无锡");
  EXPECT_EQ(closing_place("乌鲁木齐市生态环境局"), "乌鲁木齐");
  EXPECT_EQ(closing_place("无锡环科风险评估有限公司"), "家园");
  EXPECT_EQ(closing_place("江苏省生态环境厅苏州市分局"), "家园");  // not where the name starts
}

TEST(NoticeDocument, ReminderIsYueqingAttachment3WithItsFiveItems) {
  const auto [text, pages] = rendered(enterprise_notice("reminder"));
  EXPECT_EQ(pages, 2);
  EXPECT_NE(text.find("企业环境风险排查整改温馨提示单"), std::string::npos);
  EXPECT_NE(text.find("现就进一步做好生态环境保护工作提示如下：1.严格遵守国家有关建设项目环境影响评价的规定"),
            std::string::npos);
  EXPECT_NE(text.find("5.加强环境风险隐患排查治理，切实履行环境风险防范责任，防止出现环境安全问题。"),
            std::string::npos);
  EXPECT_NE(text.find("实现高质量发展。"), std::string::npos);
  EXPECT_EQ(text.find("危废暂存间"), std::string::npos);  // a reminder lists no problems
}

TEST(NoticeDocument, RectificationNoticeIsGuilinJ1WithASuggestionAndBasisPerProblem) {
  auto n = enterprise_notice("rectification");
  n.issuer = "桂林市苏桥经济开发区";
  n.period = "2026年6月1日9时30分至11时20分";
  n.law = "《中华人民共和国环境保护法》等";
  n.plan_due_on = "2026年6月15日";
  n.submit_to = "苏桥经济开发区生态环境办公室";
  n.email = "hb@suqiao.example";
  n.contact = "李工";
  n.phone = "0773-1234567";
  const auto [text, pages] = rendered(n);
  EXPECT_EQ(pages, 1);
  EXPECT_NE(text.find("生态环境问题整改通知书乐清市星河化工有限公司：2026年6月1日9时30分至11时20分，托管服务"
                      "对你单位进行现场检查，"
                      "发现你单位存在如下生态环境问题（根据现场检查情况）：一、危废暂存间防渗层破损；二、雨水"
                      "排放口未设置标志牌；"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("为贯彻落实《中华人民共和国环境保护法》等法律法规及政策要求，请你单位于2026年6月15日前"
                      "提交环境问题整改方案至"
                      "苏桥经济开发区生态环境办公室，电子版发送至hb@suqiao."
                      "example邮箱，逾期上报，我单位将依法依规处理。"),
            std::string::npos);
  EXPECT_NE(text.find("环境问题整改建议如下（针对问题逐条建议）：一、修复防渗层；二、补设排放口标志牌；"),
            std::string::npos);
  EXPECT_NE(text.find("附：相关法律责任一、《中华人民共和国固体废物污染环境防治法》第一百一十二条二、《排污许"
                      "可管理条例》第三十四条"),
            std::string::npos);
  EXPECT_EQ(text.find("签收人"), std::string::npos);
}

TEST(NoticeDocument, InspectionNoticeIsGuilinB1) {
  NoticeContent n;
  n.kind = "inspection";
  n.issuer = "桂林市苏桥经济开发区";
  n.area = "苏桥园区";
  n.contractor = "桂林环科环境咨询有限公司";
  n.check_items = {"环保手续执行情况", "污染防治设施运行情况", "危险废物规范化管理情况"};
  n.contact = "李工";
  n.phone = "0773-1234567";
  const auto [text, pages] = rendered(n);
  EXPECT_EQ(pages, 1);
  EXPECT_NE(text.find("关于对苏桥园区排污企、事业单位开展生态环境保护检查的通知各企业单位：为进一步做好苏桥园"
                      "区生态环境保护工作，"
                      "协助各企（事）业单位落实环境保护主体责任，现委托桂林环科环境咨询有限公司在苏桥园区开展"
                      "环境保护日常核查工作"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("一、主要核查内容：（一）环保手续执行情况；（二）污染防治设施运行情况；（三）危险废物规"
                      "范化管理情况等。"),
            std::string::npos);
  EXPECT_NE(text.find("三、各企业单位应积极配合桂林环科环境咨询有限公司的现场核查工作，如需核实身份或发现桂林"
                      "环科环境咨询有限公司在日常"
                      "核查工作中存在违规行为，请联系园区管理部门。联系人：李工电话：0773-1234567"),
            std::string::npos);
  EXPECT_NE(text.find("年月日"), std::string::npos);  // no date given: left to write by hand
}
