#pragma once
// The SQL of user accounts: a user as the API carries it, its roles, and the writes.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "platform/db/database.hpp"
#include "platform/sql_filter.hpp"

namespace rw::accounts {

struct NewUser {
  std::int64_t org_id = 0;
  std::string username;
  std::string display_name;
  std::vector<std::string> roles;
  std::string password_hash;
  std::string phone;
  std::string email;
};

// The fields an admin changes on an existing user.
struct UserProfile {
  std::string display_name;
  bool active = true;
  std::string phone;
  std::string email;
};

extern const char* const kSelectUser;
extern const CountFrom kCountUser;

nlohmann::json user_json(const db::Row& row, std::vector<std::string> roles);
// Roles of each user in `ids`, in one query.
std::map<std::int64_t, std::vector<std::string>> roles_of(db::Connection& db,
                                                          const std::vector<std::int64_t>& ids);
// The user as JSON if `scope` (a filter on u) allows it; 404 otherwise.
nlohmann::json find_user(db::Connection& db, const SqlFilter& scope, std::int64_t id);
bool username_taken(db::Connection& db, const std::string& username);

// Inserts a user with its roles; returns the id. Validation is the caller's.
std::int64_t insert_user(db::Connection& db, const NewUser& user, const std::string& now);
void update_user_row(db::Connection& db, std::int64_t id, const UserProfile& profile, const std::string& now);
void save_roles(db::Connection& db, std::int64_t user_id, const std::vector<std::string>& roles);
// What a user changes of their own account (PATCH /me).
void update_own_contact(db::Connection& db, std::int64_t id, const std::string& display_name,
                        const std::string& phone, const std::string& email, const std::string& now);
std::string password_hash_of(db::Connection& db, std::int64_t id);
void update_password_hash(db::Connection& db, std::int64_t id, const std::string& password_hash,
                          const std::string& now);

}  // namespace rw::accounts
