#include "webhooks/webhook_event_types.hpp"

#include <nlohmann/json.hpp>

#include "envrisk/assessment_flow.hpp"
#include "hazards/hazard_flow.hpp"
#include "inspections/inspection_flow.hpp"
#include "notices/notice_flow.hpp"
#include "services/commission_flow.hpp"
#include "services/plan_flow.hpp"
#include "services/visit_flow.hpp"

namespace rw::webhooks {
namespace {

struct Kind {
  std::string object_type;
  std::string zh, en;  // the object, as people call it
};

void add(nlohmann::json& out, const Kind& kind, const std::string& action, const std::string& zh,
         const std::string& en) {
  const auto type = kind.object_type + "." + action;
  for (const auto& known : out)
    if (known["type"] == type) return;  // a step with several sources (withdraw) is one event
  out.push_back(
      {{"type", type}, {"object_type", kind.object_type}, {"action", action}, {"zh", zh}, {"en", en}});
}

// The steps that change the status: labelled by the status they lead to.
template <class Subject>
void add_machine(nlohmann::json& out, const Kind& kind, const workflow::Machine<Subject>& machine) {
  for (const auto& step : machine.steps)
    if (!step.to.empty())
      add(out, kind, std::string(step.action), kind.zh + "：" + machine.statuses.zh(step.to),
          kind.en + ": " + machine.statuses.en(step.to));
}

nlohmann::json build() {
  const Kind hazard{"hazard", "隐患", "Hazard"};
  auto out = nlohmann::json::array();
  add_machine(out, hazard, hazards::hazard_machine());
  // Hazard steps that keep the status but are written to its history (hazard_flow.cpp, hazard_recheck.cpp).
  add(out, hazard, "set_deadline", "隐患：设定整改期限", "Hazard: deadline set");
  add(out, hazard, "add_progress", "隐患：整改进展", "Hazard: progress noted");
  add(out, hazard, "comment", "隐患：监管意见", "Hazard: regulator's comment");
  add(out, hazard, "carry_over", "隐患：复查未整改结转", "Hazard: carried over on re-check");
  const Kind visit{"visit", "现场服务", "Visit"};
  add_machine(out, visit, services::visit_machine());
  // The report's steps keep the visit done but are written to its history (reports/report_flow.cpp).
  add(out, visit, "submit_report", "现场服务：报告已提交", "Visit: report submitted");
  add(out, visit, "approve_report", "现场服务：报告审核通过", "Visit: report approved");
  add(out, visit, "return_report", "现场服务：报告被退回", "Visit: report returned");
  add_machine(out, {"inspection", "检查表", "Checklist"}, inspections::inspection_machine());
  add_machine(out, {"service_plan", "服务方案", "Service plan"}, services::plan_machine());
  add_machine(out, {"commission_item", "委托事项", "Commission item"}, services::commission_machine());
  add_machine(out, {"notice", "文书", "Notice"}, notices::notice_machine());
  add_machine(out, {"env_risk_assessment", "环境风险评估", "Environmental risk assessment"},
              envrisk::assessment_machine());
  return out;
}

}  // namespace

const nlohmann::json& event_types_json() {
  static const nlohmann::json types = build();
  return types;
}

const std::set<std::string>& event_types() {
  static const std::set<std::string> types = [] {
    std::set<std::string> out;
    for (const auto& type : event_types_json()) out.insert(type["type"].get<std::string>());
    return out;
  }();
  return types;
}

}  // namespace rw::webhooks
