#pragma once
// Reading visits as the user may see them. An agency sees the visits it makes (with its
// sub-organizations); everyone else sees the visits to the enterprises they may see.
#include <map>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "accounts/actor.hpp"
#include "platform/db/database.hpp"
#include "platform/paging.hpp"
#include "platform/sql_filter.hpp"

namespace rw::services {

// A condition on visits aliased `v` joined to enterprises `e`.

// Filters of GET /visits: from, to (planned dates), status, enterprise_id, agency_org_id, staff_id,
// mine (the signed-in user is on the team), q (enterprise name).
SqlFilter visit_filter(db::Connection& db, const accounts::Actor& user,
                       const std::map<std::string, std::string>& query);

extern const char* const kSelectVisit;
// The page's ids first, the visits' display joins for those alone (platform/paging.hpp), in planned order.
// From a first day (`from`), SQLite finds a page of many visits by walking the days' index from it.
const DeferredList& visit_list(const std::map<std::string, std::string>& query);

// The visits with their service types (at their versions), team, and the `actions` the user may take.
nlohmann::json visits_json(db::Connection& db, const accounts::Actor& user, const db::Rows& rows);

// 404 unless the visit exists and the user may see it.
db::Row find_visit_row(db::Connection& db, const accounts::Actor& user, std::int64_t id);
nlohmann::json find_visit(db::Connection& db, const accounts::Actor& user, std::int64_t id);
// The same with its status history ({..., history}), read with its service types and team.
nlohmann::json find_visit_with_history(db::Connection& db, const accounts::Actor& user, std::int64_t id);
// The accounts of the visit's team members.
std::vector<std::int64_t> team_user_ids(db::Connection& db, std::int64_t visit_id);
// The same read as a statement, the visit given as an SQL expression and its parameters ("?" and its id, or a
// subquery), its `user_id`s in order.
db::Statement team_users_of(const std::string& visit, db::Params params);

}  // namespace rw::services
