#include "notify/notification_service.hpp"

#include <algorithm>

#include "platform/paging.hpp"

namespace rw::notify {

std::size_t notify_users(db::Connection& db, const std::vector<std::int64_t>& user_ids,
                         const Message& message, const std::string& now) {
  auto unique_ids = user_ids;
  std::sort(unique_ids.begin(), unique_ids.end());
  unique_ids.erase(std::unique(unique_ids.begin(), unique_ids.end()), unique_ids.end());
  for (auto user_id : unique_ids) insert_notification(db, user_id, message, now);
  return unique_ids.size();
}

nlohmann::json list_notifications(const accounts::Operation& op,
                                  const std::map<std::string, std::string>& query) {
  const auto page = parse_page(query);
  SqlFilter where("n.user_id = ?", db::Params{op.actor.id});
  const bool unread_only = query_bool(query, "unread").value_or(false);
  if (unread_only) where.add("n.read_at IS NULL", db::Params{});
  auto [rows, total] = select_page(op.db, kSelectNotification, kCountNotification, where, "n.id DESC", page);
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) items.push_back(notification_json(rows[i]));
  auto body = page_json(items, total, page);
  // The bell's list of unread ones has just counted them (the first page after sign-in).
  body["unread"] = unread_only && total.exact ? total.count : unread_count(op.db, op.actor.id);
  return body;
}

void mark_read(const accounts::Operation& op, std::int64_t id) {
  if (!mark_notification_read(op.db, id, op.actor.id, op.now_text())) throw not_found();
}

nlohmann::json mark_all_read(const accounts::Operation& op) {
  return {{"marked", mark_all_notifications_read(op.db, op.actor.id, op.now_text())}};
}

}  // namespace rw::notify
