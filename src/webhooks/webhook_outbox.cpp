#include "webhooks/webhook_outbox.hpp"

#include <map>

#include "access/visibility.hpp"
#include "accounts/scope.hpp"
#include "webhooks/webhook_rules.hpp"

namespace rw::webhooks {
namespace {

const access::EntityAccess* entity_named(std::string_view object_type) {
  for (const auto* entity : access::all_entities())
    if (entity->name == object_type) return entity;
  return nullptr;
}

// An organization as its admin, which is what the access model asks of a reader: the organization and its
// party type (the admin role only makes a platform organization's reader see everything). It reads within the
// stepping request's transaction, so its kept reach is checked as a write's is.
accounts::Actor admin_of(std::int64_t org_id, const std::string& org_type,
                         std::optional<std::int64_t> reach_generation) {
  accounts::Actor reader;
  reader.org_id = org_id;
  reader.org_type = org_type;
  reader.roles = {"admin"};
  reader.reach_generation = reach_generation;
  reader.writes = true;
  return reader;
}

}  // namespace

// The organizations that take the event are asked together: their reaches kept between steps (read in two
// statements when the generation moved) and whether each sees the object in one (access::seen_by), where
// asking each alone took two statements or three per organization on every step. PostgreSQL, the province's
// 25 subscriptions: asking together took a commission item's step from 287-568 to 594-763 req/s; SQLite, the
// kept reaches: 1,140-1,192 -> 1,325-1,336 (bench/README, thirty-first and thirty-second rounds).
void record_transition(db::Connection& db, const Event& event, std::optional<std::int64_t> reach_generation) {
  const auto [event_id, subscriptions] = insert_event_reading_subscriptions(db, event);
  if (subscriptions.empty()) return;
  const auto type = event.type();
  std::vector<std::size_t> taking;       // the subscriptions that take the event
  std::vector<accounts::Actor> readers;  // their organizations, each once
  std::map<std::int64_t, std::size_t> reader_of;
  for (std::size_t i = 0; i < subscriptions.size(); ++i) {
    const auto row = subscriptions[i];
    if (!takes_event(nlohmann::json::parse(row.text("event_types")).get<std::vector<std::string>>(), type))
      continue;
    taking.push_back(i);
    const auto org_id = row.integer("org_id");
    if (reader_of.emplace(org_id, readers.size()).second)
      readers.push_back(admin_of(org_id, row.text("org_type"), reach_generation));
  }
  if (taking.empty()) return;
  const auto* entity = entity_named(event.object_type);
  std::vector<bool> sees(readers.size(), false);
  if (entity) {
    accounts::read_reaches(db, readers);
    sees = access::seen_by(db, readers, *entity, event.object_id);
  }
  std::vector<std::int64_t> delivered;
  for (const auto i : taking) {
    const auto row = subscriptions[i];
    const auto reader = reader_of.at(row.integer("org_id"));
    if (readers[reader].is_platform_admin() || sees[reader]) delivered.push_back(row.integer("id"));
  }
  // A subscription being deleted meanwhile is waited for, then left out: the transition goes on without it.
  insert_deliveries(db, event_id, delivered, event.at);
}

}  // namespace rw::webhooks
