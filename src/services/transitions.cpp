#include "services/transitions.hpp"

#include "platform/errors.hpp"

namespace rw::services {

std::optional<Transition> find_transition(std::span<const Transition> table, std::string_view action,
                                          std::string_view from) {
  for (const auto& t : table)
    if (t.action == action && t.from == from) return t;
  return std::nullopt;
}

Transition require_transition(std::span<const Transition> table, std::string_view action,
                              std::string_view from, const Vocabulary& statuses) {
  if (auto transition = find_transition(table, action, from)) return *transition;
  throw conflict("invalid_transition", "当前状态为“" + statuses.zh(from) + "”，不能执行此操作",
                 "the status is " + statuses.en(from) + "; '" + std::string(action) + "' is not allowed");
}

std::string transition_reason(Fields& fields, const Transition& transition, std::size_t max_chars,
                              std::string_view missing_zh, std::string_view missing_en) {
  auto reason = fields.optional_text("reason", max_chars).value_or("");
  if (fields.ok() && transition.needs_reason && reason.empty())
    fields.add_error("reason", "required", std::string(missing_zh), std::string(missing_en));
  return reason;
}

}  // namespace rw::services
