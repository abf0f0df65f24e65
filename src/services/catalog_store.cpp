#include "services/catalog_store.hpp"

#include <nlohmann/json.hpp>

#include "platform/errors.hpp"
#include "platform/json_rows.hpp"

namespace rw::services {
namespace {

constexpr const char* kInsertVersion =
    "INSERT INTO service_type_versions (type_id, version, name_zh, name_en, description, reference, "
    "insurance_type, "
    "on_site, annual_survey, deliverables, upload_working_days, upload_from, upload_basis, min_people, "
    "min_people_large, expert_always, checklists, created_at, created_by) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kSelectClassIds = "SELECT id, code FROM service_classes";
// Followed by a WHERE clause and kClassOrder.
constexpr const char* kSelectClasses =
    "SELECT c.id, c.code, c.source, c.name_zh, c.name_en, c.reference, "
    "(SELECT COUNT(*) FROM service_types t WHERE t.class_id = c.id) AS type_count FROM service_classes c";
constexpr const char* kClassOrder = " ORDER BY c.position, c.id";
constexpr const char* kNextClassPosition = "SELECT COALESCE(MAX(position), 0) + 1 AS n FROM service_classes";
constexpr const char* kInsertClass =
    "INSERT INTO service_classes (code, source, name_zh, name_en, reference, position, "
    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kSelectTypeByCode = "SELECT id FROM service_types WHERE code = ?";
constexpr const char* kNextTypePosition = "SELECT COALESCE(MAX(position), 0) + 1 AS n FROM service_types";
constexpr const char* kInsertType =
    "INSERT INTO service_types (code, class_id, active, current_version, position, created_at, "
    "updated_at) VALUES (?, ?, ?, 0, ?, ?, ?) RETURNING id";
constexpr const char* kSelectCurrentVersion = "SELECT current_version FROM service_types WHERE id = ?";
constexpr const char* kSetCurrentVersion =
    "UPDATE service_types SET current_version = ?, updated_at = ? WHERE id = ?";
constexpr const char* kUpdateType =
    "UPDATE service_types SET class_id = ?, active = ?, updated_at = ? WHERE id = ?";
// Follow kSelectTypeVersions.
constexpr const char* kVersionsOfType = " WHERE t.id = ? ORDER BY v.version DESC";
constexpr const char* kVersionOfType = " WHERE t.id = ? AND v.version = ?";

nlohmann::json version_summary_json(const db::Row& row) {
  return {{"id", row.integer("version_id")},
          {"version", row.integer("version")},
          {"created_at", row.text("version_created_at")},
          {"created_by", json_integer(row, "created_by")},
          {"created_by_name", row.text("created_by_name")}};
}

std::int64_t flag(bool value) { return value ? 1 : 0; }

template <class T>
std::vector<T> json_list(const std::string& text) {
  return nlohmann::json::parse(text).get<std::vector<T>>();
}

}  // namespace

const char* const kSelectTypeVersions =
    "SELECT t.id AS type_id, t.code, t.active, t.created_at, t.updated_at, c.code AS class_code, c.source, "
    "c.name_zh AS class_name_zh, c.name_en AS class_name_en, v.id AS version_id, v.version, v.name_zh, "
    "v.name_en, "
    "v.description, v.reference, v.insurance_type, v.on_site, v.annual_survey, v.deliverables, "
    "v.upload_working_days, "
    "v.upload_from, v.upload_basis, v.min_people, v.min_people_large, v.expert_always, v.checklists, "
    "v.created_at AS version_created_at, v.created_by, u.display_name AS created_by_name "
    "FROM service_type_versions v JOIN service_types t ON t.id = v.type_id JOIN service_classes c ON c.id = "
    "t.class_id "
    "LEFT JOIN users u ON u.id = v.created_by";
// The catalog is a few dozen rows: its filters read every join, and counting them costs nothing.
const CountFrom kCountTypeVersions{
    "service_type_versions v JOIN service_types t ON t.id = v.type_id JOIN service_classes c ON c.id = "
    "t.class_id"};

SqlFilter current_versions() { return SqlFilter("v.version = t.current_version", db::Params{}); }

ServiceRules rules_from_row(const db::Row& row) {
  ServiceRules r;
  r.type_id = row.integer("type_id");
  r.version_id = row.integer("version_id");
  r.version = static_cast<int>(row.integer("version"));
  r.code = row.text("code");
  r.name_zh = row.text("name_zh");
  r.name_en = row.text("name_en");
  r.class_code = row.text("class_code");
  r.source = row.text("source");
  r.description = row.text("description");
  r.reference = row.text("reference");
  r.insurance_type = row.text("insurance_type");
  r.on_site = row.integer("on_site") != 0;
  r.annual_survey = row.integer("annual_survey") != 0;
  r.deliverables = json_list<std::string>(row.text("deliverables"));
  if (auto days = row.optional_integer("upload_working_days"))
    r.upload_working_days = static_cast<int>(*days);
  r.upload_from = row.text("upload_from");
  r.upload_basis = row.text("upload_basis");
  r.min_people = static_cast<int>(row.integer("min_people"));
  r.min_people_large = static_cast<int>(row.integer("min_people_large"));
  r.expert_always = row.integer("expert_always") != 0;
  r.checklists = json_list<std::int64_t>(row.text("checklists"));
  return r;
}

std::map<std::string, std::int64_t> class_ids(db::Connection& db) {
  std::map<std::string, std::int64_t> out;
  auto rows = db.query(kSelectClassIds);
  for (std::size_t i = 0; i < rows.size(); ++i) out[rows[i].text("code")] = rows[i].integer("id");
  return out;
}

std::optional<std::int64_t> type_with_code(db::Connection& db, const std::string& code) {
  auto rows = db.query(kSelectTypeByCode, {code});
  if (rows.empty()) return std::nullopt;
  return rows[0].integer("id");
}

std::int64_t insert_service_type(db::Connection& db, const ServiceTypeInput& input, std::int64_t class_id,
                                 std::optional<std::int64_t> created_by, const std::string& now) {
  // New types go to the end of the catalog's order.
  const auto position = db.query(kNextTypePosition)[0].integer("n");
  const auto id =
      db.query(kInsertType, {input.rules.code, class_id, flag(input.active), position, now, now})[0].integer(
          "id");
  add_service_type_version(db, id, input.rules, created_by, now);
  return id;
}

int add_service_type_version(db::Connection& db, std::int64_t type_id, const ServiceRules& r,
                             std::optional<std::int64_t> created_by, const std::string& now) {
  const auto version = db.query(kSelectCurrentVersion, {type_id})[0].integer("current_version") + 1;
  db.execute(
      kInsertVersion,
      {type_id, version, r.name_zh, r.name_en, r.description, r.reference, r.insurance_type, flag(r.on_site),
       flag(r.annual_survey), nlohmann::json(r.deliverables).dump(),
       r.upload_working_days ? db::Value(std::int64_t{*r.upload_working_days}) : db::null_value(),
       r.upload_from, r.upload_basis, std::int64_t{r.min_people}, std::int64_t{r.min_people_large},
       flag(r.expert_always), nlohmann::json(r.checklists).dump(), now, db::optional_value(created_by)});
  db.execute(kSetCurrentVersion, {version, now, type_id});
  return static_cast<int>(version);
}

void update_service_type_row(db::Connection& db, std::int64_t type_id, std::int64_t class_id, bool active,
                             const std::string& now) {
  db.execute(kUpdateType, {class_id, flag(active), now, type_id});
}

std::int64_t insert_service_class(db::Connection& db, const ServiceClass& c, const std::string& now) {
  // New classes go to the end of the catalog's order.
  const auto position = db.query(kNextClassPosition)[0].integer("n");
  return db.query(kInsertClass, {c.code, c.source, c.name_zh, c.name_en, c.reference, position, now})[0]
      .integer("id");
}

db::Rows select_service_classes(db::Connection& db, const SqlFilter& where) {
  return db.query(kSelectClasses + where.sql() + kClassOrder, where.params());
}

nlohmann::json service_class_json(const db::Row& row) {
  return {{"id", row.integer("id")},
          {"code", row.text("code")},
          {"source", row.text("source")},
          {"name_zh", row.text("name_zh")},
          {"name_en", row.text("name_en")},
          {"reference", row.text("reference")},
          {"type_count", row.integer("type_count")}};
}

db::Row find_current_type(db::Connection& db, std::int64_t id) {
  auto where = current_versions();
  where.add("t.id = ?", id);
  auto rows = db.query(std::string(kSelectTypeVersions) + where.sql(), where.params());
  if (rows.empty()) throw not_found();
  return rows[0];
}

db::Row find_type_version(db::Connection& db, std::int64_t id, std::int64_t version) {
  auto rows = db.query(std::string(kSelectTypeVersions) + kVersionOfType, {id, version});
  if (rows.empty()) throw not_found();
  return rows[0];
}

nlohmann::json type_json(const db::Row& row) {
  const auto rules = rules_from_row(row);
  auto out = rules_json(rules);
  out["id"] = rules.type_id;
  out["code"] = rules.code;
  out["class_code"] = rules.class_code;
  out["class_name_zh"] = row.text("class_name_zh");
  out["class_name_en"] = row.text("class_name_en");
  out["source"] = rules.source;
  out["active"] = row.integer("active") != 0;
  out["version"] = rules.version;
  out["version_id"] = rules.version_id;
  out["created_at"] = row.text("created_at");
  out["updated_at"] = row.text("updated_at");
  return out;
}

nlohmann::json type_detail(db::Connection& db, std::int64_t id) {
  auto out = type_json(find_current_type(db, id));
  auto rows = db.query(std::string(kSelectTypeVersions) + kVersionsOfType, {id});
  out["versions"] = nlohmann::json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) out["versions"].push_back(version_summary_json(rows[i]));
  return out;
}

nlohmann::json version_json(const db::Row& row) {
  auto out = rules_json(rules_from_row(row));
  out.update(version_summary_json(row));
  out["type_id"] = row.integer("type_id");
  out["code"] = row.text("code");
  return out;
}

}  // namespace rw::services
