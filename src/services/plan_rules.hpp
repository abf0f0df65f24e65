#pragma once
// The life of a service plan (wuxi §14(三), chengdu 5.3.1): drafted by the insurer or the agency,
// agreed by the enterprise or returned with comments. Pure.
#include <span>

#include "services/transitions.hpp"

namespace rw::services {

// draft or returned → proposed (writer); proposed → agreed | returned (enterprise); agreed → draft
// (writer, with a reason: the plan is revised).
std::span<const Transition> plan_transitions();

}  // namespace rw::services
