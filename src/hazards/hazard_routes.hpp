#pragma once
#include "api/context.hpp"

namespace rw::hazards {

// /hazards, its life-cycle steps, a visit's and an inspection's hazards, re-checks and /hazard-escalations;
// registers the "hazard" owner kind of files (photos of what was found, the evidence, the acceptance).
void add_hazard_routes(api::Routes& routes);

}  // namespace rw::hazards
