#pragma once
// Survey gaps: insured enterprises with no on-site survey yet in their policy year.
#include <nlohmann/json.hpp>

#include <map>
#include <string>

#include "accounts/operation.hpp"

namespace rw::services {

// One page of the policies in force on `on` (default today) whose enterprise had no done yearly survey of
// the policy's insurance type during the policy period, oldest end first.
nlohmann::json list_survey_gaps(const accounts::Operation& op,
                                const std::map<std::string, std::string>& query);

}  // namespace rw::services
