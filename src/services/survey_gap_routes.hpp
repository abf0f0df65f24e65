#pragma once
#include "api/context.hpp"

namespace rw::services {

// GET /survey-gaps: insured enterprises with no on-site survey yet in their policy year.
void add_survey_gap_routes(api::Routes& routes);

}  // namespace rw::services
