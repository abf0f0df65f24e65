#pragma once
// The service catalog's SQL: classes, types and the versions of their rules.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "platform/db/database.hpp"
#include "platform/sql_filter.hpp"
#include "services/catalog_record.hpp"

namespace rw::services {

// Versions `v` of types `t` with their class `c` (and the version's author `u`); each ends where a
// WHERE clause goes. current_versions() keeps each type's current version only.
extern const char* const kSelectTypeVersions;
extern const char* const kCountTypeVersions;
SqlFilter current_versions();

ServiceRules rules_from_row(const db::Row& row);

// Class code → id.
std::map<std::string, std::int64_t> class_ids(db::Connection& db);
std::optional<std::int64_t> type_with_code(db::Connection& db, const std::string& code);

// A new type with `input.rules` as its version 1; `created_by` is empty for the shipped catalog.
std::int64_t insert_service_type(db::Connection& db, const ServiceTypeInput& input, std::int64_t class_id,
                                 std::optional<std::int64_t> created_by, const std::string& now);
// Adds `rules` as the type's next version and makes it current; returns the new version number.
int add_service_type_version(db::Connection& db, std::int64_t type_id, const ServiceRules& rules,
                             std::optional<std::int64_t> created_by, const std::string& now);
void update_service_type(db::Connection& db, std::int64_t type_id, std::int64_t class_id, bool active,
                         const std::string& now);

}  // namespace rw::services
