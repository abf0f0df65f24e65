#pragma once
// Demo reports of the demo enterprise's two done visits: last year's, approved and frozen (what the
// enterprise downloads); this year's, submitted and returned by the insurer with comments, waiting for the
// agency to submit it again.
#include "platform/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/files/file_store.hpp"

namespace rw::app {

void seed_demo_reports(db::Connection& db, const Clock& clock, files::FileStore& store);

}  // namespace rw::app
