#pragma once
// Commissions 委托: an insurer asks an agency to serve some of its insured enterprises; each enterprise is an
// item with its own status machine (commission_flow.hpp), whose steps go through step_service.hpp. The
// operations of every caller, with the access model's rules (access/visibility.hpp).
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <string>

#include "accounts/operation.hpp"

namespace rw::services {

// One page of the commissions the actor may see. Filters: agency_org_id, insurer_org_id, overdue, pending;
// limit and offset.
nlohmann::json list_commissions(const accounts::Operation& op,
                                const std::map<std::string, std::string>& query);
// The commission with its items (404 when the actor may not see it).
nlohmann::json get_commission(const accounts::Operation& op, std::int64_t id);
// From insurer_org_id (else the actor's), agency_org_id, enterprise_ids (each insured by the insurer today,
// none in an open commission of it), service_type_ids, notes: 422 with every problem; the agency is told.
nlohmann::json create_commission(const accounts::Operation& op, const nlohmann::json& fields);

// One page of the items the actor may see (filters: commission_item_filter).
nlohmann::json list_commission_items(const accounts::Operation& op,
                                     const std::map<std::string, std::string>& query);
// The item with its `actions` and status history.
nlohmann::json commission_item_with_history(const accounts::Operation& op, std::int64_t id);

}  // namespace rw::services
