#include "accounts/sign_in_store.hpp"

namespace rw::accounts {
namespace {

constexpr const char* kSelectLogin =
    "SELECT u.id, u.password_hash, u.active, o.active AS org_active FROM users u "
    "JOIN organizations o ON o.id = u.org_id WHERE u.username = ?";
// Failures of one username from one address: wrong guesses elsewhere do not lock the owner out here.
constexpr const char* kSelectAccountFailures =
    "SELECT at FROM login_failures WHERE username = ? AND remote_addr = ? AND at > ?";
// Failures from one address across usernames: password spraying.
constexpr const char* kSelectAddressFailures =
    "SELECT at FROM login_failures WHERE remote_addr = ? AND at > ?";
constexpr const char* kClearAccountFailures =
    "DELETE FROM login_failures WHERE username = ? AND remote_addr = ?";
constexpr const char* kInsertFailure =
    "INSERT INTO login_failures (username, at, remote_addr) VALUES (?, ?, ?)";
constexpr const char* kUpdateLastLogin = "UPDATE users SET last_login_at = ? WHERE id = ?";

std::vector<Seconds> times(db::Connection& db, const char* sql, const db::Params& params) {
  std::vector<Seconds> out;
  auto rows = db.query(sql, params);
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(rows[i].integer("at"));
  return out;
}

}  // namespace

std::optional<LoginAccount> find_login_account(db::Connection& db, const std::string& username) {
  auto rows = db.query(kSelectLogin, {username});
  if (rows.empty()) return std::nullopt;
  return LoginAccount{rows[0].integer("id"), rows[0].text("password_hash"), rows[0].integer("active") == 1,
                      rows[0].integer("org_active") == 1};
}

std::vector<Seconds> account_failure_times(db::Connection& db, const std::string& username,
                                           const std::string& address, Seconds since) {
  return times(db, kSelectAccountFailures, {username, address, since});
}

std::vector<Seconds> address_failure_times(db::Connection& db, const std::string& address, Seconds since) {
  return times(db, kSelectAddressFailures, {address, since});
}

void record_failure(db::Connection& db, const std::string& username, Seconds at, const std::string& address) {
  db.execute(kInsertFailure, {username, at, address});
}

void clear_account_failures(db::Connection& db, const std::string& username, const std::string& address) {
  db.execute(kClearAccountFailures, {username, address});
}

void set_last_login(db::Connection& db, std::int64_t user_id, const std::string& at) {
  db.execute(kUpdateLastLogin, {at, user_id});
}

}  // namespace rw::accounts
