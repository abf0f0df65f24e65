#pragma once
// Tenancy: which organizations a user may see and change. Every scope is computed from the user's reach
// — the organization subtree and, for a regulator, the jurisdiction's region subtree — read once per
// request and handed to SQL as parameters (one JSON id array each), never pasted into its text.
// Everything outside scope is reported as 404 by the callers, so ids of other tenants do not leak.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/actor.hpp"
#include "platform/db/database.hpp"
#include "platform/sql_filter.hpp"

namespace rw::accounts {

struct Reach {
  std::vector<std::int64_t> org_ids;     // the user's organization and its descendants
  std::vector<std::int64_t> region_ids;  // a regulator's regions and their sub-regions; empty otherwise
  std::string org_ids_json;              // the same as JSON arrays, the parameters of the SQL conditions
  std::string region_ids_json;
};

// Reads the reach on first use and keeps it on the user for the rest of the request.
const Reach& reach_of(db::Connection& db, const Actor& user);

// `column` IN (the user's organization and its descendants).
SqlFilter own_subtree(db::Connection& db, const Actor& user, std::string_view column);
// `region_column` IN the regulator's jurisdiction.
SqlFilter in_jurisdiction(db::Connection& db, const Actor& user, std::string_view region_column);
// What the user may read: everything for a platform admin; otherwise the own subtree, and for a
// regulator also every organization located in its jurisdiction.
SqlFilter read_scope(db::Connection& db, const Actor& user, std::string_view column);
// What the user may change: everything for a platform admin, else the own subtree.
SqlFilter write_scope(db::Connection& db, const Actor& user, std::string_view column);

// The organization exists and satisfies `scope_on_id` (a filter on organizations' `id`).
bool org_in_scope(db::Connection& db, const SqlFilter& scope_on_id, std::int64_t org_id);
// The user acts for the organization: it is the user's own or below it, or the user is a platform admin.
bool acts_for(db::Connection& db, const Actor& user, std::int64_t org_id);

std::vector<std::int64_t> subtree_org_ids(db::Connection& db, const Actor& user);
// Any organization and its descendants.
std::vector<std::int64_t> org_subtree_ids(db::Connection& db, std::int64_t org_id);
// An organization's regions and their sub-regions.
std::vector<std::int64_t> region_subtree_of_org(db::Connection& db, std::int64_t org_id);

}  // namespace rw::accounts
