#pragma once
// The SQL of in-app notifications: a message as stored, who receives it, a user's reads and marks.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "platform/db/database.hpp"
#include "platform/sql_filter.hpp"

namespace rw::notify {

struct Message {
  std::string kind;  // e.g. commission_received, deadline_due_soon, deadline_overdue
  std::string title;
  std::string title_en;
  std::string body;
  std::string body_en;
  std::string object_type;  // what the message is about, for the web to link to it
  std::int64_t object_id = 0;
};

extern const char* const kSelectNotification;
extern const CountFrom kCountNotification;

void insert_notification(db::Connection& db, std::int64_t user_id, const Message& message,
                         const std::string& now);
// The active users of the organization holding any of `roles`.
std::vector<std::int64_t> org_users_with_roles(db::Connection& db, std::int64_t org_id,
                                               std::initializer_list<std::string_view> roles);
nlohmann::json notification_json(const db::Row& row);
std::int64_t unread_count(db::Connection& db, std::int64_t user_id);
// Whether the user has the notification; one read before keeps its first read time.
bool mark_notification_read(db::Connection& db, std::int64_t id, std::int64_t user_id,
                            const std::string& now);
// How many were unread.
std::int64_t mark_all_notifications_read(db::Connection& db, std::int64_t user_id, const std::string& now);

}  // namespace rw::notify
