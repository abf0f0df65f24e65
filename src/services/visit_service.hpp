#pragma once
// Visits 服务: scheduling with the staffing rule, and the visit as each caller may see it. The operations of
// every caller (a request, a job, an import, offline sync), with the access model's rules
// (access/visibility.hpp); the status machine is visit_flow.hpp, its steps go through step_service.hpp.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "accounts/operation.hpp"
#include "registry/staffing_rule.hpp"

namespace rw::services {

// One page of the visits the actor may see. Filters: from, to (planned dates), status, enterprise_id,
// agency_org_id, staff_id, mine, q; limit and offset.
nlohmann::json list_visits(const accounts::Operation& op, const std::map<std::string, std::string>& query);
// The visit with its `actions` (404 when the actor may not see it).
nlohmann::json get_visit(const accounts::Operation& op, std::int64_t id);
// … and its status history.
nlohmann::json visit_with_history(const accounts::Operation& op, std::int64_t id);

// A visit just scheduled, and what its scheduler should know anyway (a non-working day, an enterprise of
// unknown scale).
struct ScheduledVisit {
  std::int64_t id = 0;
  std::vector<registry::UnmetRule> warnings;
};
// Schedules a visit from its fields (enterprise_id, service_type_ids, planned_on, duration_days, staff_ids,
// leader_staff_id, plan_id, special_request, notes; agency_org_id for a platform admin): writes it with its
// audit entry, or 422 with every broken rule.
ScheduledVisit create_visit(const accounts::Operation& op, const nlohmann::json& fields);
// The visit as its scheduler sees it, with its `warnings`: what the route answers once the visit is
// committed, outside the writers' turn.
nlohmann::json scheduled_visit_json(const accounts::Operation& op, const ScheduledVisit& visit);
// Changes a planned or confirmed visit (the same fields but the enterprise and agency); the visit with
// its history and warnings.
nlohmann::json update_visit(const accounts::Operation& op, std::int64_t id, const nlohmann::json& changes);

// The rules a team would break at the enterprise, and the warnings, without saving:
// {satisfied, unmet, warnings}.
nlohmann::json check_team(const accounts::Operation& op, const nlohmann::json& fields);
// The agency's staff who may go (agency_org_id, else the actor's; planned_on), best graded first, with
// whether each is already on another visit that day: {items}.
nlohmann::json suggest_team(const accounts::Operation& op, const std::map<std::string, std::string>& query);

}  // namespace rw::services
