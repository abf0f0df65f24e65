#include "audit/audit_batch.hpp"

#include "platform/sql_filter.hpp"

namespace rw::audit {
namespace {

constexpr const char* kInsertBatchEntry =
    "INSERT INTO audit_log (at, user_id, username, org_id, entity, entity_id, action, changes, request_id) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, '{}', ?) RETURNING id";
constexpr const char* kSetBatchOutcome = "UPDATE audit_log SET changes = ? WHERE id = ?";
constexpr const char* kInsertRecordEntries =
    "INSERT INTO audit_log (at, user_id, username, org_id, entity, entity_id, action, changes, request_id, "
    "batch_id) VALUES ";
constexpr std::size_t kRecordColumns = 10;
// Entries per INSERT: far below either database's parameter limit, and few statements for a large import.
constexpr std::size_t kRowsPerStatement = 100;

// Fields a created record leaves empty say nothing; the rest are its values.
nlohmann::json values_set(const nlohmann::json& record) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [key, value] : record.items()) {
    const bool empty = value.is_null() ||
                       (value.is_string() && value.get_ref<const std::string&>().empty()) ||
                       (value.is_array() && value.empty());
    if (!empty) out[key] = value;
  }
  return out;
}

}  // namespace

Batch::Batch(const accounts::Operation& op, const Entry& entry) : op_(op), at_(op.now_text()) {
  id_ = op.db
            .query(kInsertBatchEntry,
                   {at_, op.actor.id, op.actor.username, db::optional_value(entry.org_id), entry.entity,
                    entry.entity_id, entry.action, std::string(op.trace_id)})[0]
            .integer("id");
}

void Batch::created(const std::string& entity, std::int64_t id, std::optional<std::int64_t> org_id,
                    const nlohmann::json& record) {
  add(entity, id, "create", org_id, values_set(record));
}

std::vector<std::string> Batch::updated(const std::string& entity, std::int64_t id,
                                        std::optional<std::int64_t> org_id, const nlohmann::json& before,
                                        const nlohmann::json& after) {
  auto changes = diff(before, after);
  std::vector<std::string> keys;
  for (const auto& [key, value] : changes.items()) keys.push_back(key);
  if (!keys.empty()) add(entity, id, "update", org_id, changes);
  return keys;
}

void Batch::add(const std::string& entity, std::int64_t id, const char* action,
                std::optional<std::int64_t> org_id, const nlohmann::json& changes) {
  pending_.insert(pending_.end(),
                  {at_, op_.actor.id, op_.actor.username, db::optional_value(org_id), entity,
                   std::to_string(id), std::string(action), changes.dump(), std::string(op_.trace_id), id_});
  if (++pending_rows_ == kRowsPerStatement) flush();
}

void Batch::flush() {
  if (pending_rows_ == 0) return;
  std::string sql = kInsertRecordEntries;
  for (std::size_t i = 0; i < pending_rows_; ++i)
    sql += (i ? ", (" : "(") + placeholders(kRecordColumns) + ")";
  op_.db.execute(sql, pending_);
  pending_.clear();
  pending_rows_ = 0;
}

void Batch::finish(const nlohmann::json& outcome) {
  flush();
  op_.db.execute(kSetBatchOutcome, {outcome.dump(), id_});
}

nlohmann::json expand_batch_changes(const std::string& action, const nlohmann::json& stored) {
  return action == "create" ? created(stored) : stored;
}

}  // namespace rw::audit
