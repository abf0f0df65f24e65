#pragma once
// Demo HJ 941 assessments (issue 13), made by the demo agency's expert and reviewed by the insurer, so the
// desk shows levels with their labels: 江南涂料 较大 in both media, 太湖精密铸造 一般 with a Q0 water medium.
// The levels agree with the ones the demo registry gives them.
#include <cstdint>
#include <vector>

#include "platform/clock.hpp"
#include "platform/db/database.hpp"

namespace rw::app {

void seed_demo_env_risk(db::Connection& db, const Clock& clock,
                        const std::vector<std::int64_t>& enterprise_orgs);

}  // namespace rw::app
