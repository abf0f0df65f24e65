#include "safety/risk_store.hpp"

#include "platform/sql_filter.hpp"

namespace rw::safety {
namespace {

constexpr const char* kRecordColumns =
    "SELECT id, kind, data, score, level, mapping_code, mapping_name, updated_at FROM safety_risk_records ";
constexpr const char* kByEnterprise = "WHERE enterprise_id = ? ORDER BY id";
constexpr const char* kOneRecord = "WHERE enterprise_id = ? AND kind = ? AND id = ?";
constexpr const char* kCountRecords =
    "SELECT COUNT(*) AS n FROM safety_risk_records WHERE enterprise_id = ? AND kind = ?";
constexpr const char* kAssessmentIds =
    "SELECT id FROM safety_risk_records WHERE kind = 'assessment' AND enterprise_id = ? AND ";
constexpr const char* kInsertRecord =
    "INSERT INTO safety_risk_records (enterprise_id, kind, data, score, level, mapping_code, mapping_name, "
    "created_by, created_at, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kUpdateRecord =
    "UPDATE safety_risk_records SET data = ?, score = ?, level = ?, mapping_code = ?, mapping_name = ?, "
    "updated_by = ?, updated_at = ? WHERE id = ?";
constexpr const char* kDeleteRecord = "DELETE FROM safety_risk_records WHERE id = ?";
constexpr const char* kSelectSitePlan =
    "SELECT file_id, width, height, updated_at FROM safety_site_plans WHERE enterprise_id = ?";
constexpr const char* kUpsertSitePlan =
    "INSERT INTO safety_site_plans (enterprise_id, file_id, width, height, updated_by, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (enterprise_id) DO UPDATE SET file_id = excluded.file_id, "
    "width = excluded.width, height = excluded.height, updated_by = excluded.updated_by, "
    "updated_at = excluded.updated_at";
constexpr const char* kSelectMapping = "SELECT mapping FROM safety_risk_mappings WHERE org_id = ?";
constexpr const char* kUpsertMapping =
    "INSERT INTO safety_risk_mappings (org_id, mapping, updated_by, updated_at) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (org_id) DO UPDATE SET mapping = excluded.mapping, updated_by = excluded.updated_by, "
    "updated_at = excluded.updated_at";

StoredRecord record_of(const db::Row& r) {
  return {r.integer("id"),
          r.text("kind"),
          r.text("data"),
          r.optional_real("score"),
          r.optional_text("level"),
          r.optional_text("mapping_code"),
          r.optional_text("mapping_name"),
          r.text("updated_at")};
}

db::Params write_params(const RecordWrite& w) {
  return {w.data, db::optional_value(w.score), db::optional_value(w.level),
          db::optional_value(w.mapping_code), db::optional_value(w.mapping_name)};
}

}  // namespace

std::vector<StoredRecord> records_of(db::Connection& db, std::int64_t enterprise_id) {
  return stored_records(db.query(records_of(enterprise_id)));
}

db::Statement records_of(std::int64_t enterprise_id) {
  return {std::string(kRecordColumns) + kByEnterprise, {enterprise_id}};
}

std::vector<StoredRecord> stored_records(const db::Rows& rows) {
  std::vector<StoredRecord> out;
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(record_of(rows[i]));
  return out;
}

std::optional<StoredRecord> find_record(db::Connection& db, std::int64_t enterprise_id,
                                        const std::string& kind, std::int64_t id) {
  const auto rows = db.query(std::string(kRecordColumns) + kOneRecord, {enterprise_id, kind, id});
  if (rows.empty()) return std::nullopt;
  return record_of(rows[0]);
}

std::int64_t count_records(db::Connection& db, std::int64_t enterprise_id, const std::string& kind) {
  return db.query(kCountRecords, {enterprise_id, kind})[0].integer("n");
}

std::vector<std::int64_t> assessments_among(db::Connection& db, std::int64_t enterprise_id,
                                            const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return {};
  const auto ids_json = json_id_array(ids);
  const auto in_set = in_id_set(db.dialect(), "id", ids_json);
  db::Params params{enterprise_id};
  params.insert(params.end(), in_set.params().begin(), in_set.params().end());
  return db.query(std::string(kAssessmentIds) + in_set.condition(), params).integers("id");
}

std::int64_t insert_record(db::Connection& db, std::int64_t enterprise_id, const std::string& kind,
                           const RecordWrite& write, std::int64_t user_id, const std::string& now) {
  db::Params params{enterprise_id, kind};
  for (auto& p : write_params(write)) params.push_back(std::move(p));
  params.insert(params.end(), {user_id, now, user_id, now});
  return db.query(kInsertRecord, params)[0].integer("id");
}

void update_record(db::Connection& db, std::int64_t id, const RecordWrite& write, std::int64_t user_id,
                   const std::string& now) {
  auto params = write_params(write);
  params.insert(params.end(), {user_id, now, id});
  db.execute(kUpdateRecord, params);
}

void delete_record(db::Connection& db, std::int64_t id) { db.execute(kDeleteRecord, {id}); }

std::optional<SitePlanRow> find_site_plan(db::Connection& db, std::int64_t enterprise_id) {
  return site_plan_from(db.query(site_plan_of(enterprise_id)));
}

db::Statement site_plan_of(std::int64_t enterprise_id) { return {kSelectSitePlan, {enterprise_id}}; }

std::optional<SitePlanRow> site_plan_from(const db::Rows& rows) {
  if (rows.empty()) return std::nullopt;
  const auto r = rows[0];
  return SitePlanRow{r.integer("file_id"), r.integer("width"), r.integer("height"), r.text("updated_at")};
}

void save_site_plan(db::Connection& db, std::int64_t enterprise_id, const SitePlanRow& plan,
                    std::int64_t user_id) {
  db.execute(kUpsertSitePlan,
             {enterprise_id, plan.file_id, plan.width, plan.height, user_id, plan.updated_at});
}

std::optional<std::string> find_mapping(db::Connection& db, std::int64_t org_id) {
  return mapping_from(db.query(mapping_of(org_id)));
}

db::Statement mapping_of(std::int64_t org_id) { return {kSelectMapping, {org_id}}; }

std::optional<std::string> mapping_from(const db::Rows& rows) {
  if (rows.empty()) return std::nullopt;
  return rows[0].text("mapping");
}

void save_mapping(db::Connection& db, std::int64_t org_id, const std::string& mapping, std::int64_t user_id,
                  const std::string& now) {
  db.execute(kUpsertMapping, {org_id, mapping, user_id, now});
}

}  // namespace rw::safety
