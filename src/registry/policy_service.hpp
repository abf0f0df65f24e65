#pragma once
// Insurance policies 保单: the operations of every caller, with the access model's rules
// (access/visibility.hpp). A policy is written by its insurer (or a platform admin), for an enterprise the
// writer can see; others may see it through the enterprise.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <string>

#include "accounts/operation.hpp"

namespace rw::registry {

// One page of the policies the actor may see (filters and order: policy_listing.hpp; limit and offset).
nlohmann::json list_policies(const accounts::Operation& op, const std::map<std::string, std::string>& query);
// 404 when the actor may not see it.
nlohmann::json get_policy(const accounts::Operation& op, std::int64_t id);
// From its fields (policy_keys): 422 with every error, 409 on a policy number the insurer already uses.
nlohmann::json create_policy(const accounts::Operation& op, const nlohmann::json& fields);
// The given fields over the stored ones; 403 unless the actor writes the insurer's policies.
nlohmann::json update_policy(const accounts::Operation& op, std::int64_t id, const nlohmann::json& changes);
void delete_policy(const accounts::Operation& op, std::int64_t id);

}  // namespace rw::registry
