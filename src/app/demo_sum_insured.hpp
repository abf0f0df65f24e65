#pragma once
// Demo suggested sum insured: insurer A has published its own table (version 1, from the example with its own
// figures for micro enterprises); insurer B has none, so its enterprises get the example's bands, labelled
// 示例，需保险机构确认.
#include <cstdint>
#include <string>

#include "platform/db/database.hpp"

namespace rw::app {

void seed_demo_sum_insured(db::Connection& db, std::int64_t insurer_org_id, const std::string& now);

}  // namespace rw::app
