#include "benchdata/records.hpp"

#include <algorithm>

namespace rw::benchdata {

Records::Records(WriteBehind& out, World& world)
    : world_(world),
      audit_(out, "audit_log",
             {"id", "at", "user_id", "username", "org_id", "entity", "entity_id", "action", "changes",
              "request_id"}),
      events_(out, "status_events",
              {"id", "object_type", "object_id", "action", "from_status", "to_status", "reason", "user_id",
               "at"}),
      notifications_(out, "notifications",
                     {"id", "user_id", "kind", "title", "title_en", "body", "body_en", "object_type",
                      "object_id", "created_at", "read_at"}) {}

void Records::audit(const std::string& at, std::int64_t user_id, std::optional<std::int64_t> org_id,
                    const std::string& entity, std::int64_t entity_id, const std::string& action,
                    const nlohmann::json& changes) {
  audit_.add({world_.ids.next("audit_log"), at, user_id, world_.user(user_id).username,
              db::optional_value(org_id), entity, std::to_string(entity_id), action, changes.dump(),
              std::string()});
}

void Records::step(const std::string& object_type, std::int64_t object_id,
                   std::optional<std::int64_t> audit_org, const std::string& action, const std::string& from,
                   const std::string& to, const std::string& reason, std::int64_t user_id,
                   const std::string& at) {
  events_.add(
      {world_.ids.next("status_events"), object_type, object_id, action, from, to, reason, user_id, at});
  nlohmann::json changes = {{"status", {{"from", from}, {"to", to}}}};
  if (!reason.empty()) changes["reason"] = {{"from", nullptr}, {"to", reason}};
  audit(at, user_id, audit_org, object_type, object_id, "update", changes);
}

void Records::notify(std::vector<std::int64_t> user_ids, const Note& note, Day day, int minute) {
  std::sort(user_ids.begin(), user_ids.end());
  user_ids.erase(std::unique(user_ids.begin(), user_ids.end()), user_ids.end());
  const auto age = (world_.today - day).count();
  for (auto user_id : user_ids) {
    const bool read = world_.random.chance(age > 7 ? 880 : age > 1 ? 450 : 150);
    const auto read_day = std::min(world_.today, day + std::chrono::days(world_.random.between(0, 3)));
    notifications_.add(
        {world_.ids.next("notifications"), user_id, note.kind, note.title, note.title_en, note.body,
         note.body_en, note.object_type, note.object_id ? db::Value(note.object_id) : db::null_value(),
         moment(day, minute),
         read ? db::Value(moment(read_day, std::max(minute + 30, 9 * 60))) : db::null_value()});
  }
}

void Records::flush() {
  audit_.flush();
  events_.flush();
  notifications_.flush();
}

}  // namespace rw::benchdata
