#include "webhooks/webhook_service.hpp"

#include <nlohmann/json.hpp>

#include "access/visibility.hpp"
#include "audit/audit_log.hpp"
#include "platform/paging.hpp"
#include "webhooks/webhook_event_types.hpp"
#include "webhooks/webhook_rules.hpp"
#include "webhooks/webhook_store.hpp"

namespace rw::webhooks {
namespace {

constexpr const char* kEntity = "webhook_subscription";

const std::set<std::string>& allowed_types() {
  static const std::set<std::string> allowed = [] {
    auto out = event_types();
    out.insert("*");
    return out;
  }();
  return allowed;
}

// The fields of a subscription from a body over `base` (a PATCH keeps what it does not name).
Subscription read_subscription(const nlohmann::json& body, Subscription base, UrlPolicy policy) {
  Fields fields(body);
  if (fields.has("url") || base.url.empty()) {
    base.url = fields.required_text("url", 1, 2000);
    if (fields.ok())
      if (auto refusal = check_url(base.url, policy.loopback_http))
        fields.add_error("url", refusal->code, refusal->zh, refusal->en);
  }
  if (fields.has("event_types") || base.event_types.empty()) {
    fields.require("event_types");
    if (auto types = fields.optional_choices("event_types", allowed_types())) {
      if (types->empty())
        fields.add_error("event_types", "required", "请至少选择一种事件", "choose at least one event type");
      base.event_types = std::move(*types);
    }
  }
  if (auto description = fields.optional_text("description", 200)) base.description = *description;
  if (auto active = fields.optional_bool("active")) base.active = *active;
  fields.finish();
  return base;
}

Subscription stored(const db::Row& row) {
  return {row.integer("org_id"), row.text("url"),
          nlohmann::json::parse(row.text("event_types")).get<std::vector<std::string>>(),
          row.text("description"), row.integer("active") != 0};
}

// The subscription's row; 404 once it is gone: its deletion may commit between two statements of a request
// (PostgreSQL reads each statement's own snapshot), and reading the row it no longer has crashed the server.
db::Row existing_subscription(db::Connection& db, std::int64_t id) {
  auto row = subscription_row(db, id);
  if (!row) throw not_found();
  return *std::move(row);
}

// The subscription as the actor may see it; 404 otherwise.
db::Row visible_subscription(const accounts::Operation& op, std::int64_t id) {
  access::require_visible(op.db, op.actor, access::kWebhookSubscription, id);
  return existing_subscription(op.db, id);
}

}  // namespace

nlohmann::json list_subscriptions(const accounts::Operation& op,
                                  const std::map<std::string, std::string>& query) {
  const auto page = parse_page(query);
  auto where = access::read_filter(op.db, op.actor, access::kWebhookSubscription);
  if (auto active = query_bool(query, "active")) where.add("ws.active = ?", std::int64_t{*active ? 1 : 0});
  const auto found = select_page(op.db, kSelectSubscription, kCountSubscription, where, "ws.id DESC", page);
  auto items = nlohmann::json::array();
  for (std::size_t i = 0; i < found.rows.size(); ++i) items.push_back(subscription_json(found.rows[i]));
  return page_json(std::move(items), found.total, page);
}

nlohmann::json get_subscription(const accounts::Operation& op, std::int64_t id) {
  return subscription_json(visible_subscription(op, id));
}

nlohmann::json create_subscription(const accounts::Operation& op, const nlohmann::json& body,
                                   UrlPolicy policy) {
  auto subscription = read_subscription(body, {}, policy);
  subscription.org_id = op.actor.org_id;
  const auto secret = new_secret();
  const auto id = insert_subscription(op.db, subscription, secret, op.actor.id, op.now_text());
  auto out = subscription_json(existing_subscription(op.db, id));
  audit::record(op, {kEntity, std::to_string(id), "create", subscription.org_id, audit::created(out)});
  out["secret"] = secret;
  return out;
}

nlohmann::json update_subscription(const accounts::Operation& op, std::int64_t id, const nlohmann::json& body,
                                   UrlPolicy policy) {
  const auto row = visible_subscription(op, id);
  const auto before = subscription_json(row);
  const auto changed = read_subscription(body, stored(row), policy);
  webhooks::update_subscription(op.db, id, changed, op.now_text());
  auto after = subscription_json(existing_subscription(op.db, id));
  audit::record_update(op, kEntity, id, changed.org_id, before, after);
  return after;
}

void delete_subscription(const accounts::Operation& op, std::int64_t id) {
  const auto row = visible_subscription(op, id);
  webhooks::delete_subscription(op.db, id);
  audit::record(op, {kEntity, std::to_string(id), "delete", row.integer("org_id"),
                     audit::deleted(subscription_json(row))});
}

nlohmann::json list_deliveries(const accounts::Operation& op, std::int64_t subscription_id,
                               const std::map<std::string, std::string>& query) {
  visible_subscription(op, subscription_id);
  return delivery_page(op.db, subscription_id, parse_page(query));
}

nlohmann::json replay_delivery(const accounts::Operation& op, std::int64_t subscription_id,
                               std::int64_t delivery_id) {
  const auto subscription = visible_subscription(op, subscription_id);
  if (!share_subscription(op.db, subscription_id)) throw not_found();  // deleted since it was read
  const auto original = delivery_row(op.db, subscription_id, delivery_id);
  if (!original) throw not_found();
  const auto id =
      insert_delivery(op.db, original->integer("event_id"), subscription_id, delivery_id, op.now_text());
  audit::record(op, {"webhook_delivery",
                     std::to_string(id),
                     "replay",
                     subscription.integer("org_id"),
                     {{"replay_of", {{"from", nullptr}, {"to", delivery_id}}}}});
  return delivery_json(op.db, id);
}

}  // namespace rw::webhooks
