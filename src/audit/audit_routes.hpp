#pragma once
// GET /audit: the audit log as the caller may read it (its organization subtree; everything for a
// platform admin).
#include "api/context.hpp"

namespace rw::audit {

void add_routes(api::Routes& routes);

}  // namespace rw::audit
