#pragma once
// Demo data of field inspection: the checklists of the visit done a week ago, filled and submitted by its
// expert, with the findings they raised.
#include <cstdint>
#include <string>

#include "platform/db/database.hpp"

namespace rw::app {

void seed_demo_inspections(db::Connection& db, std::int64_t done_visit, std::int64_t inspector_user_id,
                           const std::string& now);

}  // namespace rw::app
