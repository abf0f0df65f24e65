#pragma once
// A status machine as a table. For each action: the statuses it may start from, the status it leads
// to, who may take it (party types, a permission, and a relationship to the object such as "the
// caller's organization is the item's agency"), whether a reason is required, a further condition of
// the object, and what happens on entering the new status (deadlines, notifications).
//
// `Subject` is what a machine knows of one object: `id`, `status`, and the parties and dates its
// table asks about. Tables are data; engine.hpp walks them.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/actor.hpp"
#include "platform/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/json_input.hpp"
#include "platform/vocabulary.hpp"
#include "workflow/caller.hpp"

namespace rw::workflow {

// Why a step cannot be taken now: a 409 that names the cause.
struct Refusal {
  std::string code;
  std::string zh;
  std::string en;
};

// One kind of caller who may take a step: of one of `parties` (organization types), holding
// `permission`, and standing in the relationship `may` checks to the object (none: any object).
template <class Subject>
struct Grant {
  std::vector<std::string_view> parties;
  std::string_view permission;
  bool (*may)(const Caller&, const Subject&) = nullptr;
};

enum class Reason { none, optional, required };

// What the caller said with a step.
struct Input {
  std::string code;     // a reason chosen from a list (why a visit could not enter)
  std::string text;     // the reason or note in the caller's words
  std::string history;  // the reason as the status history shows it
};

// A change a step made, for the audit log the caller writes (the engine knows no request).
struct Change {
  std::string entity;
  std::int64_t id = 0;
  std::optional<std::int64_t> org_id;
  nlohmann::json changes;
};
using Journal = std::vector<Change>;

// Who takes a step, when, and what it changed so far: shared by a step and the steps it sets off on
// other objects (a finished visit completes the commission it answers).
struct Act {
  db::Connection& db;
  const accounts::Actor& user;
  const Clock& clock;
  std::string now;  // UTC, as stored
  Journal& journal;
};

template <class Subject>
struct Step;

// One step being taken on one object: what the machine's store and the step's hooks see.
template <class Subject>
struct Move : Act {
  const Subject& subject;
  const Step<Subject>& step;
  Input input;
};

template <class Subject>
struct Step {
  std::string_view action;
  std::vector<std::string_view> from;
  std::string_view to = "";         // empty: the status stays (an edit, or a milestone)
  std::vector<Grant<Subject>> who;  // empty: no caller takes it; it follows from another step
  Reason reason = Reason::optional;
  // A further condition of the object (a refusal when it does not hold).
  std::optional<Refusal> (*guard)(const Subject&) = nullptr;
  // The refusal when the status does not allow the step; invalid_transition when not given.
  const Refusal* unavailable = nullptr;
  // Reads input other than a plain reason (replaces the reason).
  void (*read)(Fields&, Input&) = nullptr;
  // Runs after the new status is stored and recorded.
  void (*on_enter)(Move<Subject>&) = nullptr;
  std::string_view reason_missing_zh = "请填写原因";
  std::string_view reason_missing_en = "give a reason";
};

template <class Subject>
struct Machine {
  std::string_view object_type;  // in the status history and the audit log
  const Vocabulary& statuses;
  std::string_view read_permission;
  std::size_t reason_max_chars;
  std::vector<Step<Subject>> steps;
  // The object as the user may see it; 404 otherwise.
  Subject (*load)(db::Connection&, const accounts::Actor&, const Clock&, std::int64_t id);
  // Writes the new status of a status-changing step, with what goes with it (a reason, a date).
  void (*store)(Move<Subject>&);
  // The organization whose audit log the status change belongs to.
  std::optional<std::int64_t> (*audit_org)(const Subject&);
};

}  // namespace rw::workflow
