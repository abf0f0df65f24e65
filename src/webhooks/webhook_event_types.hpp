#pragma once
// The events a subscription may name: `<object_type>.<action>` for every step of every status machine that
// writes a status history row (workflow::record_status), read from the machines' tables themselves so a
// new step is an event type without being listed twice.
#include <nlohmann/json_fwd.hpp>

#include <set>
#include <string>

namespace rw::webhooks {

const std::set<std::string>& event_types();
// [{type, object_type, action, zh, en}] in the machines' order, for the subscription form.
const nlohmann::json& event_types_json();

}  // namespace rw::webhooks
