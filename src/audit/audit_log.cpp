#include "audit/audit_log.hpp"

namespace rw::audit {
namespace {

constexpr const char* kInsertEntry =
    "INSERT INTO audit_log (at, user_id, username, org_id, entity, entity_id, action, changes, request_id) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

}  // namespace

void record_as(db::Connection& db, const std::string& at, std::string_view trace_id, std::int64_t user_id,
               const std::string& username, const Entry& entry) {
  db.execute(kInsertEntry, {at, user_id, username, db::optional_value(entry.org_id), entry.entity,
                            entry.entity_id, entry.action, entry.changes.dump(), std::string(trace_id)});
}

void record(const accounts::Operation& op, const Entry& entry) {
  record_as(op.db, op.now_text(), op.trace_id, op.actor.id, op.actor.username, entry);
}

void record_update(const accounts::Operation& op, const std::string& entity, std::int64_t id,
                   std::optional<std::int64_t> org_id, const nlohmann::json& before,
                   const nlohmann::json& after) {
  auto changes = diff(before, after);
  if (!changes.empty()) record(op, {entity, std::to_string(id), "update", org_id, std::move(changes)});
}

nlohmann::json diff(const nlohmann::json& before, const nlohmann::json& after) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [key, value] : after.items()) {
    const auto old = before.contains(key) ? before[key] : nlohmann::json();
    if (old != value) out[key] = {{"from", old}, {"to", value}};
  }
  return out;
}

nlohmann::json created(const nlohmann::json& record) { return diff(nlohmann::json::object(), record); }

nlohmann::json deleted(const nlohmann::json& record) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [key, value] : record.items()) out[key] = {{"from", value}, {"to", nullptr}};
  return out;
}

}  // namespace rw::audit
