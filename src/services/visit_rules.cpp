#include "services/visit_rules.hpp"

#include <algorithm>

namespace rw::services {

std::span<const Transition> visit_transitions() {
  static constexpr Transition table[] = {
      {"confirm", "planned", "confirmed", "enterprise", false},
      {"start", "planned", "in_progress", "team", false},
      {"start", "confirmed", "in_progress", "team", false},
      {"finish", "in_progress", "done", "team", false},
      {"could_not_enter", "planned", "could_not_enter", "team", true},
      {"could_not_enter", "confirmed", "could_not_enter", "team", true},
      {"could_not_enter", "in_progress", "could_not_enter", "team", true},
      {"cancel", "planned", "cancelled", "agency", true},
      {"cancel", "confirmed", "cancelled", "agency", true},
  };
  return table;
}

int max_duration_days(const std::string& scale, bool special_request) {
  return scale == "large" || special_request ? 2 : 1;
}

std::vector<VisitViolation> visit_violations(const VisitPlan& plan,
                                             const std::vector<registry::TeamMember>& team) {
  registry::StaffingCase the_case{plan.risk_level, plan.scale, plan.special_request};
  for (const auto& type : plan.service_types) {
    if (!type.on_site) continue;
    the_case.min_people = std::max(the_case.min_people, type.min_people);
    the_case.min_people_large = std::max(the_case.min_people_large, type.min_people_large);
    the_case.expert_always = the_case.expert_always || type.expert_always;
  }
  std::vector<VisitViolation> out;
  for (auto& rule : registry::unmet_staffing_rules(the_case, team))
    out.push_back({"staff_ids", std::move(rule)});
  const int limit = max_duration_days(plan.scale, plan.special_request);
  if (plan.duration_days > limit) {
    const auto days = std::to_string(limit);
    out.push_back(
        {"duration_days",
         {"duration_too_long",
          "单次服务时长不得超过 " + days + " 天" + (limit == 1 ? "（大型企业或特殊需求最多 2 天）" : ""),
          "one visit may last at most " + days +
              (limit == 1 ? " day (2 for a large enterprise or a special request)" : " days")}});
  }
  return out;
}

}  // namespace rw::services
