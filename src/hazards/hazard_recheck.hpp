#pragma once
// Re-inspection 复查 (wuxi 第十五条（五）): a visit that starts at an enterprise which had 重大 hazards
// before lists every earlier hazard not closed for re-check; the team marks each rectified (it is closed,
// accepted by the re-check) or not rectified (it carries over: linked to this visit and followed from now on
// by this visit's agency — the same hazard, not a copy).
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>

#include "accounts/operation.hpp"
#include "platform/db/database.hpp"

namespace rw::hazards {

// On a visit's start (services/visit_flow.cpp).
void list_rechecks_on_start(db::Connection& db, std::int64_t visit_id, std::int64_t enterprise_id,
                            const std::string& now);

// POST /visits/{id}/hazards/{hazard_id}/recheck {result: rectified|not_rectified, note?}: the visit's
// hazards.
nlohmann::json recheck_hazard(const accounts::Operation& op, std::int64_t visit_id, std::int64_t hazard_id,
                              const nlohmann::json& body);

}  // namespace rw::hazards
