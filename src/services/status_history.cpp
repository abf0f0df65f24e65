#include "services/status_history.hpp"

namespace rw::services {

nlohmann::json status_history(db::Connection& db, const std::string& object_type, std::int64_t object_id) {
  return status_history_json(db.query(status_events_of(object_type, object_id)));
}

db::Statement status_events_of(const std::string& object_type, std::int64_t object_id) {
  return {
      "SELECT s.action, s.from_status, s.to_status, s.reason, s.at, s.user_id, u.display_name FROM "
      "status_events s "
      "LEFT JOIN users u ON u.id = s.user_id WHERE s.object_type = ? AND s.object_id = ? ORDER BY s.id",
      {object_type, object_id}};
}

nlohmann::json status_history_json(const db::Rows& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto row = rows[i];
    out.push_back({{"action", row.text("action")},
                   {"from", row.text("from_status")},
                   {"to", row.text("to_status")},
                   {"reason", row.text("reason")},
                   {"user", row.is_null("user_id") ? nlohmann::json()
                                                   : nlohmann::json{{"id", row.integer("user_id")},
                                                                    {"name", row.text("display_name")}}},
                   {"at", row.text("at")}});
  }
  return out;
}

}  // namespace rw::services
