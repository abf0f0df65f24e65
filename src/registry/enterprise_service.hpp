#pragma once
// Enterprises 企业: the operations of every caller, with the access model's rules (access/visibility.hpp).
// Writers change the enterprises they can see; an enterprise's own users change a few fields of their own.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <string>

#include "accounts/operation.hpp"

namespace rw::registry {

// One page of the enterprises the actor may see (filters and order: enterprise_listing.hpp).
nlohmann::json list_enterprises(const accounts::Operation& op,
                                const std::map<std::string, std::string>& query);
// The enterprise with the agencies serving it; 404 when the actor may not see it.
nlohmann::json get_enterprise(const accounts::Operation& op, std::int64_t id);
// From its fields (enterprise_keys): 422 with every error, 409 on a credit code already registered.
nlohmann::json create_enterprise(const accounts::Operation& op, const nlohmann::json& fields);
// The given fields over the stored ones; an enterprise user may change only its own enterprise's own fields.
nlohmann::json update_enterprise(const accounts::Operation& op, std::int64_t id,
                                 const nlohmann::json& changes);
// Archives (true) or restores (false); 409 when it already is so. Returns the enterprise.
nlohmann::json set_archived(const accounts::Operation& op, std::int64_t id, bool archived);
// {code, valid, registered} for forms that check a credit code as the user types.
nlohmann::json check_credit_code(db::Connection& db, const std::string& code);

}  // namespace rw::registry
