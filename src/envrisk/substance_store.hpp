#pragma once
// The only SQL of the HJ 941 substance table: its versions, substances and aliases (migration V027).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/db/database.hpp"

namespace rw::envrisk {

struct SubstanceRow {
  std::int64_t id = 0;
  std::string name;
  std::string cas;
  double critical_t = 0;
  std::string part;
  std::string physical_state;
  std::string source;
};

struct AliasRow {
  std::string alias;
  std::string substance_name;  // empty: a word that names no risk substance
  std::string basis;
};

struct TableVersion {
  std::int64_t id = 0;
  std::int64_t version = 0;
  std::string note;
  std::string control_scores;  // JSON text
  std::optional<std::int64_t> published_by;
  std::string published_at;
};

// The newest version; nullopt before the shipped one is installed.
std::optional<TableVersion> current_table(db::Connection& db);
std::optional<TableVersion> table_by_id(db::Connection& db, std::int64_t id);
std::vector<TableVersion> table_versions(db::Connection& db);
std::int64_t insert_table(db::Connection& db, const TableVersion& table);
void insert_substance(db::Connection& db, std::int64_t table_id, const SubstanceRow& row);
void insert_alias(db::Connection& db, std::int64_t table_id, const AliasRow& row);

// Substances of a version whose name or CAS contains `q`, or that an alias containing `q` names; by name.
std::vector<SubstanceRow> search_substances(db::Connection& db, std::int64_t table_id, const std::string& q,
                                            std::int64_t limit);
std::vector<SubstanceRow> all_substances(db::Connection& db, std::int64_t table_id);
std::vector<AliasRow> aliases_matching(db::Connection& db, std::int64_t table_id, const std::string& q);
std::vector<AliasRow> all_aliases(db::Connection& db, std::int64_t table_id);
std::optional<SubstanceRow> substance_by_id(db::Connection& db, std::int64_t table_id, std::int64_t id);
std::optional<SubstanceRow> substance_by_name(db::Connection& db, std::int64_t table_id,
                                              const std::string& name);
std::vector<SubstanceRow> substances_by_cas(db::Connection& db, std::int64_t table_id,
                                            const std::string& cas);
std::optional<AliasRow> alias_exact(db::Connection& db, std::int64_t table_id, const std::string& alias);

}  // namespace rw::envrisk
