#pragma once
// The records of an enterprise's work-safety risk identification (chengdu App. C 3.2), each kind with the
// columns of its table: 作业活动清单 (Table 3), 设备设施清单 (Table 4), the analysis records of 工作危害分析
// JHA (Table 5) and 安全检查分析 SCL (Table 6) whose graded rows make the 风险清单 (Table 7), and the zones
// of the four-colour map. Reading and validating a record's body; no database. Pure.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "safety/risk_rules.hpp"

namespace rw::safety {

enum class Kind { activity, equipment, assessment, zone };

// The path segment of a kind (activities | equipment | assessments | zones); nullopt for others.
std::optional<Kind> kind_from_path(std::string_view segment);
std::string_view kind_code(Kind kind);  // stored: activity | equipment | assessment | zone

// At most this many records of one kind per enterprise (the exports stay bounded).
inline constexpr std::size_t kMaxRecordsPerKind = 2000;
// A zone is a polygon of 3 to this many points.
inline constexpr std::size_t kMaxZonePoints = 200;

struct PlanSize {
  std::int64_t width = 0, height = 0;
};

struct ParsedRecord {
  nlohmann::json data;                 // the kind's fields as stored
  std::optional<Grade> grade;          // an assessment's R or D and level
  std::vector<std::int64_t> risk_ids;  // a zone's assessments
};

// Validates a body (every bad field at once: 422 with field errors). An assessment is graded with
// `mapping`; a zone's points must lie on the site plan when there is one (`plan`).
ParsedRecord parse_record(Kind kind, const nlohmann::json& body, const Mapping& mapping,
                          const std::optional<PlanSize>& plan);

// A record as stored: its data, and an assessment's score, level and the mapping that graded it.
struct RecordWrite {
  std::string data;
  std::optional<double> score;
  std::optional<std::string> level, mapping_code, mapping_name;
};
// What `parsed` is stored as; `mapping` is the one it was graded with.
RecordWrite record_write(const ParsedRecord& parsed, const Mapping& mapping);
// The audit log's entity of a kind's records: safety_risk_activity …
std::string audit_entity(Kind kind);

// Points of a zone as stored: [[x, y], …] in image pixels.
using Polygon = std::vector<std::pair<double, double>>;
Polygon polygon_of(const nlohmann::json& data);

// The columns of each table as the exports print them: {key, 中文表头}.
struct Column {
  std::string_view key;
  std::string_view header;
};
const std::vector<Column>& activity_columns();   // Table 3 without 序号
const std::vector<Column>& equipment_columns();  // Table 4 without 序号
const std::vector<Column>& risk_list_columns();  // Table 7 without 序号

// A stored code as people read it (常规/非常规, JHA/SCL method names).
std::string routine_label(std::string_view code);
std::string method_label(std::string_view code);

}  // namespace rw::safety
