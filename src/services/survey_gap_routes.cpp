#include "services/survey_gap_routes.hpp"

#include "services/survey_gap_service.hpp"

namespace rw::services {
namespace {

http::Response list(api::Context& context) {
  return api::json_ok(list_survey_gaps(context.op(), context.request.query));
}

}  // namespace

void add_survey_gap_routes(api::Routes& routes) { routes.get("/survey-gaps", "visit:read", list); }

}  // namespace rw::services
