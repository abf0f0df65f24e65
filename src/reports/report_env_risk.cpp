#include "reports/report_env_risk.hpp"

#include <nlohmann/json.hpp>

#include "archive/archive_service.hpp"
#include "envrisk/assessment_service.hpp"
#include "platform/dates.hpp"
#include "registry/vocabularies.hpp"
#include "reports/report_rules.hpp"
#include "suminsured/sum_insured_service.hpp"

namespace rw::reports {
namespace {

using nlohmann::json;

std::string document_state(const archive::ItemCheck& item) {
  if (!item.applicable) return "不适用";
  if (item.electronic == "present") return "已提供";
  if (item.electronic == "expiring") return "已提供（即将到期）";
  if (item.electronic == "expired") return "已过期";
  return "缺失";
}

void documents_checked(const accounts::Operation& op, std::int64_t enterprise_id, EnvRiskPart& part) {
  const auto checked =
      archive::check_list(op.db, enterprise_id, kCheckedDocumentsList, china_date(op.clock.now()));
  if (!checked) return;
  part.documents_list = checked->list.name_zh + "（" + checked->list.reference + "）";
  for (const auto& item : checked->items)
    part.documents.push_back({item.name_zh, document_state(item), item.found_as});
}

std::string number(const json& value) { return value_text("number", {}, value, json()); }

MediumGrade medium_of(const char* name, const json& m) {
  return {name,           m.value("level", ""),  m.value("label", ""), number(m["q"]), m.value("q_band", ""),
          number(m["m"]), m.value("m_band", ""), m.value("e", "")};
}

void grading(const json& assessment, EnvRiskPart& part) {
  const auto& result = assessment["result"];
  part.assessment_id = assessment["id"].get<std::int64_t>();
  part.assessment = {
      {"评估日期", chinese_date(assessment["assessed_on"].get<std::string>())},
      {"评估单位及人员", assessment["org"]["name"].get<std::string>() + " " +
                             assessment["created_by"]["name"].get<std::string>()},
      {"评估状态", assessment["status_label"].get<std::string>()},
      {"风险物质临界量表", "第 " + std::to_string(assessment["table"]["version"].get<int>()) + " 版"}};
  part.level = result.value("level", "");
  part.label = result.value("label", "");
  part.raised = result.value("raised", false);
  if (result["air"].is_object()) part.media.push_back(medium_of("大气", result["air"]));
  if (result["water"].is_object()) part.media.push_back(medium_of("水", result["water"]));
  for (const auto& step : result["explanation"]) part.explanation.push_back(step.value("text", ""));
}

void sum_insured(const accounts::Operation& op, std::int64_t enterprise_id, const std::string& level,
                 EnvRiskPart& part) {
  const auto suggestion = suminsured::suggest_for_enterprise(op, enterprise_id, level);
  const auto& table = suggestion.table;
  // An insurer's table with its version; the example always says it is one (示例，需保险机构确认).
  const std::string label(suminsured::kExampleLabel);
  if (table.version)
    part.sum_insured_table =
        table.org_name + " " + table.name + "（第 " + std::to_string(*table.version) + " 版）";
  else
    part.sum_insured_table =
        table.name.find(label) == std::string::npos ? table.name + "（" + label + "）" : table.name;
  if (!suggestion.band) return;
  const auto& band = *suggestion.band;
  part.sum_insured = suminsured::band_text(band);
  part.sum_insured_basis = registry::risk_levels().zh(band.level) + " · " +
                           registry::enterprise_scales().zh(band.scale) +
                           (band.industry.empty() ? "" : " · 行业 " + band.industry);
}

}  // namespace

EnvRiskPart gather_env_risk(const accounts::Operation& op, std::int64_t enterprise_id) {
  EnvRiskPart part;
  documents_checked(op, enterprise_id, part);
  if (const auto assessment = envrisk::latest_assessment(op, enterprise_id)) {
    grading(*assessment, part);
    sum_insured(op, enterprise_id, (*assessment)["level"].get<std::string>(), part);
  }
  return part;
}

}  // namespace rw::reports
