#pragma once
// Relations that decide who keeps (changes) records of an enterprise that are not a list of their own,
// checked against the enterprise's id with access::is_visible. Declared with the other entities
// (entities.cpp).
#include "access/entities.hpp"

namespace rw::access {

// Who keeps an enterprise's work-safety risk list and four-colour map (issue 13); everyone who sees the
// enterprise reads them.
extern const EntityAccess kSafetyRiskKeeper;

}  // namespace rw::access
