#pragma once
// Hazards 隐患 as each caller may see and change them: the province-scale list, one hazard with its history,
// hazards added by hand on a visit or made from a submitted inspection's findings, edits of what was found,
// a visit's hazards and re-checks, and the escalations to regulators. No HTTP.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <string>

#include "accounts/operation.hpp"

namespace rw::hazards {

// One page of the hazards the actor may see, newest first. Filters: status, grade, domain, enterprise_id,
// agency_org_id, visit_id, region_id (its subtree), overdue (true/false), escalated (true/false); limit,
// offset.
nlohmann::json list_hazards(const accounts::Operation& op, const std::map<std::string, std::string>& query);
// The hazard with its deadline, plan, progress notes, evidence, acceptance, re-checks, escalation, status
// history and `actions`.
nlohmann::json get_hazard(const accounts::Operation& op, std::int64_t id);

// POST /visits/{id}/hazards: an inspector or reviewer of the visit's agency records a hazard by hand.
nlohmann::json create_hazard(const accounts::Operation& op, std::int64_t visit_id,
                             const nlohmann::json& body);
// POST /inspections/{id}/hazards {edits?: [{finding_id, …fields}]}: every finding of a submitted (or signed)
// inspection becomes a hazard, with the edits given for it; a finding already made into one is left as it is.
// {created: [hazards], existing: [ids]}.
nlohmann::json hazards_from_inspection(const accounts::Operation& op, std::int64_t inspection_id,
                                       const nlohmann::json& body);
// PATCH /hazards/{id}: what was found, by the agency until the enterprise answers with a plan.
nlohmann::json update_hazard(const accounts::Operation& op, std::int64_t id, const nlohmann::json& body);

// GET /visits/{id}/hazards: {items: hazards found on the visit, rechecks: earlier hazards listed for
// re-check}.
nlohmann::json visit_hazards(const accounts::Operation& op, std::int64_t visit_id);

// One page of the escalations the actor may see, newest first (filters: enterprise_id, rule).
nlohmann::json list_escalations(const accounts::Operation& op,
                                const std::map<std::string, std::string>& query);

}  // namespace rw::hazards
