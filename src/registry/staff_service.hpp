#pragma once
// Staff 服务人员 of agencies and insurers with their qualifications: the operations of every caller, with
// the access model's rules (access/visibility.hpp). Regulators may see staff in their jurisdiction; only
// the staff's own organization changes them.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <string>

#include "accounts/operation.hpp"

namespace rw::registry {

// One page of the staff the actor may see (filters: staff_listing.hpp; limit and offset).
nlohmann::json list_staff(const accounts::Operation& op, const std::map<std::string, std::string>& query);
// 404 when the actor may not see them.
nlohmann::json get_staff(const accounts::Operation& op, std::int64_t id);
// From their fields (staff_keys): 422 with every error.
nlohmann::json create_staff(const accounts::Operation& op, const nlohmann::json& fields);
// The given fields over the stored ones; 403 unless the actor writes the staff's organization.
nlohmann::json update_staff(const accounts::Operation& op, std::int64_t id, const nlohmann::json& changes);

}  // namespace rw::registry
