#include "registry/industry_routes.hpp"

#include "platform/json_input.hpp"
#include "registry/industry_service.hpp"

namespace rw::registry {
namespace {

http::Response list(api::Context& context) {
  const auto& query = context.request.query;
  auto response =
      api::json_ok(list_industries({query_text(query, "parent", 10), query_text(query, "q", 50)}));
  // The table ships with the binary and changes only with it.
  response.set_header("Cache-Control", "private, max-age=3600");
  return response;
}

}  // namespace

void add_industry_routes(api::Routes& routes) { routes.get("/industries", api::kSignedIn, list); }

}  // namespace rw::registry
