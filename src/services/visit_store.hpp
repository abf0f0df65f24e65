#pragma once
// The SQL of writing visits and of the checks a save makes; reading visits as the user may see them is
// visit_listing.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/db/database.hpp"
#include "services/visit_team.hpp"

namespace rw::services {

// The plan is the enterprise's with the agency.
bool plan_of(db::Connection& db, std::int64_t plan_id, std::int64_t enterprise_id,
             std::int64_t agency_org_id);
// The newest accepted commission item of the enterprise with the agency: the one a new visit answers.
std::optional<std::int64_t> accepted_commission_item(db::Connection& db, std::int64_t enterprise_id,
                                                     std::int64_t agency_org_id);

// The service type versions the visit is made with.
std::vector<std::int64_t> visit_type_versions(db::Connection& db, std::int64_t visit_id);

// The new visit's id (made for the input's commission item, if any).
std::int64_t insert_visit(db::Connection& db, const VisitInput& input, const std::string& now);
void update_visit_row(db::Connection& db, std::int64_t id, const VisitInput& input, const std::string& now);
// Replaces the visit's team (the leader marked) and service types.
void write_team_and_types(db::Connection& db, std::int64_t id, const VisitInput& input);

// The active, graded staff of the agencies `agency_ids` (a JSON id array), best graded first, with `busy`:
// how many visits each is on that day.
db::Rows team_candidates(db::Connection& db, const std::string& agency_ids, const std::string& day);

}  // namespace rw::services
