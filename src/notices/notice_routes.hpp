#pragma once
#include "api/context.hpp"

namespace rw::notices {

// Notice numbering settings of an organization.
void add_notice_routes(api::Routes& routes);

}  // namespace rw::notices
