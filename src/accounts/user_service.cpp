#include "accounts/user_service.hpp"

#include <algorithm>

#include "access/visibility.hpp"
#include "accounts/password.hpp"
#include "accounts/password_policy.hpp"
#include "accounts/sessions.hpp"
#include "accounts/user_store.hpp"
#include "audit/audit_log.hpp"
#include "platform/json_input.hpp"
#include "platform/paging.hpp"

namespace rw::accounts {
namespace {

// The user as JSON when the actor manages its organization; 404 otherwise.
nlohmann::json visible_user(const Operation& op, std::int64_t id) {
  return find_user(op.db, access::read_filter(op.db, op.actor, access::kUser), id);
}

}  // namespace

nlohmann::json list_users(const Operation& op, const std::map<std::string, std::string>& query) {
  const auto& me = op.actor;
  require_permission(me, "user:read");
  const auto page = parse_page(query);
  SqlFilter where = access::read_filter(op.db, me, access::kUser);
  if (auto org = query_id(query, "org_id")) where.add("u.org_id = ?", *org);
  if (auto role = query_choice(query, "role", kRoles))
    where.add("EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = u.id AND ur.role = ?)", *role);
  if (auto active = query_bool(query, "active")) where.add("u.active = ?", std::int64_t{*active ? 1 : 0});
  if (auto q = query_text(query, "q"))
    where.add(any_column_holds(op.db.dialect(), {"u.username", "u.display_name"}, *q));
  auto [rows, total] = select_page(op.db, kSelectUser, kCountUser, where, "u.id", page);
  const auto ids = rows.integers("id");
  auto roles = roles_of(op.db, ids);
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) items.push_back(user_json(rows[i], roles[ids[i]]));
  return page_json(items, total, page);
}

nlohmann::json get_user(const Operation& op, std::int64_t id) {
  require_permission(op.actor, "user:read");
  return visible_user(op, id);
}

nlohmann::json create_user(const Operation& op, const nlohmann::json& body) {
  const auto& me = op.actor;
  require_permission(me, "user:write");
  Fields fields(body);
  const auto username = normalize_username(fields.required_text("username", 3, 64));
  const auto display_name = fields.required_text("display_name", 1, 50);
  const auto org_id = fields.required_id("org_id");
  const auto roles = fields.optional_choices("roles", kRoles);
  const auto password = fields.required_text("password", 1, 256);
  const auto phone = fields.optional_text("phone", 30);
  const auto email = fields.optional_email("email");
  if (!username.empty() && !valid_username(username))
    fields.add_error("username", "invalid_username", "用户名只能包含字母、数字和 . _ - @",
                     "may contain only letters, digits and . _ - @");
  if (!roles || roles->empty())
    fields.add_error("roles", "required", "至少选择一个角色", "choose at least one role");
  if (!password.empty())
    if (auto weak = check_password_policy(password, "password", {username, display_name, phone.value_or("")}))
      fields.add_error(weak->field, weak->code, weak->message, weak->message_en);
  if (!access::may_change(op.db, me, access::kUser, {{"org_id", org_id}}))
    fields.add_error("org_id", "unknown_organization", "机构不存在", "the organization does not exist");
  fields.finish();
  if (username_taken(op.db, username))
    throw conflict("duplicate_username", "用户名已被使用：" + username, "The username is taken: " + username);
  const auto id = insert_user(op.db,
                              {org_id, username, display_name, *roles, hash_password(password),
                               phone.value_or(""), email.value_or("")},
                              op.now_text());
  auto created = visible_user(op, id);
  audit::record(op, {"user", std::to_string(id), "create", org_id, audit::created(created)});
  return created;
}

nlohmann::json update_user(const Operation& op, std::int64_t id, const nlohmann::json& body) {
  const auto& me = op.actor;
  require_permission(me, "user:write");
  auto before = visible_user(op, id);
  Fields fields(body);
  auto display_name = fields.optional_nonempty_text("display_name", 50);
  auto roles = fields.optional_choices("roles", kRoles);
  if (roles && roles->empty())
    fields.add_error("roles", "required", "至少选择一个角色", "choose at least one role");
  auto active = fields.optional_bool("active");
  auto phone = fields.optional_text("phone", 30);
  auto email = fields.optional_email("email");
  if (id == me.id &&
      (active == false || (roles && std::find(roles->begin(), roles->end(), "admin") == roles->end())))
    fields.add_error(active == false ? "active" : "roles", "cannot_change_own_access",
                     "不能停用自己或去掉自己的管理员角色",
                     "you cannot deactivate yourself or drop your own admin role");
  fields.finish();
  auto after = before;
  if (display_name) after["display_name"] = *display_name;
  if (roles) {
    auto sorted = *roles;
    std::sort(sorted.begin(), sorted.end());
    after["roles"] = sorted;
  }
  if (active) after["active"] = *active;
  if (phone) after["phone"] = *phone;
  if (email) after["email"] = *email;
  update_user_row(op.db, id,
                  {after["display_name"].get<std::string>(), after["active"].get<bool>(),
                   after["phone"].get<std::string>(), after["email"].get<std::string>()},
                  op.now_text());
  if (roles) save_roles(op.db, id, after["roles"].get<std::vector<std::string>>());
  if (active == false) end_user_sessions(op.db, id);
  auto saved = visible_user(op, id);
  after.erase("updated_at");
  audit::record_update(op, "user", id, before["org_id"].get<std::int64_t>(), before, after);
  return saved;
}

void reset_password(const Operation& op, std::int64_t id, const nlohmann::json& body) {
  require_permission(op.actor, "user:write");
  auto user = visible_user(op, id);
  Fields fields(body);
  const auto password = fields.required_text("new_password", 1, 256);
  fields.finish();
  const PasswordOwner owner{user["username"].get<std::string>(), user["display_name"].get<std::string>(),
                            user["phone"].get<std::string>()};
  if (auto weak = check_password_policy(password, "new_password", owner)) throw validation_failed({*weak});
  update_password_hash(op.db, id, hash_password(password), op.now_text());
  end_user_sessions(op.db, id);
  audit::record(op, {"user", std::to_string(id), "password", user["org_id"].get<std::int64_t>(),
                     nlohmann::json::object()});
}

nlohmann::json end_sessions(const Operation& op, std::int64_t id) {
  require_permission(op.actor, "user:write");
  const auto user = visible_user(op, id);
  const auto ended = end_user_sessions(op.db, id);
  audit::record(op, {"user",
                     std::to_string(id),
                     "end_sessions",
                     user["org_id"].get<std::int64_t>(),
                     {{"sessions", ended}}});
  return {{"ended", ended}};
}

bool valid_username(const std::string& username) {
  if (username.size() < 3 || username.size() > 64) return false;
  return std::all_of(username.begin(), username.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '.' || c == '_' || c == '-' || c == '@';
  });
}

std::string normalize_username(std::string username) {
  std::transform(username.begin(), username.end(), username.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return username;
}

}  // namespace rw::accounts
