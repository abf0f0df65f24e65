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
  std::optional<std::int64_t> commission_item_id;  // of a stored visit
  std::string notes;
};

// The team members as the staffing rule sees them. A staff id outside the agency (with its
// sub-organizations) or inactive is an error at staff_ids[i].
std::vector<registry::TeamMember> load_team(db::Connection& db, const VisitInput& input, Fields& fields);

// What the staffing rule and the duration limit say of the visit: the rules it breaks and what the user
// should know anyway (an enterprise whose scale is not recorded).
struct VisitCheck {
  std::vector<VisitViolation> violations;
  std::vector<registry::UnmetRule> warnings;
};
VisitCheck check_visit(db::Connection& db, const VisitInput& input,
                       const std::vector<registry::TeamMember>& team);

// The answer of POST /staffing-check and POST /visits/team-check: {satisfied, unmet, warnings}.
nlohmann::json visit_check_json(const VisitCheck& check);

// 422 visit_rules_unmet listing every violation as a field error (and under "unmet_rules").
[[noreturn]] void throw_violations(const std::vector<VisitViolation>& violations);

// The team's names, the leader first, joined with 、 (a hazard's 排查人员, a notice's 工作人员).
std::string team_names(db::Connection& db, std::int64_t visit_id);

// [{code, message, message_en}]
nlohmann::json warnings_json(const std::vector<registry::UnmetRule>& warnings);

}  // namespace rw::services
