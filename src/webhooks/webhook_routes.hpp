#pragma once
// The routes of webhook subscriptions and their deliveries (webhook_service.hpp).
#include "api/context.hpp"

namespace rw::webhooks {

// /webhooks, /webhooks/{id}/deliveries, /webhook-event-types: for the admins of an organization.
void add_webhook_routes(api::Routes& routes);

}  // namespace rw::webhooks
