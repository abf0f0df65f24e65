#include "notify/notifications.hpp"

#include <algorithm>

#include "platform/paging.hpp"

namespace rw::notify {

std::size_t notify_users(db::Connection& db, const std::vector<std::int64_t>& user_ids,
                         const Message& message, const std::string& now) {
  auto unique_ids = user_ids;
  std::sort(unique_ids.begin(), unique_ids.end());
  unique_ids.erase(std::unique(unique_ids.begin(), unique_ids.end()), unique_ids.end());
  for (auto user_id : unique_ids)
    db.execute(
        "INSERT INTO notifications (user_id, kind, title, title_en, body, body_en, object_type, object_id, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {user_id, message.kind, message.title, message.title_en, message.body, message.body_en,
         message.object_type, message.object_id ? db::Value(message.object_id) : db::null_value(), now});
  return unique_ids.size();
}

std::vector<std::int64_t> org_users_with_roles(db::Connection& db, std::int64_t org_id,
                                               std::initializer_list<std::string_view> roles) {
  db::Params params{org_id};
  for (auto role : roles) params.emplace_back(std::string(role));
  return db
      .query(
          "SELECT DISTINCT u.id FROM users u JOIN user_roles r ON r.user_id = u.id "
          "WHERE u.org_id = ? AND u.active = 1 AND r.role IN (" +
              placeholders(roles.size()) + ")",
          params)
      .integers("id");
}

namespace {

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

// GET /notifications?unread=true: the signed-in user's own messages, newest first, with the unread count.
http::Response list_notifications(api::Context& context) {
  const auto page = parse_page(context.request.query);
  SqlFilter where("n.user_id = ?", db::Params{context.me().id});
  if (query_bool(context.request.query, "unread").value_or(false))
    where.add("n.read_at IS NULL", db::Params{});
  auto [rows, total] = select_page(context.db, "SELECT n.* FROM notifications n",
                                   "SELECT COUNT(*) AS n FROM notifications n", where, "n.id DESC", page);
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) items.push_back(notification_json(rows[i]));
  auto body = page_json(items, total, page);
  body["unread"] = context.db
                       .query("SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL",
                              {context.me().id})[0]
                       .integer("n");
  return api::json_ok(body);
}

http::Response mark_read(api::Context& context) {
  const auto changed = context.db.execute(
      "UPDATE notifications SET read_at = COALESCE(read_at, ?) WHERE id = ? AND user_id = ?",
      {context.now_text(), context.id(), context.me().id});
  if (changed == 0) throw not_found();
  return http::no_content();
}

http::Response mark_all_read(api::Context& context) {
  const auto changed =
      context.db.execute("UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL",
                         {context.now_text(), context.me().id});
  return api::json_ok({{"marked", changed}});
}

}  // namespace

void add_routes(api::Routes& routes) {
  routes.get("/notifications", api::kSignedIn, list_notifications);
  routes.post("/notifications/{id}/read", api::kSignedIn, mark_read);
  routes.post("/notifications/read-all", api::kSignedIn, mark_all_read);
}

}  // namespace rw::notify
