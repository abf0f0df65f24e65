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
};

documents::Document report_document(const ReportContent& content);

}  // namespace rw::reports
