#pragma once
// The outbox: every workflow transition becomes an event in the transition's own transaction
// (workflow::record_status calls this), with a delivery for each active subscription that takes its type
// and whose organization may see the object — decided by the access model as if that organization's
// admin asked for the object; a platform subscription sees every object.
#include <cstdint>
#include <optional>

#include "platform/db/database.hpp"
#include "webhooks/webhook_store.hpp"

namespace rw::webhooks {

// `reach_generation` is the stepping request's (accounts::Actor): the subscribers' reaches kept under it are
// used while the transaction has not moved it.
void record_transition(db::Connection& db, const Event& event, std::optional<std::int64_t> reach_generation);

}  // namespace rw::webhooks
