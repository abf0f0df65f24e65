#pragma once
// The SQL of the work-safety risk records, site plans and organizations' mappings (migration V028).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/db/database.hpp"
#include "safety/risk_records.hpp"

namespace rw::safety {

struct StoredRecord {
  std::int64_t id = 0;
  std::string kind;
  std::string data;  // JSON
  std::optional<double> score;
  std::optional<std::string> level, mapping_code, mapping_name;
  std::string updated_at;
};

struct SitePlanRow {
  std::int64_t file_id = 0;
  std::int64_t width = 0, height = 0;
  std::string updated_at;
};

std::vector<StoredRecord> records_of(db::Connection& db, std::int64_t enterprise_id);
// The enterprise's records in entry order, as a statement (for db::Connection::query_each) and its rows read.
db::Statement records_of(std::int64_t enterprise_id);
std::vector<StoredRecord> stored_records(const db::Rows& rows);
std::optional<StoredRecord> find_record(db::Connection& db, std::int64_t enterprise_id,
                                        const std::string& kind, std::int64_t id);
std::int64_t count_records(db::Connection& db, std::int64_t enterprise_id, const std::string& kind);
// The ids among `ids` that are assessments of the enterprise.
std::vector<std::int64_t> assessments_among(db::Connection& db, std::int64_t enterprise_id,
                                            const std::vector<std::int64_t>& ids);

std::int64_t insert_record(db::Connection& db, std::int64_t enterprise_id, const std::string& kind,
                           const RecordWrite& write, std::int64_t user_id, const std::string& now);
void update_record(db::Connection& db, std::int64_t id, const RecordWrite& write, std::int64_t user_id,
                   const std::string& now);
void delete_record(db::Connection& db, std::int64_t id);

std::optional<SitePlanRow> find_site_plan(db::Connection& db, std::int64_t enterprise_id);
db::Statement site_plan_of(std::int64_t enterprise_id);
std::optional<SitePlanRow> site_plan_from(const db::Rows& rows);
void save_site_plan(db::Connection& db, std::int64_t enterprise_id, const SitePlanRow& plan,
                    std::int64_t user_id);

// The organization's own mapping (JSON), when it has one.
std::optional<std::string> find_mapping(db::Connection& db, std::int64_t org_id);
db::Statement mapping_of(std::int64_t org_id);
std::optional<std::string> mapping_from(const db::Rows& rows);
void save_mapping(db::Connection& db, std::int64_t org_id, const std::string& mapping, std::int64_t user_id,
                  const std::string& now);

}  // namespace rw::safety
