#include "accounts/users.hpp"

#include <algorithm>

#include "access/visibility.hpp"
#include "accounts/password.hpp"
#include "accounts/sessions.hpp"
#include "audit/audit_log.hpp"
#include "platform/json_input.hpp"
#include "platform/paging.hpp"

namespace rw::accounts {
namespace {

constexpr const char* kSelectUser =
    "SELECT u.id, u.username, u.display_name, u.org_id, o.name AS org_name, u.phone, u.email, u.active, "
    "u.created_at, u.updated_at, u.last_login_at FROM users u JOIN organizations o ON o.id = u.org_id";
constexpr const char* kInsertUser =
    "INSERT INTO users (org_id, username, display_name, password_hash, phone, email, active, created_at, "
    "updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id";

std::map<std::int64_t, std::vector<std::string>> roles_of(db::Connection& db,
                                                          const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, std::vector<std::string>> out;
  if (ids.empty()) return out;
  auto rows = db.query("SELECT user_id, role FROM user_roles WHERE user_id IN (" + placeholders(ids.size()) +
                           ") ORDER BY role",
                       db::Params(ids.begin(), ids.end()));
  for (std::size_t i = 0; i < rows.size(); ++i)
    out[rows[i].integer("user_id")].push_back(rows[i].text("role"));
  return out;
}

nlohmann::json user_json(const db::Row& row, std::vector<std::string> roles) {
  return {{"id", row.integer("id")},
          {"username", row.text("username")},
          {"display_name", row.text("display_name")},
          {"org_id", row.integer("org_id")},
          {"org_name", row.text("org_name")},
          {"roles", std::move(roles)},
          {"phone", row.text("phone")},
          {"email", row.text("email")},
          {"active", row.integer("active") == 1},
          {"created_at", row.text("created_at")},
          {"updated_at", row.text("updated_at")},
          {"last_login_at",
           row.is_null("last_login_at") ? nlohmann::json() : nlohmann::json(row.text("last_login_at"))}};
}

// The user as JSON when the caller manages its organization; 404 otherwise.
nlohmann::json find_user(api::Context& context, std::int64_t id) {
  SqlFilter where = access::read_filter(context.db, context.me(), access::kUser);
  where.add("u.id = ?", id);
  auto rows = context.db.query(std::string(kSelectUser) + where.sql(), where.params());
  if (rows.empty()) throw not_found();
  return user_json(rows[0], roles_of(context.db, {id})[id]);
}

void save_roles(db::Connection& db, std::int64_t user_id, const std::vector<std::string>& roles) {
  db.execute("DELETE FROM user_roles WHERE user_id = ?", {user_id});
  for (const auto& role : roles)
    db.execute("INSERT INTO user_roles (user_id, role) VALUES (?, ?)", {user_id, role});
}

http::Response list_users(api::Context& context) {
  const auto& me = context.me();
  require_permission(me, "user:read");
  const auto& query = context.request.query;
  const auto page = parse_page(query);
  SqlFilter where = access::read_filter(context.db, me, access::kUser);
  if (auto org = query_id(query, "org_id")) where.add("u.org_id = ?", *org);
  if (auto role = query_choice(query, "role", kRoles))
    where.add("EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = u.id AND ur.role = ?)", *role);
  if (auto active = query_bool(query, "active")) where.add("u.active = ?", std::int64_t{*active ? 1 : 0});
  if (auto q = query_text(query, "q"))
    where.add("(u.username LIKE ? ESCAPE '\\' OR u.display_name LIKE ? ESCAPE '\\')",
              db::Params{db::like_contains(*q), db::like_contains(*q)});
  auto [rows, total] =
      select_page(context.db, kSelectUser, "SELECT COUNT(*) AS n FROM users u", where, "u.id", page);
  const auto ids = rows.integers("id");
  auto roles = roles_of(context.db, ids);
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) items.push_back(user_json(rows[i], roles[ids[i]]));
  return api::json_ok(page_json(items, total, page));
}

http::Response get_user(api::Context& context) {
  require_permission(context.me(), "user:read");
  return api::json_ok(find_user(context, context.id()));
}

http::Response create_user(api::Context& context) {
  const auto& me = context.me();
  require_permission(me, "user:write");
  auto body = context.body();
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
    if (auto weak = check_password_policy(password, "password"))
      fields.add_error(weak->field, weak->code, weak->message, weak->message_en);
  if (!access::may_change(context.db, me, access::kUser, {{"org_id", org_id}}))
    fields.add_error("org_id", "unknown_organization", "机构不存在", "the organization does not exist");
  fields.finish();
  if (!context.db.query("SELECT 1 AS one FROM users WHERE username = ?", {username}).empty())
    throw conflict("duplicate_username", "用户名已被使用：" + username, "The username is taken: " + username);
  const auto id = insert_user(context.db,
                              {org_id, username, display_name, *roles, hash_password(password),
                               phone.value_or(""), email.value_or("")},
                              context.now_text());
  auto created = find_user(context, id);
  audit::record(context.op(), {"user", std::to_string(id), "create", org_id, audit::created(created)});
  return api::json_ok(created, 201);
}

http::Response update_user(api::Context& context) {
  const auto& me = context.me();
  require_permission(me, "user:write");
  const auto id = context.id();
  auto before = find_user(context, id);
  auto body = context.body();
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
  context.db.execute(
      "UPDATE users SET display_name = ?, active = ?, phone = ?, email = ?, updated_at = ? WHERE id = ?",
      {after["display_name"].get<std::string>(), std::int64_t{after["active"].get<bool>() ? 1 : 0},
       after["phone"].get<std::string>(), after["email"].get<std::string>(), context.now_text(), id});
  if (roles) save_roles(context.db, id, after["roles"].get<std::vector<std::string>>());
  if (active == false) end_user_sessions(context.db, id);
  auto saved = find_user(context, id);
  after.erase("updated_at");
  audit::record_update(context.op(), "user", id, before["org_id"].get<std::int64_t>(), before, after);
  return api::json_ok(saved);
}

http::Response reset_password(api::Context& context) {
  require_permission(context.me(), "user:write");
  const auto id = context.id();
  auto user = find_user(context, id);
  auto body = context.body();
  Fields fields(body);
  const auto password = fields.required_text("new_password", 1, 256);
  fields.finish();
  if (auto weak = check_password_policy(password, "new_password")) throw validation_failed({*weak});
  context.db.execute("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?",
                     {hash_password(password), context.now_text(), id});
  end_user_sessions(context.db, id);
  audit::record(context.op(), {"user", std::to_string(id), "password", user["org_id"].get<std::int64_t>(),
                               nlohmann::json::object()});
  return http::no_content();
}

}  // namespace

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

std::int64_t insert_user(db::Connection& db, const NewUser& user, const std::string& now) {
  const auto id = db.query(kInsertUser, {user.org_id, user.username, user.display_name, user.password_hash,
                                         user.phone, user.email, now, now})[0]
                      .integer("id");
  save_roles(db, id, user.roles);
  return id;
}

void add_user_routes(api::Routes& routes) {
  routes.get("/users", "user:read", list_users);
  routes.get("/users/{id}", "user:read", get_user);
  routes.post("/users", "user:write", create_user);
  routes.patch("/users/{id}", "user:write", update_user);
  routes.post("/users/{id}/password", "user:write", reset_password);
}

}  // namespace rw::accounts
