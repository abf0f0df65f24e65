#include "services/commission_routes.hpp"

#include "services/commission_flow.hpp"
#include "services/commission_service.hpp"
#include "services/step_routes.hpp"

namespace rw::services {
namespace {

http::Response list(api::Context& context) {
  return api::json_ok(list_commissions(context.op(), context.request.query));
}

http::Response get(api::Context& context) { return api::json_ok(get_commission(context.op(), context.id())); }

http::Response create(api::Context& context) {
  return api::json_ok(create_commission(context.op(), context.body()), 201);
}

http::Response list_items(api::Context& context) {
  return api::json_ok(list_commission_items(context.op(), context.request.query));
}

http::Response get_item(api::Context& context) {
  return api::json_ok(commission_item_with_history(context.op(), context.id()));
}

}  // namespace

void add_commission_routes(api::Routes& routes) {
  routes.get("/commissions", "commission:read", list);
  routes.post("/commissions", "commission:write", create);
  routes.get("/commissions/{id}", "commission:read", get);
  routes.get("/commission-items", "commission:read", list_items);
  routes.get("/commission-items/{id}", "commission:read", get_item);
  add_step_routes(routes, "/commission-items", commission_machine(),
                  {{"accept", "accept"},
                   {"decline", "decline"},
                   {"request-cancel", "request_cancel"},
                   {"approve-cancel", "approve_cancel"},
                   {"reject-cancel", "reject_cancel"},
                   {"withdraw", "withdraw"}},
                  commission_item_with_history);
}

}  // namespace rw::services
