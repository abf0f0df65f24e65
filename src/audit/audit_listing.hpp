#pragma once
// Reading the audit log: the entries the actor may see (its organization's, everything for a platform admin).
#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <string_view>

#include "accounts/operation.hpp"
#include "platform/vocabulary.hpp"

namespace rw::audit {

// What the log's actions are called (the dictionaries' audit_actions).
const Vocabulary& audit_actions();

// One page, newest first, filtered by entity, entity id, user, action and a time range (from, to).
nlohmann::json list_entries(const accounts::Operation& op, const std::map<std::string, std::string>& query);

// One record's entries of one action, oldest first: [{at, user: {id, name}, changes}]. For a capability that
// shows a record's own history to whoever may see the record (the caller checks that: the log's
// organization scope is not applied).
// The same entries as an .xlsx (sheet 操作日志), newest first, at most 100,000: what the list shows the
// actor, filtered alike.
std::string entries_xlsx(const accounts::Operation& op, const std::map<std::string, std::string>& query);

nlohmann::json record_history(db::Connection& db, std::string_view entity, std::int64_t entity_id,
                              std::string_view action);
// The same in two steps, for a page that reads it with its other parts (Connection::query_each).
db::Statement record_history_of(std::string_view entity, std::int64_t entity_id, std::string_view action);
nlohmann::json record_history_json(const db::Rows& rows);

}  // namespace rw::audit
