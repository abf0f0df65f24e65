#pragma once
// The status changes of a commission item, plan or visit (written by the workflow engine): who, when,
// from what to what, and why.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

#include "platform/db/database.hpp"

namespace rw::services {

// [{action, from, to, reason, user: {id, name}, at}] oldest first.
nlohmann::json status_history(db::Connection& db, const std::string& object_type, std::int64_t object_id);
// The same in two steps, for a page that reads it with its other parts (Connection::query_each).
db::Statement status_events_of(const std::string& object_type, std::int64_t object_id);
nlohmann::json status_history_json(const db::Rows& events);

}  // namespace rw::services
