#include "webhooks/webhook_store.hpp"

#include <map>

#include "platform/paging.hpp"

namespace rw::webhooks {
namespace {

constexpr const char* kInsertSubscription =
    "INSERT INTO webhook_subscriptions (org_id, url, event_types, secret, description, active, created_by, "
    "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kUpdateSubscription =
    "UPDATE webhook_subscriptions SET url = ?, event_types = ?, description = ?, active = ?, updated_at = ? "
    "WHERE id = ?";
constexpr const char* kDeleteAttemptsOfSubscription =
    "DELETE FROM webhook_attempts WHERE delivery_id IN (SELECT id FROM webhook_deliveries WHERE "
    "subscription_id = ?)";
constexpr const char* kDeleteDeliveriesOfSubscription =
    "DELETE FROM webhook_deliveries WHERE subscription_id = ?";
constexpr const char* kDeleteSubscription = "DELETE FROM webhook_subscriptions WHERE id = ?";
// PostgreSQL: a write to a subscription's deliveries holds the subscription's row first, so a deletion (which
// removes deliveries, then the row) and a replay or a recorded attempt (which reference both) take their
// locks in one order instead of deadlocking. SQLite's writers take turns and need no lock of a row.
constexpr const char* kHoldSubscriptionPg = "SELECT id FROM webhook_subscriptions WHERE id = ? FOR UPDATE";
constexpr const char* kShareSubscriptionPg = "SELECT id FROM webhook_subscriptions WHERE id = ? FOR SHARE";
constexpr const char* kSubscriptionExists = "SELECT id FROM webhook_subscriptions WHERE id = ?";
constexpr const char* kShareSubscriptionOfDeliveryPg =
    "SELECT ws.id FROM webhook_subscriptions ws WHERE ws.id = (SELECT d.subscription_id FROM "
    "webhook_deliveries d WHERE d.id = ?) FOR SHARE";
constexpr const char* kSubscriptionOfDelivery = "SELECT subscription_id FROM webhook_deliveries WHERE id = ?";
constexpr const char* kSelectActiveSubscriptions =
    "SELECT ws.id, ws.org_id, o.type AS org_type, ws.event_types FROM webhook_subscriptions ws "
    "JOIN organizations o ON o.id = ws.org_id WHERE ws.active = 1";
constexpr const char* kInsertEvent =
    "INSERT INTO webhook_events (type, object_type, object_id, action, from_status, to_status, "
    "actor_user_id, "
    "actor_org_id, org_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kInsertDelivery =
    "INSERT INTO webhook_deliveries (event_id, subscription_id, status, attempts, next_attempt_at, "
    "replay_of, "
    "created_at, updated_at) VALUES (?, ?, 'pending', 0, ?, ?, ?, ?) RETURNING id";
// A transition's deliveries, one per subscription that takes it, in one statement: a subscription deleted
// meanwhile has no row to select and gets none. SQLite's writers take turns; PostgreSQL holds the
// subscriptions first, in one order (kShareSubscriptionPg), and a deletion that held one commits before.
constexpr const char* kInsertDeliveries =
    "INSERT INTO webhook_deliveries (event_id, subscription_id, status, attempts, next_attempt_at, "
    "replay_of, created_at, updated_at) SELECT ?, id, 'pending', 0, ?, NULL, ?, ? FROM ";
constexpr const char* kHeldSubscriptionsPg =
    "WITH held AS (SELECT id FROM webhook_subscriptions WHERE id IN ";
constexpr const char* kSelectDue =
    "SELECT d.id, d.next_attempt_at FROM webhook_deliveries d JOIN webhook_subscriptions ws ON ws.id = "
    "d.subscription_id WHERE d.status = 'pending' AND d.next_attempt_at <= ? AND ws.active = 1 "
    "ORDER BY d.next_attempt_at, d.id LIMIT ?";
constexpr const char* kClaimDelivery =
    "UPDATE webhook_deliveries SET next_attempt_at = ? WHERE id = ? AND status = 'pending' AND "
    "next_attempt_at = ?";
constexpr const char* kSelectOutgoing =
    "SELECT d.id, d.attempts, ws.url, ws.secret, e.id AS event_id, e.object_type, e.object_id, e.action, "
    "e.from_status, e.to_status, e.actor_user_id, e.actor_org_id, e.org_id, e.at FROM webhook_deliveries d "
    "JOIN webhook_subscriptions ws ON ws.id = d.subscription_id JOIN webhook_events e ON e.id = d.event_id "
    "WHERE d.id = ?";
constexpr const char* kInsertAttempt =
    "INSERT INTO webhook_attempts (delivery_id, at, status_code, duration_ms, error) VALUES (?, ?, ?, ?, ?)";
constexpr const char* kRecordOutcome =
    "UPDATE webhook_deliveries SET status = ?, attempts = ?, next_attempt_at = ?, last_status_code = ?, "
    "last_error = ?, updated_at = ? WHERE id = ?";
constexpr const char* kSelectDelivery =
    "SELECT d.id, d.event_id, d.subscription_id, d.status, d.attempts, d.next_attempt_at, "
    "d.last_status_code, "
    "d.last_error, d.replay_of, d.created_at, e.type, e.object_type, e.object_id, e.from_status, "
    "e.to_status, "
    "e.at AS occurred_at FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id";
const CountFrom kCountDelivery{"webhook_deliveries d"};
constexpr const char* kSelectAttempts =
    "SELECT delivery_id, at, status_code, duration_ms, error FROM webhook_attempts WHERE delivery_id IN (";

nlohmann::json optional_integer(const db::Row& row, std::string_view column) {
  return row.is_null(column) ? nlohmann::json() : nlohmann::json(row.integer(column));
}

// The attempts of the deliveries, oldest first.
std::map<std::int64_t, nlohmann::json> attempts_of(db::Connection& db, const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, nlohmann::json> out;
  if (ids.empty()) return out;
  db::Params params(ids.begin(), ids.end());
  const auto rows = db.query(kSelectAttempts + placeholders(ids.size()) + ") ORDER BY id", params);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto row = rows[i];
    out[row.integer("delivery_id")].push_back({{"at", row.text("at")},
                                               {"status_code", optional_integer(row, "status_code")},
                                               {"duration_ms", row.integer("duration_ms")},
                                               {"error", row.text("error")}});
  }
  return out;
}

nlohmann::json delivery_of(const db::Row& row, const nlohmann::json& attempts) {
  return {{"id", row.integer("id")},
          {"subscription_id", row.integer("subscription_id")},
          {"event",
           {{"id", row.integer("event_id")},
            {"type", row.text("type")},
            {"object_type", row.text("object_type")},
            {"object_id", row.integer("object_id")},
            {"from_status", row.text("from_status")},
            {"to_status", row.text("to_status")},
            {"occurred_at", row.text("occurred_at")}}},
          {"status", row.text("status")},
          {"attempts", row.integer("attempts")},
          {"next_attempt_at",
           row.is_null("next_attempt_at") ? nlohmann::json() : nlohmann::json(row.text("next_attempt_at"))},
          {"last_status_code", optional_integer(row, "last_status_code")},
          {"last_error", row.text("last_error")},
          {"replay_of", optional_integer(row, "replay_of")},
          {"created_at", row.text("created_at")},
          {"attempt_log", attempts.is_null() ? nlohmann::json::array() : attempts}};
}

}  // namespace

const char* const kSelectSubscription =
    "SELECT ws.id, ws.org_id, o.name AS org_name, ws.url, ws.event_types, ws.description, ws.active, "
    "ws.created_at, ws.updated_at FROM webhook_subscriptions ws JOIN organizations o ON o.id = ws.org_id";
const CountFrom kCountSubscription{"webhook_subscriptions ws"};

std::int64_t insert_subscription(db::Connection& db, const Subscription& s, const std::string& secret,
                                 std::int64_t user_id, const std::string& now) {
  return db
      .query(kInsertSubscription,
             {s.org_id, s.url, nlohmann::json(s.event_types).dump(), secret, s.description,
              std::int64_t{s.active ? 1 : 0}, user_id ? db::Value(user_id) : db::null_value(), now, now})[0]
      .integer("id");
}

std::optional<db::Row> subscription_row(db::Connection& db, std::int64_t id) {
  const auto rows = db.query(std::string(kSelectSubscription) + " WHERE ws.id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return rows[0];
}

void update_subscription(db::Connection& db, std::int64_t id, const Subscription& s, const std::string& now) {
  db.execute(kUpdateSubscription, {s.url, nlohmann::json(s.event_types).dump(), s.description,
                                   std::int64_t{s.active ? 1 : 0}, now, id});
}

bool share_subscription(db::Connection& db, std::int64_t id) {
  const bool pg = db.dialect() == db::Dialect::postgresql;
  return !db.query(pg ? kShareSubscriptionPg : kSubscriptionExists, {id}).empty();
}

void delete_subscription(db::Connection& db, std::int64_t id) {
  if (db.dialect() == db::Dialect::postgresql) db.query(kHoldSubscriptionPg, {id});
  db.execute(kDeleteAttemptsOfSubscription, {id});
  db.execute(kDeleteDeliveriesOfSubscription, {id});
  db.execute(kDeleteSubscription, {id});
}

nlohmann::json subscription_json(const db::Row& row) {
  return {{"id", row.integer("id")},
          {"org", {{"id", row.integer("org_id")}, {"name", row.text("org_name")}}},
          {"url", row.text("url")},
          {"event_types", nlohmann::json::parse(row.text("event_types"))},
          {"description", row.text("description")},
          {"active", row.integer("active") != 0},
          {"created_at", row.text("created_at")},
          {"updated_at", row.text("updated_at")}};
}

EventWritten insert_event_reading_subscriptions(db::Connection& db, const Event& e) {
  auto answered = db.query_each({{kInsertEvent,
                                  {e.type(), e.object_type, e.object_id, e.action, e.from_status, e.to_status,
                                   db::optional_value(e.actor_user_id), db::optional_value(e.actor_org_id),
                                   db::optional_value(e.org_id), e.at}},
                                 {kSelectActiveSubscriptions, {}}});
  return {answered[0][0].integer("id"), std::move(answered[1])};
}

std::int64_t insert_delivery(db::Connection& db, std::int64_t event_id, std::int64_t subscription_id,
                             std::optional<std::int64_t> replay_of, const std::string& now) {
  return db
      .query(kInsertDelivery, {event_id, subscription_id, now, db::optional_value(replay_of), now, now})[0]
      .integer("id");
}

void insert_deliveries(db::Connection& db, std::int64_t event_id,
                       const std::vector<std::int64_t>& subscription_ids, const std::string& now) {
  if (subscription_ids.empty()) return;
  const db::Params ids(subscription_ids.begin(), subscription_ids.end());
  const db::Params values{event_id, now, now, now};
  const auto in_ids = "(" + placeholders(ids.size()) + ")";
  if (db.dialect() == db::Dialect::postgresql) {
    auto params = ids;
    params.insert(params.end(), values.begin(), values.end());
    db.execute(kHeldSubscriptionsPg + in_ids + " ORDER BY id FOR SHARE) " + kInsertDeliveries + "held",
               params);
    return;
  }
  auto params = values;
  params.insert(params.end(), ids.begin(), ids.end());
  db.execute(std::string(kInsertDeliveries) + "webhook_subscriptions WHERE id IN " + in_ids, params);
}

db::Rows due_deliveries(db::Connection& db, const std::string& now, std::int64_t limit) {
  return db.query(kSelectDue, {now, limit});
}

bool claim_delivery(db::Connection& db, std::int64_t id, const std::string& due_at,
                    const std::string& until) {
  return db.execute(kClaimDelivery, {until, id, due_at}) == 1;
}

std::optional<Outgoing> outgoing(db::Connection& db, std::int64_t delivery_id) {
  const auto rows = db.query(kSelectOutgoing, {delivery_id});
  if (rows.empty()) return std::nullopt;
  const auto r = rows[0];
  return Outgoing{r.integer("id"),
                  r.integer("attempts"),
                  r.text("url"),
                  r.text("secret"),
                  r.integer("event_id"),
                  {r.text("object_type"), r.integer("object_id"), r.text("action"), r.text("from_status"),
                   r.text("to_status"), r.optional_integer("actor_user_id"),
                   r.optional_integer("actor_org_id"), r.optional_integer("org_id"), r.text("at")}};
}

bool record_attempt(db::Connection& db, std::int64_t delivery_id, const std::string& at,
                    const Outcome& outcome, std::int64_t duration_ms) {
  const bool pg = db.dialect() == db::Dialect::postgresql;
  if (db.query(pg ? kShareSubscriptionOfDeliveryPg : kSubscriptionOfDelivery, {delivery_id}).empty())
    return false;
  db.execute(kInsertAttempt,
             {delivery_id, at, db::optional_value(outcome.status_code), duration_ms, outcome.error});
  db.execute(kRecordOutcome, {outcome.status, outcome.attempts, db::optional_value(outcome.next_attempt_at),
                              db::optional_value(outcome.status_code), outcome.error, at, delivery_id});
  return true;
}

std::optional<db::Row> delivery_row(db::Connection& db, std::int64_t subscription_id, std::int64_t id) {
  const auto rows = db.query(std::string(kSelectDelivery) + " WHERE d.id = ? AND d.subscription_id = ?",
                             {id, subscription_id});
  if (rows.empty()) return std::nullopt;
  return rows[0];
}

nlohmann::json delivery_page(db::Connection& db, std::int64_t subscription_id, const Page& page) {
  const SqlFilter where("d.subscription_id = ?", {subscription_id});
  const auto found = select_page(db, kSelectDelivery, kCountDelivery, where, "d.id DESC", page);
  const auto attempts = attempts_of(db, found.rows.integers("id"));
  auto items = nlohmann::json::array();
  for (std::size_t i = 0; i < found.rows.size(); ++i) {
    const auto row = found.rows[i];
    const auto it = attempts.find(row.integer("id"));
    items.push_back(delivery_of(row, it == attempts.end() ? nlohmann::json() : it->second));
  }
  return page_json(std::move(items), found.total, page);
}

nlohmann::json delivery_json(db::Connection& db, std::int64_t id) {
  const auto rows = db.query(std::string(kSelectDelivery) + " WHERE d.id = ?", {id});
  const auto attempts = attempts_of(db, {id});
  const auto it = attempts.find(id);
  return delivery_of(rows[0], it == attempts.end() ? nlohmann::json() : it->second);
}

}  // namespace rw::webhooks
