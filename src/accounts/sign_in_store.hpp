#pragma once
// The SQL of signing in: the account a username names, failed attempts (for throttling) and the last
// sign-in time.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/clock.hpp"
#include "platform/db/database.hpp"

namespace rw::accounts {

struct LoginAccount {
  std::int64_t id = 0;
  std::string password_hash;
  bool active = false;
  bool org_active = false;
};

std::optional<LoginAccount> find_login_account(db::Connection& db, const std::string& username);
// Times of failures after `since` of one username from one address, and from one address for any username.
std::vector<Seconds> account_failure_times(db::Connection& db, const std::string& username,
                                           const std::string& address, Seconds since);
std::vector<Seconds> address_failure_times(db::Connection& db, const std::string& address, Seconds since);
void record_failure(db::Connection& db, const std::string& username, Seconds at, const std::string& address);
void clear_account_failures(db::Connection& db, const std::string& username, const std::string& address);
void set_last_login(db::Connection& db, std::int64_t user_id, const std::string& at);

}  // namespace rw::accounts
