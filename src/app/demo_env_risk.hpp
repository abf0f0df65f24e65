#pragma once
// Demo HJ 941 assessments (issue 13), made by the demo agency's expert and reviewed by the insurer, so the
// desk shows levels with their labels: 江南涂料 较大 in both media, 太湖精密铸造 一般 with a Q0 water medium.
// The levels agree with the ones the demo registry gives them. 恒达化工 (重大) has last year's assessment,
// reviewed through last year's report, and this year's awaiting review (seed_demo_pending_assessment, made
// between the two reports so that each report prints its own).
#include <cstdint>
#include <vector>

#include "platform/clock.hpp"
#include "platform/db/database.hpp"

namespace rw::app {

void seed_demo_env_risk(db::Connection& db, const Clock& clock,
                        const std::vector<std::int64_t>& enterprise_orgs);
// 恒达化工's assessment of this year: 重大[重大-大气(Q2-M3-E2)+较大-水(Q2-M2-E3)], awaiting review.
void seed_demo_pending_assessment(db::Connection& db, const Clock& clock, std::int64_t enterprise_id);

}  // namespace rw::app
