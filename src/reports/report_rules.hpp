#pragma once
// The pure rules of a visit's report: which report a visit gets, its title, and how a checklist answer reads
// in it (option labels, never codes). No I/O.
#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "forms/template.hpp"
#include "services/catalog.hpp"

namespace rw::reports {

// 隐患排查报告 for a hazard screening — chengdu App. C 3.3
// "本技术服务项目的预期成果是生产安全事故隐患排查报告", and the screenings whose deliverables include a
// hazard register (Table 9) or whose name says 隐患排查 (wuxi 突发环境事件隐患排查) — and 现场勘查评估报告
// otherwise (wuxi att.1 一(一)7 "形成环责险现场勘查评估报告"). Derived: the seeds name the two reports; which
// service types give which is this platform's reading.
inline constexpr std::string_view kHazardScreening = "hazard_screening";
inline constexpr std::string_view kSiteSurvey = "site_survey";
std::string report_kind(const std::vector<services::ServiceRules>& types);

// The 环责险风险评估 (wuxi 第九条（一）:
// "形成环责险风险评估报告…为环境污染责任保险投保提供风险等级和建议保额"; att.1 一(一)7 calls the same
// deliverable 环责险现场勘查评估报告): a visit of this type gets the report that adds the 附件3 documents
// checked, the HJ 941 grading and the suggested sum insured, and approving it reviews the assessment it
// printed. Derived: the seed's two names are one report, of the site_survey kind.
inline constexpr std::string_view kRiskAssessmentType = "wuxi.screening.risk_assessment";
bool assesses_env_risk(const std::vector<services::ServiceRules>& types);
// 隐患排查报告 | 环责险风险评估报告 (a site survey that assesses the environmental risk) | 现场勘查评估报告
std::string report_title(std::string_view kind, bool env_risk = false);

// "2026-06-01" → "2026年6月1日"; other text is returned as it is.
std::string chinese_date(std::string_view iso_date);

// How one answer value of an item or a table column reads: option labels (a detail after a colon), lists
// joined with "、", numbers without trailing zeros, "照片 N 张" for photos; "" for no value.
std::string value_text(std::string_view kind, const std::vector<forms::Option>& options,
                       const nlohmann::json& value, const nlohmann::json& detail);

// An answered table item as rows of text: the header (the preset rows' label column first when the item has
// preset rows), then one row per answered row.
std::vector<std::vector<std::string>> table_answer(const forms::Item& item, const nlohmann::json& answer);

}  // namespace rw::reports
