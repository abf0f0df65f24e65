#include "services/plan_rules.hpp"

namespace rw::services {

std::span<const Transition> plan_transitions() {
  static constexpr Transition table[] = {
      {"propose", "draft", "proposed", "writer", false},
      {"propose", "returned", "proposed", "writer", false},
      {"agree", "proposed", "agreed", "enterprise", false},
      {"return", "proposed", "returned", "enterprise", true},
      {"reopen", "agreed", "draft", "writer", true},
  };
  return table;
}

}  // namespace rw::services
