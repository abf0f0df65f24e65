#pragma once
// The life of one enterprise in a commission (wuxi §14(二), §15(二)). Pure: no database.
#include <span>
#include <string_view>

#include "services/transitions.hpp"

namespace rw::services {

// pending → accepted | declined | cancel_requested (agency); cancel_requested → cancelled | pending
// (insurer); pending or accepted → withdrawn (insurer; accepted only once overdue); accepted →
// completed (the on-site visit is done).
std::span<const Transition> commission_transitions();

// Statuses that block another commission of the same enterprise by the same insurer.
bool commission_open(std::string_view status);

}  // namespace rw::services
