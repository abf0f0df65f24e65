#include "webhooks/webhook_outbox.hpp"

#include <map>

#include "access/visibility.hpp"
#include "webhooks/webhook_rules.hpp"

namespace rw::webhooks {
namespace {

const access::EntityAccess* entity_named(std::string_view object_type) {
  for (const auto* entity : access::all_entities())
    if (entity->name == object_type) return entity;
  return nullptr;
}

// What the organization's admin would see: the organization and its party type are all the access model asks
// of a reader (the admin role only makes a platform organization's reader see everything).
bool organization_sees(db::Connection& db, std::int64_t org_id, const std::string& org_type,
                       const access::EntityAccess* entity, std::int64_t object_id) {
  accounts::Actor reader;
  reader.org_id = org_id;
  reader.org_type = org_type;
  reader.roles = {"admin"};
  if (reader.is_platform_admin()) return true;
  return entity && access::is_visible(db, reader, *entity, object_id);
}

}  // namespace

void record_transition(db::Connection& db, const Event& event) {
  const auto event_id = insert_event(db, event);
  const auto subscriptions = active_subscriptions(db);
  if (subscriptions.empty()) return;
  const auto type = event.type();
  const auto* entity = entity_named(event.object_type);
  std::map<std::int64_t, bool> sees;  // by organization: several subscriptions of one ask once
  for (std::size_t i = 0; i < subscriptions.size(); ++i) {
    const auto row = subscriptions[i];
    if (!takes_event(nlohmann::json::parse(row.text("event_types")).get<std::vector<std::string>>(), type))
      continue;
    const auto org_id = row.integer("org_id");
    auto known = sees.find(org_id);
    if (known == sees.end())
      known =
          sees.emplace(org_id, organization_sees(db, org_id, row.text("org_type"), entity, event.object_id))
              .first;
    // A subscription being deleted meanwhile is waited for, then left out: the transition goes on without it.
    if (known->second && share_subscription(db, row.integer("id")))
      insert_delivery(db, event_id, row.integer("id"), std::nullopt, event.at);
  }
}

}  // namespace rw::webhooks
