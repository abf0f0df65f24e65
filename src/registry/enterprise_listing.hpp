#pragma once
// Reading enterprises: the SELECT with display names, the list filters (shared by the list endpoint
// and the export) and the JSON a client gets.
#include <nlohmann/json.hpp>

#include <map>
#include <string>

#include "accounts/actor.hpp"
#include "platform/db/database.hpp"
#include "platform/paging.hpp"
#include "platform/sql_filter.hpp"

namespace rw::registry {

// Ends where a WHERE clause goes; the enterprises table is aliased `e`.
extern const char* const kSelectEnterprise;
extern const DeferredList kEnterpriseList;

// The caller's scope plus every filter in the query string (422 naming a bad parameter).
SqlFilter enterprise_filter(db::Connection& db, const accounts::Actor& user,
                            const std::map<std::string, std::string>& query);
// The same, for a page of the list (platform/paging.hpp).
ListFilters enterprise_filters(db::Connection& db, const accounts::Actor& user,
                               const std::map<std::string, std::string>& query);
// ORDER BY clause from ?sort= (name, credit_code, created_at, updated_at, risk_level; "-" for descending).
std::string enterprise_order(const std::map<std::string, std::string>& query);

nlohmann::json enterprise_json(const db::Row& row);

}  // namespace rw::registry
