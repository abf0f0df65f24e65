#include "reports/report_rules.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "platform/dates.hpp"

namespace rw::reports {
namespace {

using nlohmann::json;

std::string option_label(const std::vector<forms::Option>& options, const json& value) {
  const auto text = value.is_string() ? value.get<std::string>() : value.dump();
  const auto found = std::find_if(options.begin(), options.end(),
                                  [&](const forms::Option& option) { return option.value == text; });
  return found == options.end() ? text : found->label;
}

std::string number_text(double number) {
  if (std::floor(number) == number && std::fabs(number) < 1e15)
    return std::to_string(static_cast<long long>(number));
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", number);
  return buffer;
}

bool is_choice(std::string_view kind) { return kind == "yes_no" || kind == "single" || kind == "multiple"; }

}  // namespace

std::string report_kind(const std::vector<services::ServiceRules>& types) {
  const bool screening = std::any_of(types.begin(), types.end(), [](const services::ServiceRules& type) {
    const auto& d = type.deliverables;
    return std::find(d.begin(), d.end(), "hazard_register") != d.end() ||
           type.name_zh.find("隐患排查") != std::string::npos;
  });
  return std::string(screening ? kHazardScreening : kSiteSurvey);
}

bool assesses_env_risk(const std::vector<services::ServiceRules>& types) {
  return std::any_of(types.begin(), types.end(),
                     [](const services::ServiceRules& type) { return type.code == kRiskAssessmentType; });
}

std::string report_title(std::string_view kind, bool env_risk) {
  if (kind == kHazardScreening) return "隐患排查报告";
  return env_risk ? "环责险风险评估报告" : "现场勘查评估报告";
}

std::string chinese_date(std::string_view iso_date) {
  const auto date = parse_date(iso_date.substr(0, 10));
  if (!date) return std::string(iso_date);
  return std::to_string(static_cast<int>(date->year())) + "年" +
         std::to_string(static_cast<unsigned>(date->month())) + "月" +
         std::to_string(static_cast<unsigned>(date->day())) + "日";
}

std::string value_text(std::string_view kind, const std::vector<forms::Option>& options, const json& value,
                       const json& detail) {
  if (value.is_null()) return "";
  std::string text;
  if (kind == "photo") {
    text = "照片 " + std::to_string(value.is_array() ? value.size() : 0) + " 张";
  } else if (is_choice(kind) && value.is_array()) {
    for (const auto& one : value) text += (text.empty() ? "" : "、") + option_label(options, one);
  } else if (is_choice(kind)) {
    text = option_label(options, value);
  } else if (value.is_number()) {
    text = number_text(value.get<double>());
  } else {
    text = value.is_string() ? value.get<std::string>() : value.dump();
  }
  if (detail.is_string() && !detail.get<std::string>().empty()) text += "：" + detail.get<std::string>();
  return text;
}

std::vector<std::vector<std::string>> table_answer(const forms::Item& item, const json& answer) {
  const bool preset = !item.rows.empty();
  std::vector<std::vector<std::string>> out(1);
  if (preset) out[0].push_back("项目");
  for (const auto& column : item.columns) out[0].push_back(column.label);
  const auto& rows = answer.contains("value") && answer["value"].is_array() ? answer["value"] : json::array();
  for (const auto& row : rows) {
    if (!row.is_object()) continue;
    std::vector<std::string> line;
    if (preset) {
      const auto id = row.value("row", std::string());
      const auto named =
          std::find_if(item.rows.begin(), item.rows.end(), [&](const forms::Row& r) { return r.id == id; });
      line.push_back(named == item.rows.end() ? id : named->label);
    }
    const auto cells = row.contains("cells") && row["cells"].is_object() ? row["cells"] : json::object();
    for (const auto& column : item.columns)
      line.push_back(
          cells.contains(column.id) ? value_text(column.kind, column.options, cells[column.id], json()) : "");
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace rw::reports
