#pragma once
// Tenancy: which organizations a user may see and change, as SQL conditions on an org-id column.
// Everything outside scope is reported as 404 by the callers, so ids of other tenants do not leak.
#include <cstdint>
#include <string_view>
#include <vector>

#include "accounts/current_user.hpp"
#include "platform/sql_filter.hpp"

namespace rw::accounts {

// `column` IN (the user's organization and its descendants).
SqlFilter own_subtree(const CurrentUser& user, std::string_view column);
// What the user may read: everything for a platform admin; otherwise the own subtree, and for a
// regulator also every organization located in its jurisdiction (its regions and their sub-regions).
SqlFilter read_scope(const CurrentUser& user, std::string_view column);
// What the user may change: everything for a platform admin, else the own subtree.
SqlFilter write_scope(const CurrentUser& user, std::string_view column);

bool org_in_scope(db::Connection& db, const SqlFilter& scope_on_id, std::int64_t org_id);
// The user acts for the organization: it is the user's own or below it, or the user is a platform admin.
bool acts_for(db::Connection& db, const CurrentUser& user, std::int64_t org_id);

// The same sets as lists, for conditions that use them several times (enterprise visibility).
std::vector<std::int64_t> subtree_org_ids(db::Connection& db, const CurrentUser& user);
// Any organization and its descendants.
std::vector<std::int64_t> org_subtree_ids(db::Connection& db, std::int64_t org_id);
std::vector<std::int64_t> jurisdiction_region_ids(db::Connection& db, const CurrentUser& user);
// An organization's regions and their sub-regions.
std::vector<std::int64_t> region_subtree_of_org(db::Connection& db, std::int64_t org_id);

}  // namespace rw::accounts
