#include "notify/notification_store.hpp"

#include "platform/sql_filter.hpp"

namespace rw::notify {
namespace {

constexpr const char* kInsertNotification =
    "INSERT INTO notifications (user_id, kind, title, title_en, body, body_en, object_type, object_id, "
    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
// Followed by the placeholders of the roles and ")".
constexpr const char* kSelectOrgUsersWithRoles =
    "SELECT DISTINCT u.id FROM users u JOIN user_roles r ON r.user_id = u.id "
    "WHERE u.org_id = ? AND u.active = 1 AND r.role IN (";
constexpr const char* kCountUnread =
    "SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL";
constexpr const char* kMarkRead =
    "UPDATE notifications SET read_at = COALESCE(read_at, ?) WHERE id = ? AND user_id = ?";
constexpr const char* kMarkAllRead =
    "UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL";

}  // namespace

const char* const kSelectNotification = "SELECT n.* FROM notifications n";
const CountFrom kCountNotification{"notifications n"};

void insert_notification(db::Connection& db, std::int64_t user_id, const Message& message,
                         const std::string& now) {
  db.execute(kInsertNotification,
             {user_id, message.kind, message.title, message.title_en, message.body, message.body_en,
              message.object_type, message.object_id ? db::Value(message.object_id) : db::null_value(), now});
}

std::vector<std::int64_t> org_users_with_roles(db::Connection& db, std::int64_t org_id,
                                               std::initializer_list<std::string_view> roles) {
  db::Params params{org_id};
  for (auto role : roles) params.emplace_back(std::string(role));
  return db.query(kSelectOrgUsersWithRoles + placeholders(roles.size()) + ")", params).integers("id");
}

nlohmann::json notification_json(const db::Row& row) {
  return {
      {"id", row.integer("id")},
      {"kind", row.text("kind")},
      {"title", row.text("title")},
      {"title_en", row.text("title_en")},
      {"body", row.text("body")},
      {"body_en", row.text("body_en")},
      {"object_type", row.text("object_type")},
      {"object_id", row.is_null("object_id") ? nlohmann::json() : nlohmann::json(row.integer("object_id"))},
      {"created_at", row.text("created_at")},
      {"read_at", row.is_null("read_at") ? nlohmann::json() : nlohmann::json(row.text("read_at"))}};
}

std::int64_t unread_count(db::Connection& db, std::int64_t user_id) {
  return db.query(kCountUnread, {user_id})[0].integer("n");
}

bool mark_notification_read(db::Connection& db, std::int64_t id, std::int64_t user_id,
                            const std::string& now) {
  return db.execute(kMarkRead, {now, id, user_id}) != 0;
}

std::int64_t mark_all_notifications_read(db::Connection& db, std::int64_t user_id, const std::string& now) {
  return db.execute(kMarkAllRead, {now, user_id});
}

}  // namespace rw::notify
