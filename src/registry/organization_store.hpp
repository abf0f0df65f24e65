#pragma once
// The SQL of organizations: a row as the API carries it, its regions, and the writes.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "platform/db/database.hpp"
#include "platform/sql_filter.hpp"

namespace rw::registry {

struct OrganizationRow {
  std::string name;
  std::string type;
  std::optional<std::int64_t> parent_id;
  std::string credit_code;
  std::string contact_phone;
  bool active = true;
};

extern const char* const kSelectOrganization;
extern const CountFrom kCountOrganization;

nlohmann::json organization_json(const db::Row& row, std::vector<std::int64_t> region_ids);
// Region ids of each organization in `ids`, in one query.
std::map<std::int64_t, std::vector<std::int64_t>> regions_of(db::Connection& db,
                                                             const std::vector<std::int64_t>& ids);
// The organizations whose name or credit code holds `text` (LIKE, the case of ASCII letters ignored). SQLite
// takes a text held by few organizations from its short-search index first (V055); one that most hold is
// tested on each organization as the list walks them in order, which soon finds a page.
SqlFilter organizations_holding(db::Connection& db, const std::string& text);
// The organization as JSON if `scope` (a filter on o.id) allows it; 404 otherwise.
nlohmann::json find_organization(db::Connection& db, const SqlFilter& scope, std::int64_t id);
// Whether every id names a region.
bool regions_exist(db::Connection& db, const std::vector<std::int64_t>& region_ids);
// Whether `id` is `ancestor_id` or lies below it.
bool is_within(db::Connection& db, std::int64_t ancestor_id, std::int64_t id);

std::int64_t insert_organization(db::Connection& db, const OrganizationRow& row, const std::string& now);
void update_organization_row(db::Connection& db, std::int64_t id, const OrganizationRow& row,
                             const std::string& now);
void save_regions(db::Connection& db, std::int64_t org_id, const std::vector<std::int64_t>& region_ids);
// Signs out every user of the organization.
void delete_sessions_of_org(db::Connection& db, std::int64_t org_id);

}  // namespace rw::registry
