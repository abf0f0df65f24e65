#pragma once
// The SQL of administrative regions: a region as the API carries it, the checks of a save, and the writes.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "platform/db/database.hpp"
#include "platform/sql_filter.hpp"

namespace rw::registry {

struct RegionRow {
  std::string code;
  std::string name;
  std::string level;
  std::optional<std::int64_t> parent_id;
};

extern const char* const kSelectRegion;
extern const CountFrom kCountRegion;

nlohmann::json region_json(const db::Row& row);
// 404 when there is no such region.
nlohmann::json find_region(db::Connection& db, std::int64_t id);
// Whether a region other than `own_id` has the code.
bool region_code_taken(db::Connection& db, const std::string& code, std::int64_t own_id);
std::optional<std::string> region_level(db::Connection& db, std::int64_t id);
// Whether sub-regions or organizations refer to the region.
bool region_in_use(db::Connection& db, std::int64_t id);

std::int64_t insert_region(db::Connection& db, const RegionRow& row, const std::string& now);
void rename_region(db::Connection& db, std::int64_t id, const std::string& code, const std::string& name,
                   const std::string& now);
void delete_region_row(db::Connection& db, std::int64_t id);

}  // namespace rw::registry
