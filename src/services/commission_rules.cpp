#include "services/commission_rules.hpp"

namespace rw::services {

std::span<const Transition> commission_transitions() {
  static constexpr Transition table[] = {
      {"accept", "pending", "accepted", "agency", false},
      {"decline", "pending", "declined", "agency", true},
      {"request_cancel", "pending", "cancel_requested", "agency", true},
      {"approve_cancel", "cancel_requested", "cancelled", "insurer", false},
      {"reject_cancel", "cancel_requested", "pending", "insurer", true},
      {"withdraw", "pending", "withdrawn", "insurer", false},
      {"withdraw", "accepted", "withdrawn", "insurer", true},
      {"complete", "accepted", "completed", "visit", false},
  };
  return table;
}

bool commission_open(std::string_view status) {
  return status == "pending" || status == "accepted" || status == "cancel_requested";
}

}  // namespace rw::services
