#pragma once
// Demo 环责险风险评估报告 of the demo enterprise's two done visits: last year's, approved and frozen (what
// the enterprise downloads), which reviewed last year's HJ 941 assessment; this year's, returned by the
// insurer with comments and submitted again, awaiting review with this year's assessment.
#include "platform/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/files/file_store.hpp"

namespace rw::app {

void seed_demo_reports(db::Connection& db, const Clock& clock, files::FileStore& store);

}  // namespace rw::app
