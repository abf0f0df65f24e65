#pragma once
// Signing in and out, and what a signed-in user changes of their own account. Signing in is throttled
// per username and address and per address (throttle.hpp); a refused attempt is an outcome, not an
// exception.
#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "accounts/operation.hpp"
#include "accounts/sessions.hpp"

namespace rw::accounts {

struct Credentials {
  std::string username;  // normalized (normalize_username)
  std::string password;
  std::string remote_address;
};

struct SignIn {
  enum class Outcome { signed_in, locked, invalid_credentials };
  Outcome outcome = Outcome::invalid_credentials;
  Seconds at = 0;             // when it was tried
  Seconds locked_until = 0;   // when locked
  NewSession session;         // when signed in …
  std::optional<Actor> user;  // … with the session's CSRF token
};

// Checks the password outside any transaction — Argon2id takes tens of milliseconds, and SQLite's writers
// would wait for it — then writes the failure, or the session and the audit entry, in a transaction of its
// own. The caller is outside a transaction.
SignIn sign_in(db::Connection& db, const Clock& clock, std::string_view trace_id,
               const Credentials& credentials);
// Ends the actor's session.
void sign_out(const Operation& op);

// The signed-in user as GET /me shows it: account, organization, roles, permissions, CSRF token.
nlohmann::json me_json(const Actor& user);
// display_name, phone, email of the actor's own account; answers me_json.
nlohmann::json update_me(const Operation& op, const nlohmann::json& changes);
// current_password and new_password; other sessions of the user end, this one stays.
void change_password(const Operation& op, const nlohmann::json& fields);

}  // namespace rw::accounts
