#include "accounts/auth_routes.hpp"

#include "accounts/sign_in_service.hpp"
#include "accounts/user_service.hpp"
#include "platform/http/problem.hpp"
#include "platform/json_input.hpp"

namespace rw::accounts {
namespace {

http::Response refusal(const SignIn& attempt) {
  if (attempt.outcome == SignIn::Outcome::invalid_credentials)
    return http::problem_response({ErrorKind::unauthenticated, "invalid_credentials", "用户名或密码错误",
                                   "Wrong username or password"});
  const auto wait = attempt.locked_until - attempt.at;
  const auto minutes = std::to_string((wait + 59) / 60);
  return http::retry_later_response(
      {ErrorKind::too_many_requests, "too_many_attempts", "登录失败次数过多，请 " + minutes + " 分钟后再试",
       "Too many failed sign-ins; try again in " + minutes + " minutes"},
      wait);
}

http::Response login(api::Context& context) {
  auto body = context.body();
  Fields fields(body);
  const Credentials credentials{normalize_username(fields.required_text("username", 1, 64)),
                                fields.required_text("password", 1, 256), context.request.remote_address};
  fields.finish();
  // A refusal is answered, not thrown; sign_in has written the failure in its own transaction.
  auto attempt = sign_in(context.db, context.clock, context.request.request_id, credentials);
  if (attempt.outcome != SignIn::Outcome::signed_in) return refusal(attempt);
  const auto& user = *attempt.user;
  auto response = api::json_ok({{"token", attempt.session.token},
                                {"csrf_token", attempt.session.csrf_token},
                                {"expires_at", format_utc(attempt.at + context.settings.session_idle)},
                                {"user", me_json(user)}});
  response.set_header("Set-Cookie", session_cookie(attempt.session.token, context.secure_cookies()));
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
  if (context.user) sign_out(context.op());
  auto response = http::no_content();
  response.set_header("Set-Cookie", cleared_session_cookie(context.secure_cookies()));
  return response;
}

http::Response get_me(api::Context& context) { return api::json_ok(me_json(context.me())); }

http::Response patch_me(api::Context& context) {
  return api::json_ok(update_me(context.op(), context.body()));
}

http::Response set_password(api::Context& context) {
  change_password(context.op(), context.body());
  return http::no_content();
}

}  // namespace

void add_auth_routes(api::Routes& routes) {
  routes.post("/auth/login", api::kPublic, login, api::WriteScope::handler);
  routes.post("/auth/logout", api::kPublic, logout);
  routes.get("/me", api::kSignedIn, get_me);
  routes.patch("/me", api::kSignedIn, patch_me);
  routes.post("/me/password", api::kSignedIn, set_password);
}

}  // namespace rw::accounts
