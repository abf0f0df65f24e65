#pragma once
// The routes of staff (staff_service.hpp).
#include "api/context.hpp"

namespace rw::registry {

// /staff: the people of agencies and insurers with their qualifications. Whether a team of them may
// enter an enterprise together is POST /staffing-check, served with the visits (services/visit_routes.cpp).
void add_staff_routes(api::Routes& routes);

}  // namespace rw::registry
