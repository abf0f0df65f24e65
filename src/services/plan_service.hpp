#pragma once
// Service plans 服务方案 per enterprise and year, following chengdu App. C's template. The operations of
// every caller, with the access model's rules (access/visibility.hpp); the status machine is plan_flow.hpp,
// its steps go through step_service.hpp.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <string>

#include "accounts/operation.hpp"

namespace rw::services {

// One page of the plans the actor may see (filters: plan_filter; limit and offset).
nlohmann::json list_plans(const accounts::Operation& op, const std::map<std::string, std::string>& query);
// The plan with its `actions` and status history (404 when the actor may not see it).
nlohmann::json plan_with_history(const accounts::Operation& op, std::int64_t id);
// A draft plan from its fields (enterprise_id, year, agency_org_id, insurer_org_id, policy_id, items,
// training_plan, staff_ids and the texts): 422 with every error, 409 when the enterprise already has the
// agency's plan for the year.
nlohmann::json create_plan(const accounts::Operation& op, const nlohmann::json& fields);
// Changes a plan the actor may edit now (the same fields but enterprise, year and parties).
nlohmann::json update_plan(const accounts::Operation& op, std::int64_t id, const nlohmann::json& changes);

}  // namespace rw::services
