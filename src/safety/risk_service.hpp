#pragma once
// An enterprise's work-safety risk identification (chengdu App. C 3.2, issue 13): its activity and equipment
// lists, the JHA/SCL records graded by L·S or L·E·C, the 风险清单 they make, and the four-colour map (a site
// plan with zones). Everyone who sees the enterprise reads them; the enterprise and the agencies serving it
// change them (access::kSafetyRiskKeeper). No HTTP.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>
#include <string_view>

#include "accounts/operation.hpp"
#include "platform/files/file_store.hpp"

namespace rw::safety {

// {enterprise, may_edit, mapping, levels, activities, equipment, assessments, risk_list, counts, site_plan,
// zones}; 404 unless the enterprise is visible.
nlohmann::json get_safety_risk(const accounts::Operation& op, std::int64_t enterprise_id);

// `kind` is the path segment (activities | equipment | assessments | zones; 404 otherwise). The record as
// get_safety_risk lists it. 403 without safety_risk:write or unless the caller keeps the enterprise's list
// (after 404 for an invisible enterprise); 422 for bad fields, for a zone's risk_ids that are not this
// enterprise's assessments (unknown_risk), and past kMaxRecordsPerKind (too_many_records).
nlohmann::json create_record(const accounts::Operation& op, std::int64_t enterprise_id, std::string_view kind,
                             const nlohmann::json& body);
nlohmann::json update_record(const accounts::Operation& op, std::int64_t enterprise_id, std::string_view kind,
                             std::int64_t id, const nlohmann::json& body);
void delete_record(const accounts::Operation& op, std::int64_t enterprise_id, std::string_view kind,
                   std::int64_t id);

// Body {file_id}: an image the caller sees (422 unknown_file / not_an_image), attached to the enterprise.
// Zones keep their coordinates. Returns {file_id, width, height}.
nlohmann::json set_site_plan(const accounts::Operation& op, std::int64_t enterprise_id,
                             const nlohmann::json& body);

// Grades without storing (the live level while a record is typed): body {scoring: ls|lec, l, s | l, e, c};
// returns {scoring, score, level, level_label, colour, colour_hex, mapping: {code, name}} under the caller's
// organization's mapping.
nlohmann::json evaluate(const accounts::Operation& op, const nlohmann::json& body);

// The mapping the caller's organization grades with (its own, else the default), and {own: bool}.
nlohmann::json organization_mapping(const accounts::Operation& op);
// Replaces the organization's mapping (safety/risk_rules.hpp parse_mapping; 422 invalid_mapping).
nlohmann::json set_organization_mapping(const accounts::Operation& op, const nlohmann::json& body);

struct RiskFile {
  std::string bytes;
  std::string format;      // svg | png | xlsx | pdf
  std::string file_name;   // 无锡市恒达化工有限公司安全风险四色图
  std::string ascii_name;  // safety-risk-map-12
};

// The four-colour map: the site plan with each zone filled by its highest risk colour. 404 no_site_plan
// when the enterprise has none.
RiskFile risk_map(const accounts::Operation& op, const files::FileStore& store, std::int64_t enterprise_id,
                  std::string_view format);
// The 风险清单 (Table 7) with the activity and equipment lists (Tables 3, 4) as .xlsx or PDF.
RiskFile risk_list_file(const accounts::Operation& op, std::int64_t enterprise_id, std::string_view format);

}  // namespace rw::safety
