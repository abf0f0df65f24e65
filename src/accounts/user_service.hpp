#pragma once
// User accounts 用户: the operations of the admins who manage an organization's accounts, with the access
// model's rules (access/visibility.hpp): a user outside the admin's organizations does not exist for them.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <string>

#include "accounts/operation.hpp"

namespace rw::accounts {

// One page of the users the actor manages. Filters: org_id, role, active, q (username or display name);
// limit and offset.
nlohmann::json list_users(const Operation& op, const std::map<std::string, std::string>& query);
nlohmann::json get_user(const Operation& op, std::int64_t id);
// From username, display_name, org_id, roles, password, phone, email: 422 with every error, 409 on a
// username already taken.
nlohmann::json create_user(const Operation& op, const nlohmann::json& fields);
// The given fields over the stored ones; no one deactivates themselves or drops their own admin role.
// Deactivating signs the user out.
nlohmann::json update_user(const Operation& op, std::int64_t id, const nlohmann::json& changes);
// Sets `new_password` and signs the user out everywhere.
void reset_password(const Operation& op, std::int64_t id, const nlohmann::json& fields);
// Signs the user out on every device now (a lost phone, a leaving employee): {"ended": n}; audited.
nlohmann::json end_sessions(const Operation& op, std::int64_t id);

bool valid_username(const std::string& username);
// Usernames are case-insensitive: stored and looked up in lower case.
std::string normalize_username(std::string username);

}  // namespace rw::accounts
