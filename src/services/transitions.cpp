#include "services/transitions.hpp"

#include "platform/errors.hpp"

namespace rw::services {

std::optional<Transition> find_transition(std::span<const Transition> table, std::string_view action,
                                          std::string_view from) {
  for (const auto& t : table)
    if (t.action == action && t.from == from) return t;
  return std::nullopt;
}

void throw_invalid_transition(std::string_view from_zh, std::string_view from_en, std::string_view action) {
  throw conflict("invalid_transition", "当前状态为“" + std::string(from_zh) + "”，不能执行此操作",
                 "the status is " + std::string(from_en) + "; '" + std::string(action) + "' is not allowed");
}

}  // namespace rw::services
