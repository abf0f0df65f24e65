#include "accounts/user_store.hpp"

#include "platform/errors.hpp"

namespace rw::accounts {
namespace {

constexpr const char* kInsertUser =
    "INSERT INTO users (org_id, username, display_name, password_hash, phone, email, active, created_at, "
    "updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id";
// Followed by the placeholders of the ids and kRolesOrder.
constexpr const char* kSelectRolesOfUsers = "SELECT user_id, role FROM user_roles WHERE user_id IN (";
constexpr const char* kRolesOrder = ") ORDER BY role";
constexpr const char* kDeleteRoles = "DELETE FROM user_roles WHERE user_id = ?";
constexpr const char* kInsertRole = "INSERT INTO user_roles (user_id, role) VALUES (?, ?)";
constexpr const char* kSelectUsername = "SELECT 1 AS one FROM users WHERE username = ?";
constexpr const char* kUpdateUser =
    "UPDATE users SET display_name = ?, active = ?, phone = ?, email = ?, updated_at = ? WHERE id = ?";
constexpr const char* kUpdateOwnContact =
    "UPDATE users SET display_name = ?, phone = ?, email = ?, updated_at = ? WHERE id = ?";
constexpr const char* kSelectPasswordHash = "SELECT password_hash FROM users WHERE id = ?";
constexpr const char* kUpdatePassword = "UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?";

}  // namespace

const char* const kSelectUser =
    "SELECT u.id, u.username, u.display_name, u.org_id, o.name AS org_name, u.phone, u.email, u.active, "
    "u.created_at, u.updated_at, u.last_login_at FROM users u JOIN organizations o ON o.id = u.org_id";
const CountFrom kCountUser{"users u"};

std::map<std::int64_t, std::vector<std::string>> roles_of(db::Connection& db,
                                                          const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, std::vector<std::string>> out;
  if (ids.empty()) return out;
  auto rows = db.query(kSelectRolesOfUsers + placeholders(ids.size()) + kRolesOrder,
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

nlohmann::json find_user(db::Connection& db, const SqlFilter& scope, std::int64_t id) {
  SqlFilter where = scope;
  where.add("u.id = ?", id);
  auto rows = db.query(std::string(kSelectUser) + where.sql(), where.params());
  if (rows.empty()) throw not_found();
  return user_json(rows[0], roles_of(db, {id})[id]);
}

bool username_taken(db::Connection& db, const std::string& username) {
  return !db.query(kSelectUsername, {username}).empty();
}

std::int64_t insert_user(db::Connection& db, const NewUser& user, const std::string& now) {
  const auto id = db.query(kInsertUser, {user.org_id, user.username, user.display_name, user.password_hash,
                                         user.phone, user.email, now, now})[0]
                      .integer("id");
  save_roles(db, id, user.roles);
  return id;
}

void update_user_row(db::Connection& db, std::int64_t id, const UserProfile& profile,
                     const std::string& now) {
  db.execute(kUpdateUser, {profile.display_name, std::int64_t{profile.active ? 1 : 0}, profile.phone,
                           profile.email, now, id});
}

void save_roles(db::Connection& db, std::int64_t user_id, const std::vector<std::string>& roles) {
  db.execute(kDeleteRoles, {user_id});
  for (const auto& role : roles) db.execute(kInsertRole, {user_id, role});
}

void update_own_contact(db::Connection& db, std::int64_t id, const std::string& display_name,
                        const std::string& phone, const std::string& email, const std::string& now) {
  db.execute(kUpdateOwnContact, {display_name, phone, email, now, id});
}

std::string password_hash_of(db::Connection& db, std::int64_t id) {
  return db.query(kSelectPasswordHash, {id})[0].text("password_hash");
}

void update_password_hash(db::Connection& db, std::int64_t id, const std::string& password_hash,
                          const std::string& now) {
  db.execute(kUpdatePassword, {password_hash, now, id});
}

}  // namespace rw::accounts
