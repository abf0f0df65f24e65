#pragma once
// Sending deliveries (issue 12): a background pass takes the deliveries that are due, POSTs each event as
// JSON signed with the subscription's secret, logs the attempt and schedules the next one (webhook_rules:
// 1 min, 5 min, 30 min, 2 h, 12 h, then failed). State is in the database, so a restart loses nothing and
// several servers share the work: a delivery is taken by moving its due time before it is sent.
#include <chrono>
#include <cstddef>
#include <cstdint>

#include "platform/clock.hpp"
#include "platform/db/database.hpp"

namespace rw::webhooks {

struct DeliveryOptions {
  bool loopback_http = false;  // serve --webhook-loopback-http (tests, development)
  std::chrono::milliseconds timeout{10'000};
  std::int64_t batch = 20;  // deliveries taken per pass
};

// Sends the deliveries due now; returns how many were attempted.
std::size_t deliver_due(db::Database& database, const Clock& clock, const DeliveryOptions& options);

}  // namespace rw::webhooks
