#pragma once
// The outbox: every workflow transition becomes an event in the transition's own transaction
// (workflow::record_status calls this), with a delivery for each active subscription that takes its type
// and whose organization may see the object — decided by the access model as if that organization's
// admin asked for the object; a platform subscription sees every object.
#include "platform/db/database.hpp"
#include "webhooks/webhook_store.hpp"

namespace rw::webhooks {

void record_transition(db::Connection& db, const Event& event);

}  // namespace rw::webhooks
