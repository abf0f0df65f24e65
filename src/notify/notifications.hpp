#pragma once
// In-app notifications: messages to people about things they must act on (a commission arrived, a
// deadline is near or past). Written inside the caller's transaction.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "api/context.hpp"
#include "platform/db/database.hpp"

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

// Each user once; returns how many were notified.
std::size_t notify_users(db::Connection& db, const std::vector<std::int64_t>& user_ids,
                         const Message& message, const std::string& now);
// The active users of the organization holding any of `roles`.
std::vector<std::int64_t> org_users_with_roles(db::Connection& db, std::int64_t org_id,
                                               std::initializer_list<std::string_view> roles);

void add_routes(api::Routes& routes);

}  // namespace rw::notify
