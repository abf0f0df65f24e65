#pragma once
// The HJ 941 substance table as versioned reference data: version 1 installed from the files shipped in
// data/envrisk (HJ 169-2018 表B.1/B.2, the names people write, the 表2/表7 score table), later versions
// published by a platform admin; resolving what an assessment names (id, name, alias or CAS) in one version.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "accounts/operation.hpp"
#include "envrisk/evaluation.hpp"
#include "envrisk/substance_store.hpp"
#include "platform/json_input.hpp"

namespace rw::envrisk {

// Installs version 1 from the shipped files when the database has no version yet (at every start).
void install_shipped_substance_table(db::Connection& db);

// The version in force; 500 before the shipped one is installed (the server installs it at start).
TableVersion require_current_table(db::Connection& db);
ScoreTable score_table_of(const TableVersion& table);
// {"id", "version", "note", "published_at"}: how a result names the version it used.
nlohmann::json table_ref_json(const TableVersion& table);

// A substance as an assessment names it: by id in the version, or by a name, alias or CAS number.
struct SubstanceRef {
  std::optional<std::int64_t> id;
  std::string name;
  std::string cas;
};
// The row the reference names; nullopt with a field error (unknown_substance, not_a_risk_substance,
// ambiguous_cas) added to `fields` under `field`.
std::optional<SubstanceRow> resolve_substance(db::Connection& db, const TableVersion& table,
                                              const SubstanceRef& ref, Fields& fields,
                                              const std::string& field);

// A substance for the API, with whether it counts for air and water by default.
nlohmann::json substance_json(const SubstanceRow& row);

// GET /env-risk/substances?q=: substances of the version in force matching q by name, CAS or alias (at most
// `limit`), and the words q matches that name no risk substance.
nlohmann::json search_substances(const accounts::Operation& op,
                                 const std::map<std::string, std::string>& query);

}  // namespace rw::envrisk
