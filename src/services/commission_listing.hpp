#pragma once
// Reading commissions and their items as the user may see them: the insurer that sent them and the
// agency that received them (each with its sub-organizations), and platform admins.
#include <nlohmann/json.hpp>

#include <map>
#include <string>

#include "accounts/actor.hpp"
#include "calendar/working_calendar.hpp"
#include "platform/db/database.hpp"
#include "platform/paging.hpp"
#include "platform/sql_filter.hpp"
#include "workflow/caller.hpp"

namespace rw::services {

// An item that keeps its enterprise from another commission of the same insurer (items aliased `ci`).
extern const char* const kOpenCommissionItem;
extern const char* const kSelectCommissionItem;
// The page's ids first, the items' display joins for those alone (platform/paging.hpp).
extern const DeferredList kCommissionItemList;

// Filters of GET /commission-items: commission_id, enterprise_id, agency_org_id, insurer_org_id,
// enterprise_ids (comma-separated), status, open, overdue, q (enterprise name or credit code).
SqlFilter commission_item_filter(db::Connection& db, const accounts::Actor& user,
                                 const std::map<std::string, std::string>& query, const std::string& today);

// The item with the `actions` the caller may take on it now.
nlohmann::json commission_item_json(const db::Row& row, const calendar::WorkingCalendar& calendar,
                                    calendar::Date today, const workflow::Caller& caller);

// 404 unless the item exists and the user may see its commission.
db::Row find_commission_item(db::Connection& db, const accounts::Actor& user, std::int64_t item_id);

}  // namespace rw::services
