#pragma once
// Reading staff: scope, list filters (shared by the list endpoint and the export) and JSON.
#include <nlohmann/json.hpp>

#include <map>
#include <string>

#include "accounts/actor.hpp"
#include "platform/db/database.hpp"
#include "platform/sql_filter.hpp"

namespace rw::registry {

extern const char* const kSelectStaff;  // staff `s` with the organization's name
extern const CountFrom kCountStaff;

SqlFilter staff_filter(db::Connection& db, const accounts::Actor& user,
                       const std::map<std::string, std::string>& query);
// The staff member as one row, 404 unless they exist and the user may see them.
db::Rows find_staff_rows(db::Connection& db, const accounts::Actor& user, std::int64_t id);
// The page's staff as JSON, certificates included (one extra query).
nlohmann::json staff_items(db::Connection& db, const db::Rows& rows);

}  // namespace rw::registry
