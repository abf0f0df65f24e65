#include "audit/audit_routes.hpp"

#include "audit/audit_listing.hpp"

namespace rw::audit {
namespace {

http::Response list(api::Context& context) {
  return api::json_ok(list_entries(context.op(), context.request.query));
}

}  // namespace

void add_routes(api::Routes& routes) { routes.get("/audit", "audit:read", list); }

}  // namespace rw::audit
