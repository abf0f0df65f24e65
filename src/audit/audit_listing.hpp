#pragma once
// Reading the audit log: the entries the actor may see (its organization's, everything for a platform admin).
#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <string_view>

#include "accounts/operation.hpp"

namespace rw::audit {

// One page, newest first, filtered by entity, entity id, user, action and a time range (from, to).
nlohmann::json list_entries(const accounts::Operation& op, const std::map<std::string, std::string>& query);

// One record's entries of one action, oldest first: [{at, user: {id, name}, changes}]. For a capability that
// shows a record's own history to whoever may see the record (the caller checks that: the log's
// organization scope is not applied).
nlohmann::json record_history(db::Connection& db, std::string_view entity, std::int64_t entity_id,
                              std::string_view action);

}  // namespace rw::audit
