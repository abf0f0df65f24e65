#pragma once
// Reading policies: scope, list filters (shared by the list endpoint and the export) and JSON.
#include <nlohmann/json.hpp>

#include <map>
#include <string>

#include "accounts/actor.hpp"
#include "platform/db/database.hpp"
#include "platform/paging.hpp"
#include "platform/sql_filter.hpp"

namespace rw::registry {

// Policies `p` joined with their enterprise `e` and insurer; ends where a WHERE clause goes.
extern const char* const kSelectPolicy;
extern const CountFrom kCountPolicy;
// Ordered by the policy's own columns (policy_order): the page's ids first, then the display joins for those
// alone (platform/paging.hpp).
extern const DeferredList kPolicyList;

SqlFilter policy_filter(db::Connection& db, const accounts::Actor& user,
                        const std::map<std::string, std::string>& query);
std::string policy_order(const std::map<std::string, std::string>& query);

// 404 unless the policy exists and the user may see it.
db::Row find_policy_row(db::Connection& db, const accounts::Actor& user, std::int64_t id);

// `today` (YYYY-MM-DD, China) decides whether the policy is in force.
nlohmann::json policy_json(const db::Row& row, const std::string& today);

}  // namespace rw::registry
