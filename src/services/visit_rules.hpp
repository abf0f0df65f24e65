#pragma once
// What a visit must respect (wuxi §15(三), att.1 现场服务人员要求). Pure.
#include <string>
#include <vector>

#include "registry/staffing_rule.hpp"
#include "services/catalog.hpp"

namespace rw::services {

struct VisitPlan {
  std::string risk_level;  // of the enterprise
  std::string scale;       // of the enterprise
  bool special_request = false;
  int duration_days = 1;
  std::vector<ServiceRules> service_types;
};

// A visit lasts at most 1 day, or 2 for a large enterprise or a special request.
int max_duration_days(const std::string& scale, bool special_request);

struct VisitViolation {
  std::string field;  // staff_ids | duration_days
  registry::UnmetRule rule;
};

// The staffing rule a visit answers to, from its on-site service types: the largest team sizes of the
// catalog, wuxi's rules when a wuxi type (or no on-site type) is among them, chengdu's when a chengdu one is.
registry::StaffingCase staffing_case(const VisitPlan& plan);

// Every rule the visit breaks: the staffing rule of staffing_case and the duration limit.
std::vector<VisitViolation> visit_violations(const VisitPlan& plan,
                                             const std::vector<registry::TeamMember>& team);

}  // namespace rw::services
