#include "inspections/training_store.hpp"

namespace rw::inspections {
namespace {

constexpr const char* kSelectTraining =
    "SELECT id, visit_id, topic, trainer, attendees, duration_minutes, sign_in_sheet_file_id, "
    "photo_file_ids, "
    "feedback, created_at, created_by, updated_at FROM training_records ";
constexpr const char* kSelectClientTraining =
    "SELECT id FROM training_records WHERE visit_id = ? AND client_id = ?";
constexpr const char* kInsertTraining =
    "INSERT INTO training_records (visit_id, topic, trainer, attendees, duration_minutes, "
    "sign_in_sheet_file_id, "
    "photo_file_ids, feedback, client_id, created_at, created_by, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kUpdateTraining =
    "UPDATE training_records SET topic = ?, trainer = ?, attendees = ?, duration_minutes = ?, "
    "sign_in_sheet_file_id = ?, photo_file_ids = ?, feedback = ?, updated_at = ? WHERE id = ?";

}  // namespace

db::Rows training_rows_of_visit(db::Connection& db, std::int64_t visit_id) {
  return db.query(std::string(kSelectTraining) + "WHERE visit_id = ? ORDER BY id", {visit_id});
}

std::optional<db::Row> training_row(db::Connection& db, std::int64_t id) {
  auto rows = db.query(std::string(kSelectTraining) + "WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return rows[0];
}

std::optional<std::int64_t> training_of_client(db::Connection& db, std::int64_t visit_id,
                                               const std::string& client_id) {
  auto rows = db.query(kSelectClientTraining, {visit_id, client_id});
  if (rows.empty()) return std::nullopt;
  return rows[0].integer("id");
}

std::int64_t insert_training(db::Connection& db, std::int64_t visit_id, const TrainingRecord& r,
                             const std::optional<std::string>& client_id, std::int64_t by,
                             const std::string& now) {
  return db
      .query(kInsertTraining,
             {visit_id, r.topic, r.trainer, r.attendees.dump(), r.duration_minutes,
              db::optional_value(r.sign_in_sheet_file_id), nlohmann::json(r.photo_file_ids).dump(),
              r.feedback, db::optional_value(client_id), now, by, now})[0]
      .integer("id");
}

void update_training(db::Connection& db, std::int64_t id, const TrainingRecord& r, const std::string& now) {
  db.execute(kUpdateTraining, {r.topic, r.trainer, r.attendees.dump(), r.duration_minutes,
                               db::optional_value(r.sign_in_sheet_file_id),
                               nlohmann::json(r.photo_file_ids).dump(), r.feedback, now, id});
}

}  // namespace rw::inspections
