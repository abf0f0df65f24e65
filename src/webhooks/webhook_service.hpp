#pragma once
// Webhook subscriptions 事件推送订阅 (issue 12): an organization's admins subscribe an HTTPS URL to workflow
// event types; each matching event the organization may see is delivered signed, retried, logged and can be
// replayed. An admin manages the subscriptions of their organization (and those below it); another
// organization's answer 404.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <string>

#include "accounts/operation.hpp"

namespace rw::webhooks {

// serve --webhook-loopback-http: http://127.0.0.1 URLs are accepted (tests and development only).
struct UrlPolicy {
  bool loopback_http = false;
};

nlohmann::json list_subscriptions(const accounts::Operation& op,
                                  const std::map<std::string, std::string>& query);
nlohmann::json get_subscription(const accounts::Operation& op, std::int64_t id);
// The new subscription with its secret, which is shown this once.
nlohmann::json create_subscription(const accounts::Operation& op, const nlohmann::json& body,
                                   UrlPolicy policy);
nlohmann::json update_subscription(const accounts::Operation& op, std::int64_t id, const nlohmann::json& body,
                                   UrlPolicy policy);
void delete_subscription(const accounts::Operation& op, std::int64_t id);

nlohmann::json list_deliveries(const accounts::Operation& op, std::int64_t subscription_id,
                               const std::map<std::string, std::string>& query);
// Sends the delivery's event again: a new delivery of the same event, due now.
nlohmann::json replay_delivery(const accounts::Operation& op, std::int64_t subscription_id,
                               std::int64_t delivery_id);

}  // namespace rw::webhooks
