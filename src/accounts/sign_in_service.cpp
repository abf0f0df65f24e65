#include "accounts/sign_in_service.hpp"

#include <algorithm>

#include "accounts/password.hpp"
#include "accounts/password_policy.hpp"
#include "accounts/sign_in_store.hpp"
#include "accounts/throttle.hpp"
#include "accounts/user_store.hpp"
#include "audit/audit_log.hpp"
#include "platform/json_input.hpp"

namespace rw::accounts {
namespace {

const ThrottlePolicy kAccountPolicy{};
const ThrottlePolicy kAddressPolicy{20, 15 * 60, 15 * 60};

// When the caller is locked out, until when: the later of the account-at-address and the address lock.
std::optional<Seconds> sign_in_locked_until(db::Connection& db, const std::string& username,
                                            const std::string& address, Seconds now) {
  const auto account = locked_until(
      account_failure_times(db, username, address, now - kAccountPolicy.horizon()), now, kAccountPolicy);
  const auto by_address =
      locked_until(address_failure_times(db, address, now - kAddressPolicy.horizon()), now, kAddressPolicy);
  if (account && by_address) return std::max(*account, *by_address);
  return account ? account : by_address;
}

}  // namespace

SignIn sign_in(db::Connection& db, const Clock& clock, std::string_view trace_id,
               const Credentials& credentials) {
  SignIn attempt;
  attempt.at = clock.now();
  const auto& username = credentials.username;
  const auto& address = credentials.remote_address;
  const auto locked = [&] {
    const auto until = sign_in_locked_until(db, username, address, attempt.at);
    if (until) {
      attempt.outcome = SignIn::Outcome::locked;
      attempt.locked_until = *until;
    }
    return until.has_value();
  };
  if (locked()) return attempt;
  const auto account = find_login_account(db, username);
  bool ok = false;
  if (!account)
    spend_verify_time(credentials.password);
  else
    ok = verify_password(account->password_hash, credentials.password) && account->active &&
         account->org_active;
  db::Transaction transaction(db, true);
  if (!ok) {
    record_failure(db, username, attempt.at, address);
    transaction.commit();
    return attempt;
  }
  if (locked()) return attempt;  // attempts running beside this one may have locked it since the check above
  clear_account_failures(db, username, address);
  set_last_login(db, account->id, format_utc(attempt.at));
  attempt.session = create_session(db, account->id, attempt.at, address);
  auto user = *load_user(db, account->id);
  user.csrf_token = attempt.session.csrf_token;
  audit::record_as(db, format_utc(clock.now()), trace_id, user.id, user.username,
                   {"session", std::to_string(user.id), "login", user.org_id, nlohmann::json::object()});
  transaction.commit();
  attempt.outcome = SignIn::Outcome::signed_in;
  attempt.user = std::move(user);
  return attempt;
}

void sign_out(const Operation& op) {
  end_session(op.db, op.actor.session_id);
  audit::record(
      op, {"session", std::to_string(op.actor.id), "logout", op.actor.org_id, nlohmann::json::object()});
}

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

nlohmann::json update_me(const Operation& op, const nlohmann::json& body) {
  Fields fields(body);
  auto display_name = fields.optional_nonempty_text("display_name", 50);
  auto phone = fields.optional_text("phone", 30);
  auto email = fields.optional_email("email");
  fields.finish();

  const auto& me = op.actor;
  nlohmann::json before = {{"display_name", me.display_name}, {"phone", me.phone}, {"email", me.email}};
  nlohmann::json after = before;
  if (display_name) after["display_name"] = *display_name;
  if (phone) after["phone"] = *phone;
  if (email) after["email"] = *email;
  update_own_contact(op.db, me.id, after["display_name"].get<std::string>(),
                     after["phone"].get<std::string>(), after["email"].get<std::string>(), op.now_text());
  audit::record_update(op, "user", me.id, me.org_id, before, after);
  auto user = *load_user(op.db, me.id);
  user.csrf_token = me.csrf_token;
  return me_json(user);
}

void change_password(const Operation& op, const nlohmann::json& body) {
  Fields fields(body);
  const auto current = fields.required_text("current_password", 1, 256);
  const auto next = fields.required_text("new_password", 1, 256);
  fields.finish();
  const auto& me = op.actor;
  if (auto weak = check_password_policy(next, "new_password", {me.username, me.display_name, me.phone}))
    throw validation_failed({*weak});
  if (!verify_password(password_hash_of(op.db, me.id), current))
    throw invalid_field("current_password", "wrong_password", "当前密码不正确",
                        "The current password is wrong");
  update_password_hash(op.db, me.id, hash_password(next), op.now_text());
  // Other devices signed in with the old password are signed out; this session stays.
  end_other_sessions(op.db, me.id, me.session_id);
  audit::record(op, {"user", std::to_string(me.id), "password", me.org_id, nlohmann::json::object()});
}

}  // namespace rw::accounts
