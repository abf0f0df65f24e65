#pragma once
// A platform admin corrects the HJ 941 substance table by publishing its next version (issue 13: the table
// is reference data whose values are not all confirmed, risk-methods.md). The version in force is copied
// with the corrections applied; earlier versions stay, and every assessment keeps naming the one it used.
#include <nlohmann/json_fwd.hpp>

#include "accounts/operation.hpp"

namespace rw::envrisk {

// POST /env-risk/tables (catalog:write): {note, substances?, remove_substances?, aliases?, remove_aliases?,
// control_scores?}. `substances` adds or corrects rows by name (fields not given keep their values),
// `aliases` adds or re-points names people write (name "" marks a word that is no risk substance),
// `control_scores` replaces the 表2/表7 score table ({air: [...], water: [...]}). 422 naming the JSON path
// of every fault (substances[2].critical_t). Returns the new version with its counts.
nlohmann::json publish_table(const accounts::Operation& op, const nlohmann::json& body);

}  // namespace rw::envrisk
