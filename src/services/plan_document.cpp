#include "services/plan_document.hpp"

#include <nlohmann/json.hpp>

#include "platform/clock.hpp"
#include "platform/dates.hpp"
#include "services/workflow_vocabularies.hpp"

namespace rw::services {
namespace {

std::string text_at(const nlohmann::json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

std::string or_none(const std::string& text) { return text.empty() ? "无" : text; }

// A stored moment ("2026-06-01T02:00:00Z") as the China date people read; "" when there is none.
std::string china_date_at(const nlohmann::json& plan, const char* key) {
  Seconds at = 0;
  return parse_utc(text_at(plan, key), at) ? china_date(at) : "";
}

// A section's text, or 无 when the plan leaves it empty.
void section(documents::Document& doc, const char* heading, const std::string& body) {
  doc.blocks.push_back(documents::Heading{heading, 2});
  doc.blocks.push_back(documents::text(or_none(body)));
}

documents::Table items_table(const nlohmann::json& items) {
  documents::Table table{{0.6, 2.4, 3, 1.4, 2.6}, 1, {}};
  table.rows.push_back(
      {{"序号", true}, {"服务项目", true}, {"服务措施", true}, {"频次", true}, {"预期成果", true}});
  int n = 0;
  for (const auto& item : items)
    table.rows.push_back({{std::to_string(++n)},
                          {text_at(item.at("service_type"), "name_zh")},
                          {text_at(item, "measures")},
                          {text_at(item, "frequency")},
                          {text_at(item, "expected_results")}});
  return table;
}

// chengdu App. C 表1 培训计划.
documents::Table training_table(const nlohmann::json& training) {
  documents::Table table{{0.6, 2.2, 1.6, 1.2, 1.2, 1.8, 1.4}, 1, {}};
  table.rows.push_back({{"序号", true},
                        {"培训主题", true},
                        {"培训对象", true},
                        {"培训形式", true},
                        {"培训类型", true},
                        {"培训资料", true},
                        {"培训时间", true}});
  int n = 0;
  for (const auto& t : training)
    table.rows.push_back({{std::to_string(++n)},
                          {text_at(t, "topic")},
                          {text_at(t, "audience")},
                          {text_at(t, "form")},
                          {text_at(t, "kind")},
                          {text_at(t, "materials")},
                          {text_at(t, "time")}});
  return table;
}

}  // namespace

documents::Document plan_document(const nlohmann::json& plan) {
  documents::Document doc;
  const auto year = std::to_string(plan.at("year").get<int>());
  doc.title = year + " 年度服务方案";
  doc.subtitle = plan_statuses().zh(plan.at("status").get<std::string>());
  doc.organization = plan.at("agency").at("name").get<std::string>();
  const auto& insurer = plan.at("insurer");
  const auto& policy = plan.at("policy");
  doc.blocks.push_back(documents::KeyValues{
      {{"投保单位", plan.at("enterprise").at("name").get<std::string>()},
       {"服务机构", doc.organization},
       {"保险机构", insurer.is_object() ? insurer.at("name").get<std::string>() : ""},
       {"保单号", policy.is_object() ? policy.at("policy_number").get<std::string>() : ""},
       {"企业同意时间", text_at(plan, "agreed_at")},
       {"最后修改", text_at(plan, "updated_at")}},
      2});
  section(doc, "一、投保单位基本情况", text_at(plan, "enterprise_overview"));
  doc.blocks.push_back(
      documents::text("主要设施与工艺：" + or_none(text_at(plan, "facilities_and_processes"))));
  doc.blocks.push_back(documents::text("事故情况：" + or_none(text_at(plan, "accident_history"))));
  doc.blocks.push_back(documents::Heading{"二、服务项目、措施与预期成果", 2});
  doc.blocks.push_back(items_table(plan.at("items")));
  doc.blocks.push_back(documents::Heading{"三、培训计划", 2});
  doc.blocks.push_back(training_table(plan.at("training_plan")));
  std::string staff;
  for (const auto& s : plan.at("staff")) staff += (staff.empty() ? "" : "、") + text_at(s, "name");
  section(doc, "四、服务人员", staff);
  section(doc, "五、服务保障事项", text_at(plan, "safeguards"));
  if (!text_at(plan, "notes").empty()) section(doc, "备注", text_at(plan, "notes"));
  return doc;
}

}  // namespace rw::services
