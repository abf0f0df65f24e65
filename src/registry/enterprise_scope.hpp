#pragma once
// Which enterprises a user may see. An enterprise is visible to the organizations (with their
// sub-organizations) that registered it, that it is, that host it as a park, that insure it or that
// serve it as an agency (commissioned to it, until declined, cancelled or withdrawn); and to regulators whose
// jurisdiction contains its region. Everything else answers 404.
#include <cstdint>
#include <vector>

#include "accounts/actor.hpp"
#include "platform/db/database.hpp"
#include "platform/sql_filter.hpp"

namespace rw::registry {

// A condition on the enterprises table aliased `e`; empty for a platform admin.
SqlFilter enterprise_scope(db::Connection& db, const accounts::Actor& user);

// 404 unless the enterprise exists and the user may see it.
void require_visible_enterprise(db::Connection& db, const accounts::Actor& user, std::int64_t enterprise_id);

// Commission-item statuses in which the agency serves the enterprise, as an SQL list.
inline constexpr const char* kServingStatuses = "('pending', 'accepted', 'cancel_requested', 'completed')";

// A condition on `e`: an agency satisfying `agency_condition` (a condition on `sc.agency_org_id`) is
// commissioned to serve the enterprise.
SqlFilter served_by_agencies(const SqlFilter& agency_condition);

// The user signs in as the enterprise itself (its own organization).
bool is_own_enterprise(db::Connection& db, const accounts::Actor& user, std::int64_t enterprise_id);

}  // namespace rw::registry
