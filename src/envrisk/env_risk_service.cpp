#include "envrisk/env_risk_service.hpp"

#include <nlohmann/json.hpp>

#include "envrisk/evaluation_io.hpp"
#include "envrisk/substance_catalog.hpp"

namespace rw::envrisk {

nlohmann::json evaluate_body(const accounts::Operation& op, const nlohmann::json& body) {
  const auto table = require_current_table(op.db);
  const auto input = read_evaluation_input(op.db, table, body);
  return evaluation_json(evaluate(input, score_table_of(table)), input, table);
}

nlohmann::json current_table_json(const accounts::Operation& op) {
  const auto table = require_current_table(op.db);
  auto out = table_ref_json(table);
  out["control_scores"] = nlohmann::json::parse(table.control_scores);
  out["processes"] = listed_processes();
  out["process_cap"] = kProcessCap;
  return out;
}

}  // namespace rw::envrisk
