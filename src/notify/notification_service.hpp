#pragma once
// In-app notifications 消息: messages to people about things they must act on (a commission arrived, a
// deadline is near or past), written inside the caller's transaction; each user reads and marks only
// their own.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "accounts/operation.hpp"
#include "notify/notification_store.hpp"

namespace rw::notify {

// Each user once; returns how many were notified.
std::size_t notify_users(db::Connection& db, const std::vector<std::int64_t>& user_ids,
                         const Message& message, const std::string& now);

// One page of the actor's own messages, newest first (?unread=true: only unread ones), with the unread count.
nlohmann::json list_notifications(const accounts::Operation& op,
                                  const std::map<std::string, std::string>& query);
// 404 unless it is the actor's.
void mark_read(const accounts::Operation& op, std::int64_t id);
// {marked}: how many were unread.
nlohmann::json mark_all_read(const accounts::Operation& op);

}  // namespace rw::notify
