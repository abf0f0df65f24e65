#pragma once
// A demo webhook subscription of agency A (inactive: the demo sends nothing anywhere) with a few logged
// deliveries of its hazards' events: one delivered, one waiting for its third attempt, one that failed
// on every retry and was replayed.
#include <cstdint>
#include <string>

#include "platform/db/database.hpp"

namespace rw::app {

void seed_demo_webhooks(db::Connection& db, std::int64_t agency_org_id, const std::string& now);

}  // namespace rw::app
