#pragma once
// Jobs that run once per China day, whichever server instance gets there first.
#include "platform/clock.hpp"
#include "platform/db/database.hpp"

namespace rw::services {

// Runs the deadline sweep if it has not run today; true when it ran.
bool run_daily_jobs(db::Database& database, const Clock& clock);

}  // namespace rw::services
