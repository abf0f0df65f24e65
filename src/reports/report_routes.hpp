#pragma once
// The routes of a visit's report: the report with its submissions and actions, the document rendered now,
// submitting, approving and returning, and a submission's stored PDF.
#include "api/context.hpp"

namespace rw::reports {

void add_report_routes(api::Routes& routes);

}  // namespace rw::reports
