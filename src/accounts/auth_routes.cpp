#include "accounts/auth_routes.hpp"

#include <algorithm>

#include "accounts/password.hpp"
#include "accounts/sessions.hpp"
#include "accounts/throttle.hpp"
#include "accounts/user_service.hpp"
#include "audit/audit_log.hpp"
#include "platform/http/problem.hpp"
#include "platform/json_input.hpp"

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
const ThrottlePolicy kAccountPolicy{};
const ThrottlePolicy kAddressPolicy{20, 15 * 60, 15 * 60};

// When the caller is locked out, until when: the later of the account-at-address and the address lock.
std::optional<Seconds> sign_in_locked_until(db::Connection& db, const std::string& username,
                                            const std::string& address, Seconds now) {
  auto times = [&](const char* sql, db::Params params) {
    std::vector<Seconds> out;
    auto rows = db.query(sql, params);
    for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(rows[i].integer("at"));
    return out;
  };
  const auto account =
      locked_until(times(kSelectAccountFailures, {username, address, now - kAccountPolicy.horizon()}), now,
                   kAccountPolicy);
  const auto by_address = locked_until(
      times(kSelectAddressFailures, {address, now - kAddressPolicy.horizon()}), now, kAddressPolicy);
  if (account && by_address) return std::max(*account, *by_address);
  return account ? account : by_address;
}
constexpr const char* kInsertFailure =
    "INSERT INTO login_failures (username, at, remote_addr) VALUES (?, ?, ?)";

nlohmann::json me_json(const Actor& user) {
  return {{"id", user.id},
          {"username", user.username},
          {"display_name", user.display_name},
          {"phone", user.phone},
          {"email", user.email},
          {"org", {{"id", user.org_id}, {"name", user.org_name}, {"type", user.org_type}}},
          {"roles", user.roles},
          {"permissions", permissions_for(user)},
          {"csrf_token", user.csrf_token}};
}

http::Response login(api::Context& context) {
  auto body = context.body();
  Fields fields(body);
  const std::string username = normalize_username(fields.required_text("username", 1, 64));
  const std::string password = fields.required_text("password", 1, 256);
  fields.finish();

  const Seconds now = context.clock.now();
  const auto& address = context.request.remote_address;
  if (auto until = sign_in_locked_until(context.db, username, address, now)) {
    const auto minutes = std::to_string((*until - now + 59) / 60);
    auto response = http::problem_response(
        {ErrorKind::too_many_requests, "too_many_attempts", "登录失败次数过多，请 " + minutes + " 分钟后再试",
         "Too many failed sign-ins; try again in " + minutes + " minutes"});
    response.set_header("Retry-After", std::to_string(*until - now));
    return response;
  }

  auto found = context.db.query(kSelectLogin, {username});
  bool ok = false;
  if (found.empty()) {
    spend_verify_time(password);
  } else {
    auto row = found[0];
    ok = verify_password(row.text("password_hash"), password) && row.integer("active") == 1 &&
         row.integer("org_active") == 1;
  }
  if (!ok) {
    // Returned, not thrown: the request's transaction commits so the failure counts.
    context.db.execute(kInsertFailure, {username, now, address});
    return http::problem_response({ErrorKind::unauthenticated, "invalid_credentials", "用户名或密码错误",
                                   "Wrong username or password"});
  }

  const auto user_id = found[0].integer("id");
  context.db.execute(kClearAccountFailures, {username, address});
  context.db.execute("UPDATE users SET last_login_at = ? WHERE id = ?", {format_utc(now), user_id});
  auto session = create_session(context.db, user_id, now, address);
  auto user = *load_user(context.db, user_id);
  user.csrf_token = session.csrf_token;
  audit::record_as(context.db, context.now_text(), context.request.request_id, user.id, user.username,
                   {"session", std::to_string(user.id), "login", user.org_id, nlohmann::json::object()});
  auto response = api::json_ok({{"token", session.token},
                                {"csrf_token", session.csrf_token},
                                {"expires_at", format_utc(now + context.settings.session_idle)},
                                {"user", me_json(user)}});
  response.set_header("Set-Cookie", session_cookie(session.token, context.secure_cookies()));
  response.user_id = user.id;
  return response;
}

// Signing out is idempotent: without a (live) session there is nothing to end, and the answer is still 204.
http::Response logout(api::Context& context) {
  try {
    context.user =
        authenticate(context.db, context.request, context.clock.now(), context.settings.session_idle);
  } catch (const ApiError& error) {
    if (error.kind != ErrorKind::unauthenticated) throw;
  }
  if (context.user) {
    end_session(context.db, context.me().session_id);
    audit::record(context.op(), {"session", std::to_string(context.me().id), "logout", context.me().org_id,
                                 nlohmann::json::object()});
  }
  auto response = http::no_content();
  response.set_header("Set-Cookie", cleared_session_cookie(context.secure_cookies()));
  return response;
}

http::Response get_me(api::Context& context) { return api::json_ok(me_json(context.me())); }

http::Response update_me(api::Context& context) {
  auto body = context.body();
  Fields fields(body);
  auto display_name = fields.optional_nonempty_text("display_name", 50);
  auto phone = fields.optional_text("phone", 30);
  auto email = fields.optional_email("email");
  fields.finish();

  const auto& me = context.me();
  nlohmann::json before = {{"display_name", me.display_name}, {"phone", me.phone}, {"email", me.email}};
  nlohmann::json after = before;
  if (display_name) after["display_name"] = *display_name;
  if (phone) after["phone"] = *phone;
  if (email) after["email"] = *email;
  context.db.execute("UPDATE users SET display_name = ?, phone = ?, email = ?, updated_at = ? WHERE id = ?",
                     {after["display_name"].get<std::string>(), after["phone"].get<std::string>(),
                      after["email"].get<std::string>(), context.now_text(), me.id});
  audit::record_update(context.op(), "user", me.id, me.org_id, before, after);
  auto user = *load_user(context.db, me.id);
  user.csrf_token = me.csrf_token;
  return api::json_ok(me_json(user));
}

http::Response change_password(api::Context& context) {
  auto body = context.body();
  Fields fields(body);
  const auto current = fields.required_text("current_password", 1, 256);
  const auto next = fields.required_text("new_password", 1, 256);
  fields.finish();
  if (auto weak = check_password_policy(next, "new_password")) throw validation_failed({*weak});
  const auto& me = context.me();
  auto hash =
      context.db.query("SELECT password_hash FROM users WHERE id = ?", {me.id})[0].text("password_hash");
  if (!verify_password(hash, current))
    throw invalid_field("current_password", "wrong_password", "当前密码不正确",
                        "The current password is wrong");
  context.db.execute("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?",
                     {hash_password(next), context.now_text(), me.id});
  // Other devices signed in with the old password are signed out; this session stays.
  context.db.execute("DELETE FROM sessions WHERE user_id = ? AND id <> ?", {me.id, me.session_id});
  audit::record(context.op(),
                {"user", std::to_string(me.id), "password", me.org_id, nlohmann::json::object()});
  return http::no_content();
}

}  // namespace

void add_auth_routes(api::Routes& routes) {
  routes.post("/auth/login", api::kPublic, login);
  routes.post("/auth/logout", api::kPublic, logout);
  routes.get("/me", api::kSignedIn, get_me);
  routes.patch("/me", api::kSignedIn, update_me);
  routes.post("/me/password", api::kSignedIn, change_password);
}

}  // namespace rw::accounts
