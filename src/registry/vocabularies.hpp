#pragma once
// The registry's closed value sets (seeds: wuxi §6, §14(二), §17, att.1; chengdu 5.2; xuzhou 机构基本要求).
#include <nlohmann/json.hpp>

#include "platform/vocabulary.hpp"

namespace rw::registry {

const Vocabulary& enterprise_scales();
const Vocabulary& production_statuses();
const Vocabulary& permit_types();
const Vocabulary& risk_levels();
const Vocabulary& insurance_types();
const Vocabulary& policy_statuses();
const Vocabulary& fund_share_kinds();
const Vocabulary& title_levels();
const Vocabulary& staff_kinds();
const Vocabulary& expert_pool_levels();
const Vocabulary& safety_engineer_levels();
const Vocabulary& specialties();
const Vocabulary& evaluation_grades();

// Every registry vocabulary by name, for GET /dictionaries.
nlohmann::json registry_dictionaries();

}  // namespace rw::registry
