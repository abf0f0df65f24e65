#pragma once
#include "api/context.hpp"

namespace rw::safety {

// The work-safety risk list and four-colour map of an enterprise (issue 13), under
// /enterprises/{id}/safety-risk, and the grading the caller's organization uses.
void add_safety_risk_routes(api::Routes& routes);

}  // namespace rw::safety
