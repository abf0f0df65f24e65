#pragma once
// The demo enterprise's work-safety risk identification (issue 13): activity and equipment lists, ten JHA/SCL
// records across the four levels, a drawn site plan and four zones, one of each colour.
#include "platform/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/files/file_store.hpp"

namespace rw::app {

void seed_demo_safety_risk(db::Connection& db, const Clock& clock, files::FileStore& store);

}  // namespace rw::app
