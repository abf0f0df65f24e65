#pragma once
// Status machines of commissions, plans and visits as tables: which action moves which status to
// which, and which party may take it. Pure: no database.
#include <optional>
#include <span>
#include <string>
#include <string_view>

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

// 409 invalid_transition naming the status and the action (labels in Chinese and English).
[[noreturn]] void throw_invalid_transition(std::string_view from_zh, std::string_view from_en,
                                           std::string_view action);

}  // namespace rw::services
