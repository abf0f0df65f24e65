#include "webhooks/webhook_routes.hpp"

#include "webhooks/webhook_event_types.hpp"
#include "webhooks/webhook_service.hpp"

namespace rw::webhooks {
namespace {

constexpr const char* kManage = "webhook:manage";

UrlPolicy url_policy(const api::Context& context) { return {context.settings.webhook_loopback_http}; }

http::Response types(api::Context&) { return api::json_ok({{"items", event_types_json()}}); }

http::Response list(api::Context& context) {
  return api::json_ok(list_subscriptions(context.op(), context.request.query));
}

http::Response get(api::Context& context) {
  return api::json_ok(get_subscription(context.op(), context.id()));
}

http::Response create(api::Context& context) {
  return api::json_ok(create_subscription(context.op(), context.body(), url_policy(context)), 201);
}

http::Response update(api::Context& context) {
  const auto id = context.id();
  return api::json_ok(update_subscription(context.op(), id, context.body(), url_policy(context)));
}

http::Response remove(api::Context& context) {
  delete_subscription(context.op(), context.id());
  return http::no_content();
}

http::Response deliveries(api::Context& context) {
  return api::json_ok(list_deliveries(context.op(), context.id(), context.request.query));
}

http::Response replay(api::Context& context) {
  const auto id = context.id();
  return api::json_ok(replay_delivery(context.op(), id, context.id("delivery_id")), 202);
}

}  // namespace

void add_webhook_routes(api::Routes& routes) {
  routes.get("/webhook-event-types", kManage, types);
  routes.get("/webhooks", kManage, list);
  routes.post("/webhooks", kManage, create);
  routes.get("/webhooks/{id}", kManage, get);
  routes.patch("/webhooks/{id}", kManage, update);
  routes.del("/webhooks/{id}", kManage, remove);
  routes.get("/webhooks/{id}/deliveries", kManage, deliveries);
  routes.post("/webhooks/{id}/deliveries/{delivery_id}/replay", kManage, replay);
}

}  // namespace rw::webhooks
