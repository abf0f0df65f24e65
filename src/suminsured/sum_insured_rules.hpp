#pragma once
// Suggested sum insured 建议保额 (wuxi 第九条（一）: the assessment
// "为环境污染责任保险投保提供风险等级和建议保额"; SPEC §6): a table of bands — risk level × enterprise scale,
// optionally × industry group → a band of cumulative limits of indemnity in 万元. No official table exists
// (risk-methods.md), so each insurer publishes its own and the product ships an example
// (data/sum_insured/example.json) labelled 示例，需保险机构确认. Pure: reading and checking a table, picking
// a band. No I/O.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/errors.hpp"

namespace rw::suminsured {

inline constexpr std::string_view kExampleLabel = "示例，需保险机构确认";
inline constexpr std::size_t kMaxBands = 400;

struct Band {
  std::string level;  // general | larger | major (registry::risk_levels, without unknown)
  std::string scale;  // large | medium | small | micro
  std::string industry;  // "" any; a GB/T 4754 门类 letter ("C") or 大类/中类/小类 code ("26", "261", "2614")
  std::int64_t min_wan = 0;
  std::int64_t max_wan = 0;
};

struct Table {
  std::string name;
  std::string note;
  std::vector<Band> bands;
};

// The table in a request body or a stored row ({name, note, bands: [{level, scale, industry, min_wan,
// max_wan}]}) with every broken rule as a field error ("bands[3].max_wan"): types, known values, a band's
// min ≤ max, no row twice, and a row without an industry for every level × scale, so every enterprise with a
// level and a scale gets a band. `industry_known` tells whether a group code exists (the shipped GB/T 4754).
struct ReadTable {
  Table table;
  std::vector<FieldError> errors;
};
ReadTable read_table(const nlohmann::json& body, bool (*industry_known)(std::string_view code));

// The band for an enterprise: the rows of its level and scale whose industry group contains its industry
// (`industry_code` a 小类 like "2614", `section` its 门类 letter like "C"), the most specific group first (a
// code over a letter over none). None for an unassessed level or an unknown scale.
std::optional<Band> pick_band(const std::vector<Band>& bands, std::string_view level, std::string_view scale,
                              std::string_view industry_code, std::string_view section);

nlohmann::json band_json(const Band& band);
nlohmann::json table_json(const Table& table);
// "500–1000 万元"
std::string band_text(const Band& band);

// The shipped example, read once from data/sum_insured/example.json (it passes read_table).
const Table& example_table();

}  // namespace rw::suminsured
