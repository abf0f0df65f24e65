// The visit's report and its review through the API (issue 12; wuxi att.1 一(一)7, chengdu 6.3.2.4): the
// report rendered now as PDF and .docx, read back with pdftotext and from the package's document.xml;
// submitted (which uploads the data), returned with comments, submitted again, approved and frozen — the
// stored bytes' SHA-256 is the recorded one and later edits of the visit leave them as they were; the
// deadlines it closes and opens; who may do what, and 404 for those who may not see the visit. Then the
// hazard ledger (chengdu Table 9) as .xlsx read back with the project's reader and as PDF.
#include <filesystem>
#include <regex>

#include "pdf_checks.hpp"
#include "photo_fixtures.hpp"
#include "platform/files/sha256.hpp"
#include "services_fixtures.hpp"
#include "sheet_fixtures.hpp"  // zip_entry: the parts of the .docx
#include "spreadsheet/table.hpp"
#include "test_database.hpp"

namespace rw::testing {
namespace {

using nlohmann::json;

std::string sha256_of(const std::string& bytes) {
  files::Sha256 hash;
  hash.update(bytes);
  return hash.hex_digest();
}

class ReportApi : public ServicesApiTest {
 protected:
  // A done visit of agency A to demo enterprise `n` with a hazard (and its photo) the expert recorded.
  static std::int64_t done_visit_with_hazard(std::size_t n, const std::string& day,
                                             const std::string& hazard) {
    return done_visit_at(demo_id(n), static_cast<int>(n), day, hazard);
  }
  // The same at any enterprise agency A serves; `n` varies the photo.
  static std::int64_t done_visit_at(std::int64_t enterprise, int n, const std::string& day,
                                    const std::string& hazard) {
    const auto id = started_visit_at(enterprise, day);
    record_hazard(id, n, hazard);
    if (as("demo-technician").post(id_path("visits", id) + "/finish", json::object()).status != 200)
      throw std::runtime_error("cannot finish");
    return id;
  }
  static std::int64_t started_visit_at(std::int64_t enterprise, const std::string& day) {
    auto created =
        as("demo-agency")
            .post("/visits", {{"enterprise_id", enterprise},
                              {"service_type_ids", {service_type("wuxi.screening.risk_assessment")}},
                              {"planned_on", day},
                              {"staff_ids", {staff_id("陈专家"), staff_id("周专家"), staff_id("刘技术")}}});
    if (created.status != 201) throw std::runtime_error(created.body);
    const auto id = created.json()["id"].get<std::int64_t>();
    if (as("demo-technician").post(id_path("visits", id) + "/start", json::object()).status != 200)
      throw std::runtime_error("cannot start");
    return id;
  }
  // A major hazard the expert records on a started visit today, with a photo (`n` varies it).
  static void record_hazard(std::int64_t visit, int n, const std::string& hazard) {
    const auto expert = as("demo-expert");
    auto photo = expert.post_raw("/files", make_photo_jpeg(n, 800, 600), "image/jpeg");
    if (photo.status != 201 && photo.status != 200) throw std::runtime_error(photo.body);
    auto found =
        expert.post(id_path("visits", visit) + "/hazards", {{"domain", "environment"},
                                                            {"category", "env.emergency_controls"},
                                                            {"sub_category", "env.emergency_controls.water"},
                                                            {"grade", "major"},
                                                            {"description", hazard},
                                                            {"location", "事故应急池"},
                                                            {"basis", "无锡环境应急调查表 重大隐患 7"},
                                                            {"suggestion", "扩建事故应急池"},
                                                            {"photos", {photo.json()["id"]}}});
    if (found.status != 201) throw std::runtime_error(found.body);
  }
  static std::filesystem::path saved(const std::string& name, const std::string& bytes) {
    static const std::filesystem::path dir = make_temp_dir();
    write_file(dir / name, bytes);
    return dir / name;
  }
};

TEST_F(ReportApi, RenderedNowAsPdfAndDocxWithTheVisitsContent) {
  const auto visit = done_visit_with_hazard(0, "2026-06-02", "事故应急池容积不足且无切换阀");
  const auto path = id_path("visits", visit) + "/report/document";
  const auto agency = as("demo-agency");
  auto pdf = agency.get(path + "?format=pdf");
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_EQ(pdf.header("content-type"), "application/pdf");
  const auto disposition = pdf.header("content-disposition");
  EXPECT_NE(disposition.find("filename=\"visit-" + std::to_string(visit) + "-report.pdf\""),
            std::string::npos);
  // RFC 5987: 环责险风险评估报告 (the visit is a 环责险风险评估) percent-encoded in UTF-8.
  EXPECT_NE(disposition.find("filename*=UTF-8''"), std::string::npos);
  EXPECT_NE(disposition.find(
                "%E7%8E%AF%E8%B4%A3%E9%99%A9%E9%A3%8E%E9%99%A9%E8%AF%84%E4%BC%B0%E6%8A%A5%E5%91%8A.pdf"),
            std::string::npos)
      << disposition;
  const auto text = pdf_text(saved("report.pdf", pdf.body));
  EXPECT_NE(text.find(demo_enterprise(0) + "环责险风险评估报告"), std::string::npos) << text.substr(0, 800);
  EXPECT_NE(text.find("事故应急池容积不足且无切换阀"), std::string::npos);
  EXPECT_NE(text.find("扩建事故应急池"), std::string::npos);
  EXPECT_NE(text.find("陈专家"), std::string::npos);
  EXPECT_NE(text.find("环责险风险评估"), std::string::npos);  // the scope
  EXPECT_NE(text.find("图1-1隐患1现场照片"), std::string::npos);
  EXPECT_NE(text.find("第1页"), std::string::npos);
  EXPECT_NE(text.find(kAgencyA), std::string::npos);

  auto docx = agency.get(path + "?format=docx");
  ASSERT_EQ(docx.status, 200);
  EXPECT_EQ(docx.header("content-type"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  const auto body = zip_entry(docx.body, "word/document.xml").value_or("");
  EXPECT_NE(body.find(demo_enterprise(0)), std::string::npos);
  EXPECT_NE(body.find("事故应急池容积不足且无切换阀"), std::string::npos);
  EXPECT_TRUE(zip_entry(docx.body, "word/media/image1.jpeg").has_value());

  EXPECT_EQ(agency.get(path + "?format=odt").json()["code"], "validation_failed");
  // Another agency does not see the visit; the enterprise waits for the approved report.
  EXPECT_EQ(as("qingyuan-admin").get(path).status, 404);
  EXPECT_EQ(as("qingyuan-admin").get(id_path("visits", visit) + "/report").status, 404);
  EXPECT_EQ(as("demo-enterprise").get(path).status, 403);
  EXPECT_EQ(agency.get("/visits/999999/report/document").status, 404);
}

// The 环责险风险评估报告 (issue 13; wuxi 第九条（一）): the visit's report adds the wuxi 附件3 documents as
// the enterprise's archive holds them, its newest HJ 941 assessment with the explanation, and the suggested
// sum insured from its insurer's table; approving the submitted version reviews the assessment it printed,
// and the enterprise's level, label and source follow. Expected values are typed from the seeds,
// risk-methods.md and the demo insurer's table (src/app/demo_sum_insured.cpp).
TEST_F(ReportApi, EnvRiskReportPrintsItsAssessmentAndApprovingItReviewsTheAssessment) {
  set_today("2026-06-04");
  const auto insurer = as("demo-insurer"), agency = as("demo-agency"), expert = as("demo-expert");
  // Registered by insurer A, so its archive follows wuxi 附件3; large, no industry: 较大 × 大型 → 1000–2000.
  const auto enterprise = insured_enterprise_by(insurer, "无锡市评估样本化工有限公司", 7113, "large");
  const auto item = item_of(commission_by(insurer, {enterprise}), enterprise);
  ASSERT_EQ(agency.post(item_path(item, "accept"), json::object()).status, 200);
  auto permit = expert.post_raw("/files", make_photo_jpeg(13, 400, 300), "image/jpeg");
  ASSERT_EQ(permit.status, 201) << permit.body;
  ASSERT_EQ(expert
                .post(id_path("enterprises", enterprise) + "/archive/items/8/versions",
                      {{"file_id", permit.json()["id"]}, {"valid_until", "2028-12-31"}})
                .status,
            201);
  // The example: 较大[较大-大气(Q2-M2-E2)+一般-水(Q0)].
  auto assessed = expert.post(id_path("enterprises", enterprise) + "/env-risk-assessments",
                              {{"air", {{"q", 12.5}, {"m", 30}, {"e", "E2"}}},
                               {"water", {{"q", 0.4}, {"m", 0}, {"e", "E3"}}},
                               {"assessed_on", "2026-06-03"}});
  ASSERT_EQ(assessed.status, 201) << assessed.body;
  const auto assessment = assessed.json()["id"].get<std::int64_t>();
  const auto visit = done_visit_at(enterprise, 13, "2026-06-04", "储罐区围堰排水阀常开");

  const auto document = id_path("visits", visit) + "/report/document";
  const auto pdf = agency.get(document + "?format=pdf");
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  const auto text = pdf_text(saved("env-risk-report.pdf", pdf.body));
  const auto docx = agency.get(document + "?format=docx");
  ASSERT_EQ(docx.status, 200);
  auto xml = zip_entry(docx.body, "word/document.xml").value_or("");
  std::erase(xml, ' ');  // as pdf_text drops white space
  // 12 of the 13 documents missing: item 8 is on file.
  const std::vector<std::string> both = {"无锡市评估样本化工有限公司环责险风险评估报告",
                                         "较大[较大-大气(Q2-M2-E2)+一般-水(Q0)]",
                                         "其中缺失或已过期12项",
                                         "1000–2000万元",
                                         "人保无锡环责险建议保额表（2026版）（第1版）",
                                         "扩建事故应急池",
                                         "环境风险等级评估（HJ941-2018）"};
  for (const auto& one : both) {
    EXPECT_NE(text.find(one), std::string::npos) << one << "\n" << text.substr(0, 2000);
    EXPECT_NE(xml.find(one), std::string::npos) << one;
  }
  // Each row of the documents checked reads its name, then its state.
  EXPECT_NE(text.find("排污许可证副本已提供"), std::string::npos);
  EXPECT_NE(text.find("建设项目环保“三同时”验收资料缺失"), std::string::npos);

  // Submitted, the version names the assessment; the list shows the report beside it.
  ASSERT_EQ(
      as("demo-technician").post(id_path("visits", visit) + "/report/submissions", json::object()).status,
      201);
  auto listed = insurer.get(id_path("enterprises", enterprise) + "/env-risk-assessments").json();
  ASSERT_EQ(listed["items"].size(), 1u);
  EXPECT_EQ(listed["items"][0]["status"], "submitted");
  EXPECT_EQ(listed["items"][0]["report"], json({{"visit_id", visit},
                                                {"version", 1},
                                                {"status", "submitted"},
                                                {"title", "无锡市评估样本化工有限公司环责险风险评估报告"}}));
  // Another tenant sees neither the report nor the assessment.
  EXPECT_EQ(as("qingyuan-admin").get(id_path("visits", visit) + "/report/submissions/1/document").status,
            404);
  EXPECT_EQ(as("qingyuan-admin").get(id_path("env-risk-assessments", assessment)).status, 404);

  ASSERT_EQ(insurer.post(id_path("visits", visit) + "/report/approve", json::object()).status, 200);
  const auto reviewed = insurer.get(id_path("env-risk-assessments", assessment)).json();
  EXPECT_EQ(reviewed["status"], "reviewed");
  EXPECT_EQ(reviewed["reviewed_by"]["name"], "李保险");
  EXPECT_EQ(reviewed["report"]["status"], "approved");
  const auto e = insurer.get(id_path("enterprises", enterprise)).json();
  EXPECT_EQ(e["risk_level"], "larger");
  EXPECT_EQ(e["risk_label"], "较大[较大-大气(Q2-M2-E2)+一般-水(Q0)]");
  EXPECT_EQ(e["risk_assessed_on"], "2026-06-03");
  EXPECT_EQ(e["risk_source"], "HJ 941-2018 环境风险评估（评估编号 " + std::to_string(assessment) + "）");
}

// An enterprise registered by the platform keeps its archive as xuzhou E.1; the report still checks wuxi
// 附件3, finding each document under the xuzhou items it is held as (data/archive/document-lists.json) and
// saying where. Expected rows typed from the two lists.
TEST_F(ReportApi, EnvRiskReportFindsAttachment3DocumentsInAnArchiveKeptAsXuzhouE1) {
  set_today("2026-06-04");
  const auto expert = as("demo-expert"), agency = as("demo-agency");
  const auto enterprise = demo_id(4);
  ASSERT_EQ(expert.get(id_path("enterprises", enterprise) + "/archive").json()["list"]["code"], "xuzhou_e1");
  for (const auto* code : {"2-3", "8-2"}) {
    auto file = expert.post_raw("/files", make_photo_jpeg(40 + code[0], 200, 150), "image/jpeg");
    ASSERT_LT(file.status, 300) << file.body;
    auto filed = expert.post(id_path("enterprises", enterprise) + "/archive/items/" + code + "/versions",
                             {{"file_id", file.json()["id"]}});
    ASSERT_EQ(filed.status, 201) << filed.body;
  }
  const auto visit = done_visit_with_hazard(4, "2026-06-04", "雨水排口未设截止阀");
  const auto document = id_path("visits", visit) + "/report/document";
  const auto pdf = agency.get(document + "?format=pdf");
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_NE(pdf_text(saved("env-risk-report-xuzhou.pdf", pdf.body)).find("其中缺失或已过期11项"),
            std::string::npos);
  // The .docx keeps each cell's text whole (the PDF's wraps interleave the columns): its text, row by row.
  const auto docx = agency.get(document + "?format=docx");
  ASSERT_EQ(docx.status, 200);
  const auto text =
      std::regex_replace(zip_entry(docx.body, "word/document.xml").value_or(""), std::regex("<[^>]*>| "), "");
  for (const auto* row : {"2建设项目环保“三同时”验收资料已提供一企一档资料存档表2-3",
                          "9最近一次针对废水、废气排放的环境监测报告已提供一企一档资料存档表8-2",
                          "8排污许可证副本缺失9", "13隐患排查治理制度缺失"})
    EXPECT_NE(text.find(row), std::string::npos) << row;
}

TEST_F(ReportApi, SubmittedReturnedResubmittedApprovedAndFrozen) {
  set_today("2026-06-03");
  const auto visit = done_visit_with_hazard(1, "2026-06-03", "危废暂存间防渗层破损");
  const auto vid = std::to_string(visit);
  const auto report = id_path("visits", visit) + "/report";
  const auto agency = as("demo-agency"), insurer = as("demo-insurer"), technician = as("demo-technician");
  auto before = agency.get(report).json();
  EXPECT_EQ(before["status"], "none");
  EXPECT_EQ(before["title"], "环责险风险评估报告");
  EXPECT_EQ(before["actions"], json({"submit_report"}));
  EXPECT_EQ(insurer.post(report + "/approve", json::object()).json()["code"], "report_review_not_expected");
  EXPECT_EQ(as("qingyuan-admin").post(report + "/submissions", json::object()).status, 404);
  EXPECT_EQ(insurer.post(report + "/submissions", json::object()).status, 403);

  // Submitted by the team: version 1, the data uploaded, the upload deadline met, the review due in 10
  // working days (6-4 … 6-17).
  auto first = technician.post(report + "/submissions", json::object());
  ASSERT_EQ(first.status, 201) << first.body;
  auto submitted = first.json();
  EXPECT_EQ(submitted["status"], "submitted");
  ASSERT_EQ(submitted["submissions"].size(), 1u);
  EXPECT_EQ(submitted["submissions"][0]["version"], 1);
  EXPECT_EQ(submitted["submissions"][0]["submitted_by"]["name"], "刘技术");
  EXPECT_EQ(agency.get(id_path("visits", visit)).json()["data_uploaded_on"], "2026-06-03");
  EXPECT_EQ(total_of(agency.get("/deadlines?status=met&kind=data_upload&object_id=" + vid)), 1);
  auto review = insurer.get("/deadlines?kind=report_review&object_id=" + vid).json();
  ASSERT_EQ(review["total"], 1);
  EXPECT_EQ(review["items"][0]["due_on"], "2026-06-17");
  EXPECT_EQ(technician.post(report + "/submissions", json::object()).json()["code"],
            "report_submit_not_expected");
  EXPECT_EQ(agency.post(report + "/approve", json::object()).status, 403);

  // Returned with comments (required); the agency is told.
  EXPECT_EQ(insurer.post(report + "/return", json::object()).status, 422);
  auto returned = insurer.post(report + "/return", {{"reason", "请补充应急池现场照片"}});
  ASSERT_EQ(returned.status, 200) << returned.body;
  EXPECT_EQ(returned.json()["status"], "returned");
  EXPECT_EQ(returned.json()["submissions"][0]["comment"], "请补充应急池现场照片");
  EXPECT_EQ(returned.json()["actions"], json::array());
  // The visit's history has each step with who and why.
  const auto history = agency.get(id_path("visits", visit)).json()["history"];
  ASSERT_FALSE(history.empty());
  const auto& last = history[history.size() - 1];
  EXPECT_EQ(last["action"], "return_report");
  EXPECT_EQ(last["reason"], "请补充应急池现场照片");
  const auto notes = agency.get("/notifications?limit=200").json();
  ASSERT_FALSE(notes["items"].empty());
  int told = 0;
  for (const auto& n : notes["items"])
    if (n["kind"] == "report_returned" && n["object_id"] == visit) ++told;
  EXPECT_EQ(told, 1);

  // Submitted again as version 2 and approved: the visit is reviewed, the review deadline met.
  ASSERT_EQ(agency.post(report + "/submissions", json::object()).status, 201);
  auto approved = insurer.post(report + "/approve", json::object());
  ASSERT_EQ(approved.status, 200) << approved.body;
  const auto final_report = approved.json();
  EXPECT_EQ(final_report["status"], "approved");
  ASSERT_EQ(final_report["submissions"].size(), 2u);
  EXPECT_EQ(final_report["submissions"][0]["status"], "returned");
  EXPECT_EQ(final_report["submissions"][1]["status"], "approved");
  EXPECT_EQ(final_report["submissions"][1]["reviewed_by"]["name"], "李保险");
  EXPECT_EQ(agency.get(id_path("visits", visit)).json()["reviewed_on"], "2026-06-03");
  EXPECT_EQ(total_of(insurer.get("/deadlines?kind=report_review&object_id=" + vid)), 0);
  EXPECT_EQ(total_of(insurer.get("/deadlines?status=met&kind=report_review&object_id=" + vid)), 1);
  EXPECT_EQ(agency.post(report + "/submissions", json::object()).json()["code"],
            "report_submit_not_expected");

  // Frozen: the stored bytes are the recorded hash, and a hazard added later changes the report rendered now
  // but not the approved one.
  const auto frozen_path = report + "/submissions/2/document";
  auto frozen = agency.get(frozen_path);
  ASSERT_EQ(frozen.status, 200);
  EXPECT_EQ(frozen.header("content-type"), "application/pdf");
  EXPECT_EQ(sha256_of(frozen.body), final_report["submissions"][1]["sha256"]);
  EXPECT_EQ(static_cast<std::int64_t>(frozen.body.size()), final_report["submissions"][1]["size"]);
  ASSERT_EQ(
      as("demo-expert")
          .post(id_path("visits", visit) + "/hazards", {{"domain", "environment"},
                                                        {"category", "env.emergency_controls"},
                                                        {"grade", "general"},
                                                        {"description", "审核后补记的雨水排口标识缺失"}})
          .status,
      201);
  EXPECT_NE(
      pdf_text(saved("now.pdf", agency.get(report + "/document").body)).find("审核后补记的雨水排口标识缺失"),
      std::string::npos);
  const auto again = agency.get(frozen_path).body;
  EXPECT_EQ(again, frozen.body);
  EXPECT_EQ(pdf_text(saved("frozen.pdf", again)).find("审核后补记的雨水排口标识缺失"), std::string::npos);

  // No third version; another agency sees nothing of it.
  EXPECT_EQ(agency.get(report + "/submissions/3/document").status, 404);
  EXPECT_EQ(as("qingyuan-admin").get(frozen_path).status, 404);
  set_today("2026-06-01");
}

TEST_F(ReportApi, TheEnterpriseSeesItsApprovedReportOnly) {
  const auto visit = done_visit_with_hazard(2, "2026-06-04", "应急物资储备不足");
  const auto report = id_path("visits", visit) + "/report";
  ASSERT_EQ(as("demo-agency").post(report + "/submissions", json::object()).status, 201);
  ASSERT_EQ(admin()
                .post("/users", {{"username", "xineng-user"},
                                 {"display_name", "企业用户"},
                                 {"org_id", org_id(demo_enterprise(2))},
                                 {"roles", {"enterprise_user"}},
                                 {"password", "Tenant#Check2026"}})
                .status,
            201);
  const Client enterprise(port(), login(port(), "xineng-user", "Tenant#Check2026"));
  // Another enterprise's user does not see the visit.
  EXPECT_EQ(as("demo-enterprise").get(report).status, 404);
  auto waiting = enterprise.get(report).json();
  EXPECT_EQ(waiting["status"], "none");
  EXPECT_EQ(waiting["submissions"], json::array());
  EXPECT_EQ(enterprise.get(report + "/submissions/1/document").status, 404);
  ASSERT_EQ(as("demo-insurer").post(report + "/approve", {{"reason", "同意"}}).status, 200);
  auto approved = enterprise.get(report).json();
  EXPECT_EQ(approved["status"], "approved");
  ASSERT_EQ(approved["submissions"].size(), 1u);
  EXPECT_EQ(approved["submissions"][0]["comment"], "同意");
  auto pdf = enterprise.get(report + "/submissions/1/document");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_NE(pdf_text(saved("approved.pdf", pdf.body)).find("应急物资储备不足"), std::string::npos);
}

TEST_F(ReportApi, TheHazardLedgerHasTable9sSeventeenColumnsAsXlsxAndPdf) {
  set_today("2026-06-05");
  done_visit_with_hazard(3, "2026-06-05", "储罐区围堰破损");
  const auto agency = as("demo-agency");
  const auto query =
      "/hazards/ledger?enterprise_id=" + std::to_string(demo_id(3)) + "&from=2026-06-01&to=2026-06-30";
  auto xlsx = agency.get(query + "&format=xlsx");
  ASSERT_EQ(xlsx.status, 200) << xlsx.body;
  const auto table = sheet::read_xlsx(xlsx.body);
  ASSERT_EQ(table.rows.size(), 2u);  // the header and the one hazard
  const std::vector<std::string> seed = {
      "序号",         "排查时间", "排查人员", "隐患分类类别", "隐患细类", "隐患具体描述",
      "隐患照片",     "隐患分级", "治理措施", "治理时限",     "责任人",   "经费",
      "治理情况描述", "治理照片", "验收时间", "验收人员",     "备注"};
  std::vector<std::string> headers;
  for (const auto& cell : table.rows[0].cells) headers.push_back(cell.text);
  EXPECT_EQ(headers, seed);
  const auto& row = table.rows[1].cells;
  // The reader leaves out a row's empty cells at its end (the plan, evidence and acceptance are still empty).
  ASSERT_GE(row.size(), 8u);
  ASSERT_LE(row.size(), 17u);
  EXPECT_EQ(row[0].text, "1");
  EXPECT_EQ(row[1].text, "2026-06-05");
  EXPECT_EQ(row[5].text, "储罐区围堰破损");
  EXPECT_EQ(row[6].text, "1 张");
  EXPECT_EQ(row[7].text, "重大");
  // Another period holds none of it.
  auto empty = agency.get("/hazards/ledger?format=xlsx&enterprise_id=" + std::to_string(demo_id(3)) +
                          "&from=2025-01-01&to=2025-12-31");
  EXPECT_EQ(sheet::read_xlsx(empty.body).rows.size(), 1u);

  auto pdf = agency.get(query + "&format=pdf");
  ASSERT_EQ(pdf.status, 200);
  const auto text = pdf_text(saved("ledger.pdf", pdf.body));
  EXPECT_NE(text.find(demo_enterprise(3) + "隐患排查治理台账"), std::string::npos) << text.substr(0, 400);
  EXPECT_NE(text.find("储罐区围堰破损"), std::string::npos);

  // One scope, a real period; an enterprise the caller may not see is 404, another agency's hazards are not
  // listed in its own ledger.
  EXPECT_EQ(agency.get("/hazards/ledger").json()["code"], "validation_failed");
  EXPECT_EQ(agency.get("/hazards/ledger?enterprise_id=1&agency_org_id=1").status, 422);
  EXPECT_EQ(agency.get(query + "&format=csv").status, 422);
  EXPECT_EQ(agency
                .get("/hazards/ledger?enterprise_id=" + std::to_string(demo_id(3)) +
                     "&from=2026-07-01&to=2026-06-01")
                .status,
            422);
  EXPECT_EQ(as("demo-enterprise").get(query).status, 404);
  const auto other = as("qingyuan-admin");
  EXPECT_EQ(other.get(query).status, 404);
  // Agency B's own ledger over the same period lists only its hazards: the header and none of agency A's.
  auto theirs = other.get("/hazards/ledger?format=xlsx&from=2026-06-01&to=2026-06-30&agency_org_id=" +
                          std::to_string(org_id(kAgencyB)));
  ASSERT_EQ(theirs.status, 200) << theirs.body;
  const auto their_rows = sheet::read_xlsx(theirs.body).rows;
  ASSERT_FALSE(their_rows.empty());
  for (const auto& r : their_rows) EXPECT_NE(r.cells.size() > 5 ? r.cells[5].text : "", "储罐区围堰破损");
  set_today("2026-06-01");
}

// A server whose ledgers hold at most 2 rows as .xlsx and 1 as PDF (serve --ledger-rows, --ledger-pdf-rows).
class LedgerLimitsApi : public ReportApi {
 protected:
  static void SetUpTestSuite() {
    ServerConfig config;
    config.clock = kServicesStart;
    config.extra_args = {"--job-interval-seconds", "0", "--ledger-rows", "2", "--ledger-pdf-rows", "1"};
    server_ = std::make_unique<ServerProcess>(config);
  }
};

// A ledger larger than its format holds is refused before its rows are read, with what to do in both
// languages; a PDF holds fewer rows than a workbook (it lays out every page in memory).
TEST_F(LedgerLimitsApi, ALedgerLargerThanItsFormatHoldsIsRefused) {
  set_today("2026-06-04");
  const auto enterprise = insured_enterprise("无锡市台账样本化工有限公司", 7114);
  ASSERT_EQ(as("demo-agency")
                .post(item_path(item_of(commission({enterprise}), enterprise), "accept"), json::object())
                .status,
            200);
  set_today("2026-06-05");
  // One visit, its hazards found on three days.
  const auto visit = started_visit_at(enterprise, "2026-06-05");
  record_hazard(visit, 1, "危废暂存间防渗层破损");
  set_today("2026-06-08");
  record_hazard(visit, 2, "雨水排口未设置切换阀");
  const auto agency = as("demo-agency");  // signed in after the clock moved
  const auto june =
      "/hazards/ledger?enterprise_id=" + std::to_string(enterprise) + "&from=2026-06-01&to=2026-06-30";
  const auto xlsx = agency.get(june + "&format=xlsx");
  ASSERT_EQ(xlsx.status, 200) << xlsx.body;
  EXPECT_EQ(sheet::read_xlsx(xlsx.body).rows.size(), 3u);  // the header and both hazards
  const auto pdf = agency.get(june + "&format=pdf");
  ASSERT_EQ(pdf.status, 422) << pdf.body.substr(0, 200);
  EXPECT_EQ(pdf.json()["code"], "validation_failed");
  const auto field = pdf.json()["errors"][0];
  EXPECT_EQ(field["code"], "ledger_too_large");
  EXPECT_EQ(field["message"], "PDF 台账最多 1 行，请缩短期间或导出 Excel");
  EXPECT_EQ(field["message_en"],
            "a PDF ledger holds at most 1 rows; narrow the period or export it as Excel");
  // The first days of June hold one hazard: as PDF too.
  const auto first_days =
      agency.get("/hazards/ledger?format=pdf&enterprise_id=" + std::to_string(enterprise) +
                 "&from=2026-06-01&to=2026-06-06");
  ASSERT_EQ(first_days.status, 200) << first_days.body.substr(0, 200);
  EXPECT_NE(pdf_text(saved("ledger-first-days.pdf", first_days.body)).find("危废暂存间防渗层"),
            std::string::npos);

  set_today("2026-06-10");
  record_hazard(visit, 3, "应急物资储备不足");
  const auto three = as("demo-agency").get(june + "&format=xlsx");
  ASSERT_EQ(three.status, 422) << three.body.substr(0, 200);
  EXPECT_EQ(three.json()["errors"][0]["code"], "ledger_too_large");
  EXPECT_EQ(three.json()["errors"][0]["message"], "台账超过 2 行，请缩短期间");
  set_today("2026-06-01");
}

}  // namespace
}  // namespace rw::testing
