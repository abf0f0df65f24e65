#pragma once
// A workflow step as an operation: the engine's table decides who may take it, its hooks run, and what it
// changed goes to the audit log under the operation's trace id. Requests, jobs and offline sync take
// steps through this.
#include <cstdint>
#include <string_view>

#include "accounts/operation.hpp"
#include "workflow/engine.hpp"

namespace rw::services {

// One audit "update" entry per change.
void audit_journal(const accounts::Operation& op, const workflow::Journal& journal);

// Takes `action` on the object `id` with the step's input (reason, fields; {} when it has none).
template <class Subject>
void take_step(const accounts::Operation& op, const workflow::Machine<Subject>& machine, std::int64_t id,
               std::string_view action, const nlohmann::json& input) {
  audit_journal(op, workflow::take(op.db, op.actor, op.clock, machine, id, action, input));
}

}  // namespace rw::services
