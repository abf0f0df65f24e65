#pragma once
// Who hears of a hazard's step: the enterprise when the agency acts (told, plan accepted or returned,
// evidence verified or rejected), the agency when the enterprise does (plan, evidence).
#include "hazards/hazard_flow.hpp"

namespace rw::hazards {

void tell_enterprise(workflow::Move<HazardState>& move);
void tell_agency(workflow::Move<HazardState>& move);

}  // namespace rw::hazards
