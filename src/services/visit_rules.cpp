#include "services/visit_rules.hpp"

#include <algorithm>

namespace rw::services {

int max_duration_days(const std::string& scale, bool special_request) {
  return scale == "large" || special_request ? 2 : 1;
}

registry::StaffingCase staffing_case(const VisitPlan& plan) {
  registry::StaffingCase c{plan.risk_level, plan.scale, plan.special_request};
  bool any_on_site = false, chengdu_only = true;
  for (const auto& type : plan.service_types) {
    if (!type.on_site) continue;
    any_on_site = true;
    // The catalog's sizes hold as they are: chengdu, xuzhou and guilin have no larger team for large
    // enterprises (data/catalog/README.md), wuxi §15(三) has 3.
    c.min_people = std::max(c.min_people, type.min_people);
    c.min_people_large = std::max(c.min_people_large, type.min_people_large);
    c.expert_always = c.expert_always || type.expert_always;
    c.wuxi_large_rule = c.wuxi_large_rule || type.source == "wuxi";
    // chengdu 5.2.4 with 6.2.2.1 / 6.3.2.2: 不少于 2 名安全生产专业技术人员, each meeting 5.2.4.
    c.all_safety_qualified = c.all_safety_qualified || type.source == "chengdu";
    chengdu_only = chengdu_only && type.source == "chengdu";
  }
  c.expert_rule = !any_on_site || !chengdu_only;
  // Without an on-site type (or for a team checked without types) the wuxi rule stands: 2, or 3 for a
  // large enterprise or a special request, with an expert of intermediate title or above.
  if (!any_on_site) {
    c.min_people_large = 3;
    c.wuxi_large_rule = true;
  }
  return c;
}

std::vector<VisitViolation> visit_violations(const VisitPlan& plan,
                                             const std::vector<registry::TeamMember>& team) {
  std::vector<VisitViolation> out;
  for (auto& rule : registry::unmet_staffing_rules(staffing_case(plan), team))
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
