#pragma once
// The SQL of commissions 委托 as a whole: the checks of a new one, writing it, and reading it with its
// service types and item counts. Their items are read by commission_listing.hpp.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "accounts/actor.hpp"
#include "platform/db/database.hpp"
#include "platform/sql_filter.hpp"

namespace rw::services {

// Filters of GET /commissions on commissions aliased `c`, within what the user may see: agency_org_id,
// insurer_org_id, overdue (an item accepted and past its due day on `today`), pending (an item waiting
// for an answer).
SqlFilter commission_filter(db::Connection& db, const accounts::Actor& user,
                            const std::map<std::string, std::string>& query, const std::string& today);
extern const CountFrom kCountCommission;
// Commissions with their insurer's and agency's names and overdue_count (items past their due day on
// `today`, YYYY-MM-DD); ends where the WHERE clause goes.
std::string select_commission(const std::string& today);
// 404 unless the commission exists and the user may see it; its row, as a page of one.
db::Rows find_commission_row(db::Connection& db, const accounts::Actor& user, std::int64_t id,
                             const std::string& today);
// Its items as kSelectCommissionItem reads them, by enterprise name.
db::Rows commission_item_rows(db::Connection& db, std::int64_t commission_id);

// The policy that makes the enterprise the insurer's insured on `today`, if any.
std::optional<std::int64_t> policy_in_force(db::Connection& db, std::int64_t insurer, std::int64_t enterprise,
                                            const std::string& today);
// The enterprise is in an open commission of the insurer.
bool in_open_commission(db::Connection& db, std::int64_t enterprise, std::int64_t insurer);

// (commission_id, service_type_version_id): the service type versions the commissions ask for, in order.
db::Rows commission_type_versions(db::Connection& db, const std::vector<std::int64_t>& commission_ids);
// (commission_id, status, n) of their items.
db::Rows commission_item_counts(db::Connection& db, const std::vector<std::int64_t>& commission_ids);

std::int64_t insert_commission(db::Connection& db, std::int64_t insurer, std::int64_t agency,
                               const std::string& notes, std::int64_t created_by, const std::string& now);
void insert_commission_type(db::Connection& db, std::int64_t commission_id, std::int64_t version_id);
// A pending item for the enterprise under its policy.
void insert_commission_item(db::Connection& db, std::int64_t commission_id, std::int64_t enterprise,
                            std::int64_t policy, const std::string& now);

}  // namespace rw::services
