#include "webhooks/webhook_delivery.hpp"

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include "platform/http/client.hpp"
#include "webhooks/webhook_rules.hpp"
#include "webhooks/webhook_store.hpp"

namespace rw::webhooks {
namespace {

// A server that dies while sending leaves the delivery due again after this long.
constexpr Seconds kClaimSeconds = 300;

nlohmann::json optional_id(const std::optional<std::int64_t>& id) {
  return id ? nlohmann::json(*id) : nlohmann::json();
}

nlohmann::json payload(const Outgoing& out) {
  const auto& e = out.event;
  return {{"id", out.event_id},
          {"type", e.type()},
          {"occurred_at", e.at},
          {"object", {{"type", e.object_type}, {"id", e.object_id}}},
          {"action", e.action},
          {"from_status", e.from_status},
          {"to_status", e.to_status},
          {"actor", {{"user_id", optional_id(e.actor_user_id)}, {"org_id", optional_id(e.actor_org_id)}}},
          {"org_id", optional_id(e.org_id)}};
}

// The due deliveries this pass takes; none taken (and no write) when none is due.
std::vector<std::int64_t> claim_due(db::Database& database, const Clock& clock, std::int64_t batch) {
  auto lease = database.acquire();
  const auto now = clock.now();
  const auto due = due_deliveries(*lease, format_utc(now), batch);
  std::vector<std::int64_t> claimed;
  if (due.empty()) return claimed;
  db::Transaction transaction(*lease, true);
  for (std::size_t i = 0; i < due.size(); ++i)
    if (claim_delivery(*lease, due[i].integer("id"), due[i].text("next_attempt_at"),
                       format_utc(now + kClaimSeconds)))
      claimed.push_back(due[i].integer("id"));
  transaction.commit();
  return claimed;
}

http::OutboundResult send(const Outgoing& out, Seconds at, const DeliveryOptions& options) {
  // The URL is checked again: the server may run without the test flag its subscription was made under.
  if (auto refusal = check_url(out.url, options.loopback_http)) return {0, "URL refused: " + refusal->en};
  const auto target = parse_target(out.url);
  const auto body = payload(out).dump();
  const auto timestamp = std::to_string(at);
  const bool loopback = options.loopback_http && !target.tls;
  http::OutboundPost post{target.tls,
                          target.host,
                          target.port,
                          target.path,
                          {{"X-Riskwatch-Event", out.event.type()},
                           {"X-Riskwatch-Delivery", std::to_string(out.id)},
                           {"X-Riskwatch-Timestamp", timestamp},
                           {"X-Riskwatch-Signature", signature(out.secret, timestamp, body)}},
                          "application/json",
                          body,
                          options.timeout,
                          [loopback](const std::string& address) { return may_connect(address, loopback); }};
  return http::post(post);
}

Outcome outcome_of(const http::OutboundResult& result, std::int64_t attempts, Seconds now) {
  Outcome outcome{"succeeded", attempts, std::nullopt, std::nullopt, result.error};
  if (result.status) outcome.status_code = result.status;
  if (delivered(result.status)) return outcome;
  if (outcome.error.empty()) outcome.error = "HTTP " + std::to_string(result.status);
  const auto delay = retry_delay(attempts);
  outcome.status = delay ? "pending" : "failed";
  if (delay) outcome.next_attempt_at = format_utc(now + *delay);
  return outcome;
}

void deliver(db::Database& database, const Clock& clock, const DeliveryOptions& options, std::int64_t id) {
  std::optional<Outgoing> out;
  {
    auto lease = database.acquire();
    out = outgoing(*lease, id);
  }
  if (!out) return;
  const auto at = clock.now();
  const auto started = std::chrono::steady_clock::now();
  const auto result = send(*out, at, options);
  const auto duration =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  const auto outcome = outcome_of(result, out->attempts + 1, clock.now());
  auto lease = database.acquire();
  db::Transaction transaction(*lease, true);
  if (!record_attempt(*lease, id, format_utc(at), outcome, duration.count()))
    spdlog::info("webhook delivery {}: its subscription was deleted while it was sent", id);
  transaction.commit();
}

}  // namespace

std::size_t deliver_due(db::Database& database, const Clock& clock, const DeliveryOptions& options) {
  const auto claimed = claim_due(database, clock, options.batch);
  for (const auto id : claimed) {
    try {
      deliver(database, clock, options, id);
    } catch (const std::exception& e) {
      spdlog::error("webhook delivery {} failed: {}", id, e.what());
    }
  }
  return claimed.size();
}

}  // namespace rw::webhooks
