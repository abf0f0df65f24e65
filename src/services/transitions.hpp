#pragma once
// Status machines of commissions, plans and visits as tables: which action moves which status to
// which, and which party may take it. Pure: no database.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "platform/json_input.hpp"
#include "platform/vocabulary.hpp"

namespace rw::services {

struct Transition {
  std::string_view action;
  std::string_view from;
  std::string_view to;
  std::string_view party;  // who may take it, in the terms of the machine (insurer, agency, enterprise…)
  bool needs_reason = false;
};

// The transition `action` takes from `from`, if the table allows it.
std::optional<Transition> find_transition(std::span<const Transition> table, std::string_view action,
                                          std::string_view from);

// The transition `action` takes from `from`; 409 invalid_transition, naming the status by its labels in
// `statuses`, when the table has none.
Transition require_transition(std::span<const Transition> table, std::string_view action,
                              std::string_view from, const Vocabulary& statuses);

// The "reason" of the body (at most `max_chars`); an error at "reason" when the transition needs one and
// none was given.
std::string transition_reason(Fields& fields, const Transition& transition, std::size_t max_chars,
                              std::string_view missing_zh = "请填写原因",
                              std::string_view missing_en = "give a reason");

}  // namespace rw::services
