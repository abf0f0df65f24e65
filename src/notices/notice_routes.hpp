#pragma once
#include "api/context.hpp"

namespace rw::notices {

// Notices 文书 (drafted, edited, issued, received, cancelled, rendered) and the numbering settings of an
// organization.
void add_notice_routes(api::Routes& routes);

}  // namespace rw::notices
