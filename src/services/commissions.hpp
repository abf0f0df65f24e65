#pragma once
// Commissions 委托: routes, and what visits tell them (the on-site service happened).
#include <cstdint>
#include <string>

#include "app/context.hpp"

namespace rw::services {

void add_commission_routes(app::Routes& routes);

// An on-site visit by `agency_org_id` to the enterprise was done on `done_on`: the accepted
// commission items it answers become completed and their deadline is met.
void complete_commission_items(app::Context& context, std::int64_t enterprise_id, std::int64_t agency_org_id,
                               const std::string& done_on);

}  // namespace rw::services
