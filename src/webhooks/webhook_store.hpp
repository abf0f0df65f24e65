#pragma once
// The SQL of webhooks: subscriptions, the events transitions write, deliveries and their attempts.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/db/database.hpp"
#include "platform/json_input.hpp"
#include "platform/sql_filter.hpp"

namespace rw::webhooks {

struct Subscription {
  std::int64_t org_id = 0;
  std::string url;
  std::vector<std::string> event_types;
  std::string description;
  bool active = true;
};

// A transition as the outbox keeps it.
struct Event {
  std::string object_type;
  std::int64_t object_id = 0;
  std::string action;
  std::string from_status;
  std::string to_status;
  std::optional<std::int64_t> actor_user_id;
  std::optional<std::int64_t> actor_org_id;
  std::optional<std::int64_t> org_id;  // whose audit the object's change belongs to
  std::string at;
  std::string type() const { return object_type + "." + action; }
};

// One delivery being sent: the subscription's URL and secret, and the event.
struct Outgoing {
  std::int64_t id = 0;
  std::int64_t attempts = 0;
  std::string url;
  std::string secret;
  std::int64_t event_id = 0;
  Event event;
};

struct Outcome {
  std::string status;  // pending | succeeded | failed
  std::int64_t attempts = 0;
  std::optional<std::string> next_attempt_at;
  std::optional<std::int64_t> status_code;
  std::string error;
};

// Subscriptions, with their organization's name (alias ws; o the organization).
extern const char* const kSelectSubscription;
extern const CountFrom kCountSubscription;

std::int64_t insert_subscription(db::Connection& db, const Subscription& s, const std::string& secret,
                                 std::int64_t user_id, const std::string& now);
std::optional<db::Row> subscription_row(db::Connection& db, std::int64_t id);
void update_subscription(db::Connection& db, std::int64_t id, const Subscription& s, const std::string& now);
// Holds the subscription against a deletion until the transaction ends (a replay, a transition's delivery):
// false when it is gone.
bool share_subscription(db::Connection& db, std::int64_t id);
// With its deliveries and their attempts.
void delete_subscription(db::Connection& db, std::int64_t id);
nlohmann::json subscription_json(const db::Row& row);

struct EventWritten {
  std::int64_t id;
  // The active subscriptions with their organization's type (id, org_id, org_type, event_types).
  db::Rows subscriptions;
};
// Writes the event and reads the active subscriptions, which PostgreSQL is sent together.
EventWritten insert_event_reading_subscriptions(db::Connection& db, const Event& event);
std::int64_t insert_delivery(db::Connection& db, std::int64_t event_id, std::int64_t subscription_id,
                             std::optional<std::int64_t> replay_of, const std::string& now);
// A pending delivery of the event to each of the subscriptions; those deleted meanwhile are left out.
void insert_deliveries(db::Connection& db, std::int64_t event_id,
                       const std::vector<std::int64_t>& subscription_ids, const std::string& now);

// Pending deliveries of active subscriptions due at `now`, oldest first: {id, next_attempt_at}.
db::Rows due_deliveries(db::Connection& db, const std::string& now, std::int64_t limit);
// Takes a due delivery for this worker by moving its due time to `until`: false when another took it first.
bool claim_delivery(db::Connection& db, std::int64_t id, const std::string& due_at, const std::string& until);
std::optional<Outgoing> outgoing(db::Connection& db, std::int64_t delivery_id);
// False (and nothing written) when the delivery's subscription was deleted meanwhile.
bool record_attempt(db::Connection& db, std::int64_t delivery_id, const std::string& at,
                    const Outcome& outcome, std::int64_t duration_ms);

// The delivery of the subscription (event_id), if it is one of its.
std::optional<db::Row> delivery_row(db::Connection& db, std::int64_t subscription_id, std::int64_t id);
// A page of a subscription's deliveries, newest first, each with its event and its attempts.
nlohmann::json delivery_page(db::Connection& db, std::int64_t subscription_id, const Page& page);
nlohmann::json delivery_json(db::Connection& db, std::int64_t id);

}  // namespace rw::webhooks
