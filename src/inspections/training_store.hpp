#pragma once
// The SQL of on-site training records (检训合一).
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "platform/db/database.hpp"

namespace rw::inspections {

struct TrainingRecord {
  std::string topic;
  std::string trainer;
  nlohmann::json attendees = nlohmann::json::array();  // [{name, role, signature_file_id}]
  std::int64_t duration_minutes = 0;
  std::optional<std::int64_t> sign_in_sheet_file_id;
  std::vector<std::int64_t> photo_file_ids;
  std::string feedback;
};

db::Rows training_rows_of_visit(db::Connection& db, std::int64_t visit_id);
std::optional<db::Row> training_row(db::Connection& db, std::int64_t id);
std::optional<std::int64_t> training_of_client(db::Connection& db, std::int64_t visit_id,
                                               const std::string& client_id);
std::int64_t insert_training(db::Connection& db, std::int64_t visit_id, const TrainingRecord& record,
                             const std::optional<std::string>& client_id, std::int64_t by,
                             const std::string& now);
void update_training(db::Connection& db, std::int64_t id, const TrainingRecord& record,
                     const std::string& now);

}  // namespace rw::inspections
