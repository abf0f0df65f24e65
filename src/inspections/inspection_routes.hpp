#pragma once
#include "api/context.hpp"

namespace rw::inspections {

// Checklist templates, inspections with their answers, findings and workflow steps.
void add_inspection_routes(api::Routes& routes);

}  // namespace rw::inspections
