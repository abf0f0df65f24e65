#pragma once
// The kinds of objects that keep a status history. The database does not constrain status_events.object_type
// (see V026), so record_status refuses a type that is not listed here: a misspelt type would otherwise leave
// a history no page ever reads.
#include <algorithm>
#include <array>
#include <string_view>

namespace rw::workflow {

inline constexpr std::array<std::string_view, 7> kObjectTypes = {
    "commission_item", "service_plan", "visit", "inspection", "hazard", "notice", "env_risk_assessment"};

inline bool is_object_type(std::string_view type) {
  return std::find(kObjectTypes.begin(), kObjectTypes.end(), type) != kObjectTypes.end();
}

}  // namespace rw::workflow
