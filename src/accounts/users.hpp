#pragma once
#include "app/context.hpp"

namespace rw::accounts {

// /users: accounts of the organizations an admin manages.
void add_user_routes(app::Routes& routes);

// Inserts a user with roles and a hashed password; returns the id. Validation is the caller's.
std::int64_t insert_user(db::Connection& db, std::int64_t org_id, const std::string& username,
                         const std::string& display_name, const std::vector<std::string>& roles,
                         const std::string& password_hash, const std::string& now);

bool valid_username(const std::string& username);

}  // namespace rw::accounts
