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
extern const CountFrom kCountTypeVersions;
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
void update_service_type_row(db::Connection& db, std::int64_t type_id, std::int64_t class_id, bool active,
                             const std::string& now);

// A class as the shipped catalog file gives it.
struct ServiceClass {
  std::string code;
  std::string source;
  std::string name_zh;
  std::string name_en;
  std::string reference;
};
// Adds the class at the end of the catalog's order; returns its id.
std::int64_t insert_service_class(db::Connection& db, const ServiceClass& service_class,
                                  const std::string& now);

// The classes matching `where` (on classes `c`) in the catalog's order, with their number of types.
db::Rows select_service_classes(db::Connection& db, const SqlFilter& where);
nlohmann::json service_class_json(const db::Row& row);
// A type's current version, or a version by its number; 404 when there is none.
db::Row find_current_type(db::Connection& db, std::int64_t id);
db::Row find_type_version(db::Connection& db, std::int64_t id, std::int64_t version);
// The type as it stands: its current version's rules plus its class and switch.
nlohmann::json type_json(const db::Row& row);
// type_json with the summaries of every version, newest first.
nlohmann::json type_detail(db::Connection& db, std::int64_t id);
// One version's rules, as services made with it keep them.
nlohmann::json version_json(const db::Row& row);

}  // namespace rw::services
