#pragma once
// An HJ 941 evaluation as the API reads and writes it: the request body into EvaluationInput (every bad field
// collected, 422), the substances resolved in the table version in force; the result into JSON.
#include <nlohmann/json_fwd.hpp>

#include "envrisk/evaluation.hpp"
#include "envrisk/substance_store.hpp"
#include "platform/db/database.hpp"

namespace rw::envrisk {

inline constexpr std::size_t kMaxSubstances = 500;

EvaluationInput read_evaluation_input(db::Connection& db, const TableVersion& table,
                                      const nlohmann::json& body);

// {level, level_code, label, raised, penalised_last_3_years, table, air, water, explanation}; a medium not
// graded is null.
nlohmann::json evaluation_json(const Evaluation& evaluation, const EvaluationInput& input,
                               const TableVersion& table);

}  // namespace rw::envrisk
