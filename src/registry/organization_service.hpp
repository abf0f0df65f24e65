#pragma once
// Organizations 机构 (platform, regulators, insurers, agencies, enterprises, parks): the operations of every
// caller, with the access model's rules (access/visibility.hpp). Outside the platform admin, an
// organization creates branches of its own kind under an organization it acts for, inside that parent's
// regions.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <string>

#include "accounts/operation.hpp"

namespace rw::registry {

// One page of the organizations the actor may see; whoever commissions agencies sees every agency.
// Filters: type, parent_id, active, q (name or credit code); limit and offset.
nlohmann::json list_organizations(const accounts::Operation& op,
                                  const std::map<std::string, std::string>& query);
// Everyone may read their own organization; others need org:read and to see it (404 otherwise).
nlohmann::json get_organization(const accounts::Operation& op, std::int64_t id);
// From name, type, parent_id, region_ids, credit_code, contact_phone: 422 with every error.
nlohmann::json create_organization(const accounts::Operation& op, const nlohmann::json& fields);
// The given fields over the stored ones; deactivating signs out the organization's users.
nlohmann::json update_organization(const accounts::Operation& op, std::int64_t id,
                                   const nlohmann::json& changes);

}  // namespace rw::registry
