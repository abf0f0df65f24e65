#pragma once
// The rectification life cycle of a hazard as a workflow table (hazard_flow.cpp):
//   found → notified (the agency tells the enterprise, with a rectification deadline; h5's notices take the
//   same step) → plan_submitted (the enterprise: measures, deadline, responsible person, funds) → rectifying
//   (the agency accepts the plan, or returns it to notified with a reason) → evidence_submitted (the
//   enterprise) → verified_closed (the agency accepts the rectification), or back to rectifying (the agency
//   rejects the evidence, with a reason).
// Besides: the agency edits what was found (found, notified) and sets the deadline; the enterprise adds
// progress notes while rectifying; the regulators of the region comment at any time; a later visit's
// re-check closes a rectified hazard (close_on_recheck, taken by the re-check, not by a caller).
#include <cstdint>
#include <optional>
#include <string>

#include "platform/db/database.hpp"
#include "workflow/machine.hpp"

namespace rw::hazards {

struct HazardState {
  std::int64_t id = 0;
  std::string status;
  std::int64_t agency_org_id = 0;
  std::optional<std::int64_t> enterprise_org_id;  // the enterprise's own organization, once it has one
  std::string grade;
  db::Row row;  // of kSelectHazard
};

HazardState hazard_state(const db::Row& row);
// The hazard as the actor may see it (404 otherwise).
HazardState load_hazard(db::Connection& db, const accounts::Actor& user, std::int64_t id);

const workflow::Machine<HazardState>& hazard_machine();

// Who the caller is to hazards, for a step that checks one party's rights outside the table (adding a hazard
// by hand on a visit acts as the visit's agency).
bool is_agency_for(const workflow::Caller& caller, std::int64_t agency_org_id);

}  // namespace rw::hazards
