#pragma once
// The value sets of field inspection, with their Chinese and English labels (GET /dictionaries).
#include <nlohmann/json.hpp>

#include "platform/vocabulary.hpp"

namespace rw::inspections {

const Vocabulary& inspection_statuses();
const Vocabulary& finding_grades();  // 重大 / 一般
nlohmann::json inspection_dictionaries();

}  // namespace rw::inspections
