#include "envrisk/substance_store.hpp"

namespace rw::envrisk {
namespace {

constexpr const char* kSelectTables =
    "SELECT id, version, note, control_scores, published_by, published_at FROM env_risk_tables";
constexpr const char* kNewestTable = " ORDER BY version DESC LIMIT 1";
constexpr const char* kTableById = " WHERE id = ?";
constexpr const char* kTablesByVersion = " ORDER BY version DESC";
constexpr const char* kInsertTable =
    "INSERT INTO env_risk_tables (version, note, control_scores, published_by, published_at) "
    "VALUES (?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kInsertSubstance =
    "INSERT INTO env_risk_substances (table_id, name, cas, critical_t, part, physical_state, source) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kInsertAlias =
    "INSERT INTO env_risk_aliases (table_id, alias, substance_name, basis) VALUES (?, ?, ?, ?)";
constexpr const char* kSelectSubstances =
    "SELECT s.id, s.name, s.cas, s.critical_t, s.part, s.physical_state, s.source FROM env_risk_substances s "
    "WHERE s.table_id = ?";
// The table holds a few hundred rows per version: a scan of one version's rows is cheap.
// A substance matches by its name, its CAS number or an alias's name (db::like_ignoring_case each).
constexpr const char* kOrAliasOf =
    " OR s.name IN (SELECT a.substance_name FROM env_risk_aliases a WHERE a.table_id = s.table_id AND ";
constexpr const char* kMatchingOrder = ")) ORDER BY s.name LIMIT ?";
constexpr const char* kByName = " AND s.name = ?";
constexpr const char* kById = " AND s.id = ?";
constexpr const char* kByCas = " AND s.cas = ? ORDER BY s.id";
constexpr const char* kByIdOrder = " ORDER BY s.id";
constexpr const char* kSelectAliases =
    "SELECT alias, substance_name, basis FROM env_risk_aliases WHERE table_id = ?";
constexpr const char* kAliasOrderByName = " ORDER BY alias";
constexpr const char* kAliasExact = " AND alias = ?";
constexpr const char* kAliasOrder = " ORDER BY id";

TableVersion table_of(const db::Row& row) {
  return {row.integer("id"),
          row.integer("version"),
          row.text("note"),
          row.text("control_scores"),
          row.optional_integer("published_by"),
          row.text("published_at")};
}

std::vector<SubstanceRow> substances_of(const db::Rows& rows) {
  std::vector<SubstanceRow> out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto row = rows[i];
    out.push_back({row.integer("id"), row.text("name"), row.text("cas"), row.real("critical_t"),
                   row.text("part"), row.text("physical_state"), row.text("source")});
  }
  return out;
}

std::vector<AliasRow> aliases_of(const db::Rows& rows) {
  std::vector<AliasRow> out;
  for (std::size_t i = 0; i < rows.size(); ++i)
    out.push_back({rows[i].text("alias"), rows[i].text("substance_name"), rows[i].text("basis")});
  return out;
}

template <class T>
std::optional<T> first(std::vector<T> rows) {
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::optional<TableVersion> one_table(db::Connection& db, const char* tail, const db::Params& params) {
  const auto rows = db.query(std::string(kSelectTables) + tail, params);
  if (rows.empty()) return std::nullopt;
  return table_of(rows[0]);
}

}  // namespace

std::optional<TableVersion> current_table(db::Connection& db) { return one_table(db, kNewestTable, {}); }

std::optional<TableVersion> table_by_id(db::Connection& db, std::int64_t id) {
  return one_table(db, kTableById, {id});
}

std::vector<TableVersion> table_versions(db::Connection& db) {
  const auto rows = db.query(std::string(kSelectTables) + kTablesByVersion);
  std::vector<TableVersion> out;
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(table_of(rows[i]));
  return out;
}

std::int64_t insert_table(db::Connection& db, const TableVersion& t) {
  return db
      .query(kInsertTable,
             {t.version, t.note, t.control_scores, db::optional_value(t.published_by), t.published_at})[0]
      .integer("id");
}

void insert_substance(db::Connection& db, std::int64_t table_id, const SubstanceRow& s) {
  db.execute(kInsertSubstance, {table_id, s.name, s.cas, s.critical_t, s.part, s.physical_state, s.source});
}

void insert_alias(db::Connection& db, std::int64_t table_id, const AliasRow& a) {
  db.execute(kInsertAlias, {table_id, a.alias, a.substance_name, a.basis});
}

std::vector<SubstanceRow> search_substances(db::Connection& db, std::int64_t table_id, const std::string& q,
                                            std::int64_t limit) {
  const auto dialect = db.dialect();
  const auto pattern = db::like_contains(q);
  const auto sql = std::string(kSelectSubstances) + " AND (" + db::like_ignoring_case(dialect, "s.name", q) +
                   " OR " + db::like_ignoring_case(dialect, "s.cas", q) + kOrAliasOf +
                   db::like_ignoring_case(dialect, "a.alias", q) + kMatchingOrder;
  return substances_of(db.query(sql, {table_id, pattern, pattern, pattern, limit}));
}

std::vector<SubstanceRow> all_substances(db::Connection& db, std::int64_t table_id) {
  return substances_of(db.query(std::string(kSelectSubstances) + kByIdOrder, {table_id}));
}

std::vector<AliasRow> aliases_matching(db::Connection& db, std::int64_t table_id, const std::string& q) {
  const auto sql = std::string(kSelectAliases) + " AND " + db::like_ignoring_case(db.dialect(), "alias", q) +
                   kAliasOrderByName;
  return aliases_of(db.query(sql, {table_id, db::like_contains(q)}));
}

std::vector<AliasRow> all_aliases(db::Connection& db, std::int64_t table_id) {
  return aliases_of(db.query(std::string(kSelectAliases) + kAliasOrder, {table_id}));
}

std::optional<SubstanceRow> substance_by_id(db::Connection& db, std::int64_t table_id, std::int64_t id) {
  return first(substances_of(db.query(std::string(kSelectSubstances) + kById, {table_id, id})));
}

std::optional<SubstanceRow> substance_by_name(db::Connection& db, std::int64_t table_id,
                                              const std::string& name) {
  return first(substances_of(db.query(std::string(kSelectSubstances) + kByName, {table_id, name})));
}

std::vector<SubstanceRow> substances_by_cas(db::Connection& db, std::int64_t table_id,
                                            const std::string& cas) {
  return substances_of(db.query(std::string(kSelectSubstances) + kByCas, {table_id, cas}));
}

std::optional<AliasRow> alias_exact(db::Connection& db, std::int64_t table_id, const std::string& alias) {
  return first(aliases_of(db.query(std::string(kSelectAliases) + kAliasExact, {table_id, alias})));
}

}  // namespace rw::envrisk
