#pragma once
// Demo hazards of the enterprise the demo's done visit served: its inspections' findings made into hazards,
// more recorded by hand, one in each status of the rectification life cycle; one overdue 重大 hazard
// escalated to the regulator; and last year's visit whose hazards this year's visit re-checked — one
// rectified, one carried over.
#include "platform/clock.hpp"
#include "platform/db/database.hpp"

namespace rw::app {

void seed_demo_hazards(db::Connection& db, const Clock& clock);

}  // namespace rw::app
