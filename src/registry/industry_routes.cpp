#include "registry/industry_routes.hpp"

#include "platform/json_input.hpp"
#include "registry/industry_service.hpp"

namespace rw::registry {
namespace {

IndustryQuery parse_query(const std::map<std::string, std::string>& query) {
  IndustryQuery parsed{query_text(query, "parent", 10), query_text(query, "q", 50)};
  if (auto level = query_choice(query, "level", {"1", "2", "3", "4"})) parsed.level = std::stoi(*level);
  // Paged only when asked, so a client that wants the whole table still gets it in one answer.
  if (query.contains("limit") || query.contains("offset")) {
    const auto page = parse_page(query);
    parsed.limit = page.limit;
    parsed.offset = page.offset;
  }
  return parsed;
}

http::Response list(api::Context& context) {
  auto response = api::json_ok(list_industries(parse_query(context.request.query)));
  // The table ships with the binary and changes only with it.
  response.set_header("Cache-Control", "private, max-age=3600");
  return response;
}

}  // namespace

void add_industry_routes(api::Routes& routes) { routes.get("/industries", api::kSignedIn, list); }

}  // namespace rw::registry
