#pragma once
#include "api/context.hpp"

namespace rw::accounts {

// /users: accounts of the organizations an admin manages.
void add_user_routes(api::Routes& routes);

struct NewUser {
  std::int64_t org_id = 0;
  std::string username;
  std::string display_name;
  std::vector<std::string> roles;
  std::string password_hash;
  std::string phone;
  std::string email;
};

// Inserts a user with its roles; returns the id. Validation is the caller's.
std::int64_t insert_user(db::Connection& db, const NewUser& user, const std::string& now);

bool valid_username(const std::string& username);
// Usernames are case-insensitive: stored and looked up in lower case.
std::string normalize_username(std::string username);

}  // namespace rw::accounts
