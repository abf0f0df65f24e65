#pragma once
// HJ 941 operations that store nothing: 速算 (evaluate) and the table version in force with what a form needs
// to ask (the 表2/表7 items, the 18 processes).
#include <nlohmann/json_fwd.hpp>

#include "accounts/operation.hpp"

namespace rw::envrisk {

// POST /env-risk/evaluate: the body's inputs graded with the table version in force.
nlohmann::json evaluate_body(const accounts::Operation& op, const nlohmann::json& body);
// GET /env-risk/tables/current.
nlohmann::json current_table_json(const accounts::Operation& op);

}  // namespace rw::envrisk
