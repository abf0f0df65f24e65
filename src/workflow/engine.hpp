#pragma once
// Walks a Machine: which actions a caller may take on an object now, whether a given action is
// allowed (403 / 409), and taking it — load in scope, authorize, read the reason, store the status,
// record the history, run the on-enter hooks. One path for every status machine, so the actions an
// object lists and the steps the server accepts cannot disagree. No HTTP: routes, daily jobs and
// imports call the same functions.
#include <algorithm>

#include "platform/errors.hpp"
#include "workflow/machine.hpp"

namespace rw::workflow {

// Non-template parts (engine.cpp).
[[noreturn]] void refuse(const Refusal& refusal);
Refusal invalid_transition(const Vocabulary& statuses, std::string_view from, std::string_view action);
// The reason (or the step's own input) from the body; 422 when a required one is missing.
Input read_input(const nlohmann::json& body, Reason reason, std::size_t max_chars,
                 void (*read)(Fields&, Input&), std::string_view missing_zh, std::string_view missing_en);
// Writes the status_events row and the webhook event (webhooks/webhook_outbox.hpp), and journals the change
// for the audit log.
void record_status(Act& act, std::string_view object_type, std::int64_t id,
                   std::optional<std::int64_t> org_id, std::string_view action, std::string_view from,
                   std::string_view to, const std::string& reason);

template <class Subject>
bool allowed(const Caller& caller, const Step<Subject>& step, const Subject& subject) {
  return std::any_of(step.who.begin(), step.who.end(), [&](const Grant<Subject>& grant) {
    return caller.is(grant.parties) && caller.has(grant.permission) &&
           (!grant.may || grant.may(caller, subject));
  });
}

// The step `action` takes from `status`, if the table has one.
template <class Subject>
const Step<Subject>* step_from(const Machine<Subject>& machine, std::string_view action,
                               std::string_view status) {
  for (const auto& step : machine.steps)
    if (step.action == action && std::find(step.from.begin(), step.from.end(), status) != step.from.end())
      return &step;
  return nullptr;
}

// The actions the caller may take on the object now, in table order.
template <class Subject>
std::vector<std::string> actions(const Caller& caller, const Machine<Subject>& machine,
                                 const Subject& subject) {
  std::vector<std::string> out;
  for (const auto& step : machine.steps) {
    if (std::find(step.from.begin(), step.from.end(), subject.status) == step.from.end()) continue;
    if (!allowed(caller, step, subject) || (step.guard && step.guard(subject))) continue;
    out.emplace_back(step.action);
  }
  return out;
}

// The step `action` takes on the object for the caller: 403 when the caller may take it in no status
// of this object, 409 when the status or the object does not allow it now.
template <class Subject>
const Step<Subject>& authorize(const Caller& caller, const Machine<Subject>& machine, const Subject& subject,
                               std::string_view action) {
  bool ever = false;
  const Refusal* unavailable = nullptr;
  for (const auto& step : machine.steps) {
    if (step.action != action) continue;
    ever = ever || allowed(caller, step, subject);
    if (step.unavailable) unavailable = step.unavailable;
  }
  if (!ever) throw forbidden();
  const auto* step = step_from(machine, action, subject.status);
  if (!step)
    refuse(unavailable ? *unavailable : invalid_transition(machine.statuses, subject.status, action));
  if (!allowed(caller, *step, subject)) throw forbidden();
  if (step->guard)
    if (auto refusal = step->guard(subject)) refuse(*refusal);
  return *step;
}

// Takes the step without asking who may: stores the new status, records it, runs the hook.
template <class Subject>
void apply(Move<Subject>& move, const Machine<Subject>& machine) {
  const auto& step = move.step;
  if (!step.to.empty()) {
    machine.store(move);
    record_status(move, machine.object_type, move.subject.id, machine.audit_org(move.subject), step.action,
                  move.subject.status, step.to, move.input.history);
  }
  if (step.on_enter) step.on_enter(move);
}

// A step no caller takes directly, set off by another (a finished visit completes its commission);
// nothing when the object's status has no such step.
template <class Subject>
void follow(Act& act, const Machine<Subject>& machine, const Subject& subject, std::string_view action) {
  const auto* step = step_from(machine, action, subject.status);
  if (!step) return;
  Move<Subject> move{act, subject, *step, {}};
  apply(move, machine);
}

// The object as the user may see it (404) when the caller may take `action` on it now (403 / 409).
template <class Subject>
Subject require(db::Connection& db, const accounts::Actor& user, const Clock& clock,
                const Machine<Subject>& machine, std::int64_t id, std::string_view action) {
  const Caller caller(db, user);
  if (!caller.has(machine.read_permission)) throw forbidden();
  Subject subject = machine.load(db, user, clock, id);
  authorize(caller, machine, subject, action);
  return subject;
}

// POST /{objects}/{id}/{action}: require(), then reads the reason (422) and takes the step. Returns the
// changes for the audit log.
template <class Subject>
Journal take(db::Connection& db, const accounts::Actor& user, const Clock& clock,
             const Machine<Subject>& machine, std::int64_t id, std::string_view action,
             const nlohmann::json& body) {
  const Subject subject = require(db, user, clock, machine, id, action);
  const auto& step = *step_from(machine, action, subject.status);
  auto input = read_input(body, step.reason, machine.reason_max_chars, step.read, step.reason_missing_zh,
                          step.reason_missing_en);
  Journal journal;
  Move<Subject> move{{db, user, clock, format_utc(clock.now()), journal}, subject, step, std::move(input)};
  apply(move, machine);
  return journal;
}

}  // namespace rw::workflow
