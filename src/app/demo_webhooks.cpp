#include "app/demo_webhooks.hpp"

#include "platform/clock.hpp"
#include "webhooks/webhook_rules.hpp"
#include "webhooks/webhook_store.hpp"

namespace rw::app {
namespace {

constexpr const char* kHazardEvents =
    "SELECT e.id, e.at FROM webhook_events e JOIN hazards h ON h.id = e.object_id WHERE e.object_type = "
    "'hazard' "
    "AND h.agency_org_id = ? AND e.type IN ('hazard.notify', 'hazard.submit_evidence', 'hazard.verify') "
    "ORDER BY e.id DESC LIMIT 3";
constexpr const char* kAdminOf =
    "SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id WHERE u.org_id = ? AND r.role = 'admin' "
    "ORDER BY u.id LIMIT 1";

std::string later(const std::string& at, Seconds seconds) {
  Seconds t = 0;
  parse_utc(at, t);
  return format_utc(t + seconds);
}

void attempt(db::Connection& db, std::int64_t delivery, const std::string& at, webhooks::Outcome outcome,
             std::int64_t ms) {
  webhooks::record_attempt(db, delivery, at, outcome, ms);
}

}  // namespace

void seed_demo_webhooks(db::Connection& db, std::int64_t agency_org_id, const std::string& now) {
  const auto admin = db.query(kAdminOf, {agency_org_id});
  const auto subscription = webhooks::insert_subscription(
      db,
      {agency_org_id,
       "https://hooks.example.com/riskwatch",
       {"hazard.notify", "hazard.submit_evidence", "hazard.verify"},
       "隐患整改进度推送至本机构工单系统",
       false},  // inactive: the demo's deliveries are a record to look at, not requests to a real host
      webhooks::new_secret(), admin.empty() ? 0 : admin[0].integer("id"), now);
  const auto events = db.query(kHazardEvents, {agency_org_id});
  if (events.size() == 3) {
    const auto delivered_at = events[0].text("at");
    const auto delivered =
        webhooks::insert_delivery(db, events[0].integer("id"), subscription, std::nullopt, delivered_at);
    attempt(db, delivered, delivered_at, {"succeeded", 1, std::nullopt, 200, ""}, 184);

    const auto retried_at = events[1].text("at");
    const auto retried =
        webhooks::insert_delivery(db, events[1].integer("id"), subscription, std::nullopt, retried_at);
    attempt(db, retried, retried_at, {"pending", 1, later(retried_at, 60), 503, "HTTP 503"}, 95);
    attempt(db, retried, later(retried_at, 60),
            {"pending", 2, later(retried_at, 360), std::nullopt, "timeout"}, 10000);

    // Never answered: tried on the whole schedule, failed, then replayed by hand once the receiver was up.
    const auto failed_at = events[2].text("at");
    const auto failed =
        webhooks::insert_delivery(db, events[2].integer("id"), subscription, std::nullopt, failed_at);
    Seconds after = 0;
    for (std::int64_t n = 1; n <= 6; ++n) {
      const auto delay = webhooks::retry_delay(n);
      const auto next = delay ? std::optional(later(failed_at, after + *delay)) : std::nullopt;
      attempt(db, failed, later(failed_at, after),
              {delay ? "pending" : "failed", n, next, std::nullopt, "Connection refused"}, 3);
      if (delay) after += *delay;
    }
    const auto replayed = webhooks::insert_delivery(db, events[2].integer("id"), subscription, failed, now);
    attempt(db, replayed, now, {"succeeded", 1, std::nullopt, 204, ""}, 142);
  }
}

}  // namespace rw::app
