#pragma once
// Reading and checking a visit's team against the rules of its enterprise and service types.
#include <cstdint>
#include <vector>

#include "platform/db/database.hpp"
#include "platform/json_input.hpp"
#include "services/visit_rules.hpp"

namespace rw::services {

struct VisitInput {
  std::int64_t enterprise_id = 0;
  std::int64_t agency_org_id = 0;
  std::vector<ServiceRules> service_types;
  std::string planned_on;
  int duration_days = 1;
  bool special_request = false;
  std::vector<std::int64_t> staff_ids;
  std::optional<std::int64_t> leader_staff_id;
  std::optional<std::int64_t> plan_id;
  std::string notes;
};

// The team members as the staffing rule sees them. A staff id outside the agency (with its
// sub-organizations) or inactive is an error at staff_ids[i].
std::vector<registry::TeamMember> load_team(db::Connection& db, const VisitInput& input, Fields& fields);

// The violations of the visit: staffing rule and duration.
std::vector<VisitViolation> check_visit(db::Connection& db, const VisitInput& input,
                                        const std::vector<registry::TeamMember>& team);

// 422 visit_rules_unmet listing every violation as a field error (and under "unmet_rules").
[[noreturn]] void throw_violations(const std::vector<VisitViolation>& violations);

nlohmann::json violations_json(const std::vector<VisitViolation>& violations);

}  // namespace rw::services
