#pragma once
// A visit's report as a document (documents/document.hpp), from its content gathered as plain text and
// images (report_content.cpp gathers it through the stores). The order follows the seeds; the section
// headings are this platform's (derived):
//   一、企业基本情况     the enterprise's particulars (chengdu Table 8
//   受检投保单位名称、地址、安全主管姓名电话;
//                        wuxi att.1 一(一)1 经营状态、行业、地址)
//   二、服务概况         agency, dates, scope (the service types) and the team (wuxi att.1 现场服务人员要求;
//                        chengdu 6.3.2.2 "不少于 2 名")
//   三、检查情况         every checklist: its sections, items and answers (labels), tables, the findings its
//                        answers raised (chengdu 3.3 "逐项进行核对、检查")
//   四、隐患清单及整改建议  the hazards with grade, location, basis and suggestion, their photos scaled and
//   captioned
//                        (chengdu 3.3 "隐患排查报告中应包含制定安全隐患清单和整改建议"; wuxi 第十五条（四）)
//   五、服务确认         the enterprise's signatures on the checklists (wuxi att.1 一(一)6
//   "请企业现场环保管理人员
//                        或负责人签字确认") and the agency's closing with the date
// The 环责险风险评估报告 (EnvRiskPart, numbered on) adds 环保资料核查 (wuxi 附件3, after 服务概况; att.1
// 一(一)4 "企业需提供的资料清单见附件3…进行核查"), then after the hazards 环境风险等级评估（HJ 941-2018）and
// 建议保额 (wuxi 第九条（一）"为环境污染责任保险投保提供风险等级和建议保额").
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "documents/document.hpp"

namespace rw::reports {

struct TeamMember {
  std::string name;
  std::string kind;   // 专家 / 技术人员 …
  std::string title;  // 职称
  bool leader = false;
};

struct ChecklistLine {
  std::string item;
  std::string answer;  // "" when not answered
  std::string note;
  std::vector<std::vector<std::string>> table;  // a table item's answer: header row, then rows
};

struct ChecklistPart {
  std::string title;
  int depth = 0;  // 0: a top-level section
  std::vector<ChecklistLine> lines;
};

struct FindingLine {
  std::string description;
  std::string grade;  // 重大 / 一般
  std::string suggestion;
  std::string basis;
};

struct ChecklistReport {
  std::string name;
  std::string status;  // 已提交 …
  std::string score;   // "86 / 100", "" for an unscored form
  std::vector<ChecklistPart> parts;
  std::vector<FindingLine> findings;
  std::string signer;  // the enterprise's representative who signed, "" when not signed
  std::optional<documents::Image> signature;
  std::string signed_on;
};

struct HazardEntry {
  std::string description;
  std::string category;  // 类别 / 细类
  std::string grade;
  std::string location;
  std::string basis;
  std::string suggestion;
  std::string found_on;
  std::string found_by;
  std::string due_on;
  std::string status;
  std::vector<documents::Image> photos;
};

// One medium's HJ 941 grade as printed: 大气 Q2 (13.6) M1 (10) E2 → 较大-大气(Q2-M1-E2).
struct MediumGrade {
  std::string medium;  // 大气 | 水
  std::string level;   // 一般 | 较大 | 重大
  std::string label;
  std::string q, q_band, m, m_band, e;
};

// What only the 环责险风险评估报告 prints (wuxi 第九条（一）; att.1 一(一)4: the documents of 附件3 checked,
// the risk analysed from substances, processes and controls, receptors; the level and the suggested sum
// insured).
struct CheckedDocument {
  std::string name;
  std::string state;     // 已提供 / 缺失 / …
  std::string found_as;  // "" or where another list files it: 一企一档资料存档表 3-1
};
struct EnvRiskPart {
  std::string documents_list;                                   // the list's name and reference
  std::vector<CheckedDocument> documents;                       // the list's order
  std::optional<std::int64_t> assessment_id;                    // none: no assessment yet
  std::vector<std::pair<std::string, std::string>> assessment;  // date, by whom, status, table version
  std::string level;                                            // 重大
  std::string label;
  bool raised = false;
  std::vector<MediumGrade> media;
  std::vector<std::string> explanation;
  std::string sum_insured;        // "3000–8000 万元", "" when no band applies
  std::string sum_insured_basis;  // the band's row: 重大 · 大型 · 行业 2614
  std::string sum_insured_table;  // 人保无锡环责险建议保额表（2026 版）（第 1 版）, or the example's label
};

struct ReportContent {
  std::string kind;  // reports::kHazardScreening | kSiteSurvey
  std::string enterprise;
  std::string agency;
  std::string report_date;  // 2026年6月1日
  std::vector<std::pair<std::string, std::string>> particulars;
  std::vector<std::pair<std::string, std::string>> service;
  std::vector<TeamMember> team;
  std::vector<ChecklistReport> checklists;
  std::vector<HazardEntry> hazards;
  std::optional<EnvRiskPart> env_risk;  // a visit that assesses the environmental risk
};

documents::Document report_document(const ReportContent& content);

}  // namespace rw::reports
