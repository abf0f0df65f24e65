#include "accounts/sessions.hpp"

#include "accounts/password.hpp"
#include "platform/errors.hpp"

namespace rw::accounts {
namespace {

constexpr const char* kSelectUser =
    "SELECT u.id, u.username, u.display_name, u.phone, u.email, u.org_id, o.name AS org_name, o.type AS "
    "org_type "
    "FROM users u JOIN organizations o ON o.id = u.org_id WHERE u.id = ? AND u.active = 1";
constexpr const char* kSelectRoles = "SELECT role FROM user_roles WHERE user_id = ? ORDER BY role";
// A request's session, its user (when active), the user's roles and the reference generations in one
// statement, a row per role: every signed-in request starts with it, and on PostgreSQL each statement is a
// round trip to another process.
constexpr const char* kSelectSessionUser =
    "SELECT s.id AS session_id, s.csrf_token, s.last_seen_at, u.id, u.username, u.display_name, u.phone, "
    "u.email, u.org_id, o.name AS org_name, o.type AS org_type, r.role, g.reach AS reach_generation, "
    "g.calendar AS calendar_generation "
    "FROM sessions s CROSS JOIN reference_generations g "
    "LEFT JOIN users u ON u.id = s.user_id AND u.active = 1 "
    "LEFT JOIN organizations o ON o.id = u.org_id LEFT JOIN user_roles r ON r.user_id = u.id "
    "WHERE s.token_hash = ? ORDER BY r.role";
constexpr const char* kInsertSession =
    "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, remote_addr) "
    "VALUES (?, ?, ?, ?, ?, ?)";
constexpr const char* kDeleteSession = "DELETE FROM sessions WHERE id = ?";
constexpr const char* kDeleteUserSessions = "DELETE FROM sessions WHERE user_id = ?";
constexpr const char* kDeleteOtherSessions = "DELETE FROM sessions WHERE user_id = ? AND id <> ?";
// Refreshing last_seen on every request would turn every read into a write; once a minute is enough.
constexpr Seconds kTouchInterval = 60;

std::string cookie_token(const http::Request& request) {
  const std::string cookies = request.header("cookie");
  const std::string key = std::string(kSessionCookie) + "=";
  std::size_t at = 0;
  while (at < cookies.size()) {
    while (at < cookies.size() && (cookies[at] == ' ' || cookies[at] == ';')) ++at;
    const auto end = std::min(cookies.find(';', at), cookies.size());
    if (cookies.compare(at, key.size(), key) == 0)
      return cookies.substr(at + key.size(), end - at - key.size());
    at = end;
  }
  return {};
}

ApiError session_expired() {
  return {ErrorKind::unauthenticated, "session_expired", "登录已过期，请重新登录",
          "Your session has expired; please sign in again"};
}

Actor user_of(const db::Row& row) {
  Actor user;
  user.id = row.integer("id");
  user.username = row.text("username");
  user.display_name = row.text("display_name");
  user.phone = row.text("phone");
  user.email = row.text("email");
  user.org_id = row.integer("org_id");
  user.org_name = row.text("org_name");
  user.org_type = row.text("org_type");
  return user;
}

}  // namespace

NewSession create_session(db::Connection& db, std::int64_t user_id, Seconds now,
                          const std::string& remote_address) {
  NewSession session{random_token(), random_token()};
  db.execute(kInsertSession,
             {token_digest(session.token), user_id, session.csrf_token, now, now, remote_address});
  return session;
}

void end_session(db::Connection& db, std::int64_t session_id) { db.execute(kDeleteSession, {session_id}); }

std::int64_t end_user_sessions(db::Connection& db, std::int64_t user_id) {
  return db.execute(kDeleteUserSessions, {user_id});
}

void end_other_sessions(db::Connection& db, std::int64_t user_id, std::int64_t kept_session_id) {
  db.execute(kDeleteOtherSessions, {user_id, kept_session_id});
}

std::optional<Actor> load_user(db::Connection& db, std::int64_t user_id) {
  auto rows = db.query(kSelectUser, {user_id});
  if (rows.empty()) return std::nullopt;
  Actor user = user_of(rows[0]);
  auto roles = db.query(kSelectRoles, {user_id});
  for (std::size_t i = 0; i < roles.size(); ++i) user.roles.push_back(roles[i].text("role"));
  return user;
}

Actor authenticate(db::Connection& db, const http::Request& request, Seconds now, Seconds idle_timeout) {
  std::string token;
  bool from_cookie = false;
  const std::string authorization = request.header("authorization");
  if (authorization.rfind("Bearer ", 0) == 0) {
    token = authorization.substr(7);
  } else {
    token = cookie_token(request);
    from_cookie = !token.empty();
  }
  if (token.empty() || token.size() > 200) throw unauthenticated();
  auto rows = db.query(kSelectSessionUser, {token_digest(token)});
  if (rows.empty()) throw unauthenticated();
  auto row = rows[0];
  const auto session_id = row.integer("session_id");
  const auto last_seen = row.integer("last_seen_at");
  if (now - last_seen > idle_timeout) {
    end_session(db, session_id);
    throw session_expired();
  }
  if (row.is_null("id")) throw unauthenticated();  // the user was deactivated
  Actor user = user_of(row);
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (!rows[i].is_null("role")) user.roles.push_back(rows[i].text("role"));
  user.session_id = session_id;
  user.csrf_token = row.text("csrf_token");
  user.reach_generation = row.integer("reach_generation");
  user.writes = http::is_unsafe_method(request.method);
  if (!user.writes) user.calendar_generation = row.integer("calendar_generation");
  if (from_cookie && http::is_unsafe_method(request.method) &&
      !constant_time_equal(request.header("x-csrf-token"), user.csrf_token))
    throw ApiError(ErrorKind::forbidden, "csrf_failed", "请求缺少有效的 CSRF 令牌，请刷新页面后重试",
                   "Missing or invalid CSRF token; reload the page and retry");
  if (now - last_seen >= kTouchInterval)
    db.execute("UPDATE sessions SET last_seen_at = ? WHERE id = ?", {now, session_id});
  return user;
}

std::string session_cookie(const std::string& token, bool secure) {
  return std::string(kSessionCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict" +
         (secure ? "; Secure" : "");
}

std::string cleared_session_cookie(bool secure) {
  return std::string(kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0" +
         (secure ? "; Secure" : "");
}

}  // namespace rw::accounts
