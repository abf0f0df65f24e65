#pragma once
#include "app/context.hpp"

namespace rw::registry {

// /staff: the people of agencies and insurers with their qualifications; /staffing-check: may a
// team of them enter an enterprise together.
void add_staff_routes(app::Routes& routes);

}  // namespace rw::registry
