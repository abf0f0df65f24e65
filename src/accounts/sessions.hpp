#pragma once
// Sign-in sessions: the token is given to the client once; the database keeps only its digest.
#include <optional>
#include <string>

#include "accounts/actor.hpp"
#include "platform/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/http/message.hpp"

namespace rw::accounts {

struct NewSession {
  std::string token;
  std::string csrf_token;
};

NewSession create_session(db::Connection& db, std::int64_t user_id, Seconds now,
                          const std::string& remote_address);
void end_session(db::Connection& db, std::int64_t session_id);
std::int64_t end_user_sessions(db::Connection& db, std::int64_t user_id);  // how many ended
// Every session of the user but the one kept.
void end_other_sessions(db::Connection& db, std::int64_t user_id, std::int64_t kept_session_id);

// Loads an active user with org and roles; nullopt when missing or inactive.
std::optional<Actor> load_user(db::Connection& db, std::int64_t user_id);

constexpr const char* kSessionCookie = "rw_session";

// Finds the caller from `Authorization: Bearer` or the session cookie. Throws 401 when absent,
// unknown or idle for longer than `idle_timeout`; 403 csrf_failed for a cookie-authenticated unsafe
// request without the matching X-CSRF-Token header.
Actor authenticate(db::Connection& db, const http::Request& request, Seconds now, Seconds idle_timeout);

std::string session_cookie(const std::string& token, bool secure);
std::string cleared_session_cookie(bool secure);

}  // namespace rw::accounts
