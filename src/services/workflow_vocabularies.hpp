#pragma once
// Statuses and reasons of commissions, plans, visits and deadlines, with their labels.
#include <nlohmann/json.hpp>

#include "platform/vocabulary.hpp"

namespace rw::services {

const Vocabulary& commission_item_statuses();
const Vocabulary& plan_statuses();
const Vocabulary& visit_statuses();
const Vocabulary& not_entered_reasons();
const Vocabulary& deadline_kinds();

// For GET /dictionaries.
nlohmann::json workflow_dictionaries();

}  // namespace rw::services
