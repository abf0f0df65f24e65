#include "notify/notification_routes.hpp"

#include "notify/notification_service.hpp"

namespace rw::notify {
namespace {

http::Response list(api::Context& context) {
  return api::json_ok(list_notifications(context.op(), context.request.query));
}

http::Response read(api::Context& context) {
  mark_read(context.op(), context.id());
  return http::no_content();
}

http::Response read_all(api::Context& context) { return api::json_ok(mark_all_read(context.op())); }

}  // namespace

void add_notification_routes(api::Routes& routes) {
  routes.get("/notifications", api::kSignedIn, list);
  routes.post("/notifications/{id}/read", api::kSignedIn, read);
  routes.post("/notifications/read-all", api::kSignedIn, read_all);
}

}  // namespace rw::notify
