#include "suminsured/sum_insured_rules.hpp"

#include <nlohmann/json.hpp>

#include <set>
#include <stdexcept>
#include <tuple>

#include "platform/embedded.hpp"
#include "platform/json_input.hpp"
#include "registry/industries.hpp"
#include "registry/vocabularies.hpp"

namespace rw::suminsured {
namespace {

constexpr std::int64_t kMaxWan = 10'000'000;  // 1000 亿元: far above any policy, below any overflow

const std::set<std::string>& levels() {
  static const std::set<std::string> v{"general", "larger", "major"};
  return v;
}

std::string band_field(std::size_t index, const std::string& field) {
  return "bands[" + std::to_string(index) + "]" + (field.empty() ? "" : "." + field);
}

// One row, its errors named by its place in the list.
std::optional<Band> read_band(const nlohmann::json& row, std::size_t index,
                              bool (*industry_known)(std::string_view), std::vector<FieldError>& errors) {
  if (!row.is_object()) {
    errors.push_back({band_field(index, ""), "wrong_type", "应为对象", "must be an object"});
    return std::nullopt;
  }
  Fields fields(row);
  Band band;
  band.level = fields.required_choice("level", levels());
  band.scale = fields.required_choice("scale", registry::enterprise_scales().values());
  band.industry = fields.optional_text("industry", 10).value_or("");
  fields.require("min_wan");
  fields.require("max_wan");
  const auto min = fields.optional_integer("min_wan", 1, kMaxWan);
  const auto max = fields.optional_integer("max_wan", 1, kMaxWan);
  if (!band.industry.empty() && !industry_known(band.industry))
    fields.add_error("industry", "unknown_industry", "不是国民经济行业分类（GB/T 4754）的门类或行业代码",
                     "is not a GB/T 4754 section letter or class code");
  if (min && max && *min > *max)
    fields.add_error("max_wan", "band_reversed", "上限不能小于下限", "must not be below min_wan");
  for (const auto& e : fields.errors())
    errors.push_back({band_field(index, e.field), e.code, e.message, e.message_en});
  if (!fields.ok()) return std::nullopt;
  band.min_wan = *min;
  band.max_wan = *max;
  return band;
}

// Every level × scale needs a row for every industry, so no enterprise with a level and a scale lacks a band.
void check_coverage(const std::vector<Band>& bands, std::vector<FieldError>& errors) {
  for (const auto& level : levels())
    for (const auto& scale : registry::enterprise_scales().values()) {
      bool covered = false;
      for (const auto& b : bands)
        covered = covered || (b.level == level && b.scale == scale && b.industry.empty());
      if (!covered)
        errors.push_back({"bands", "band_missing",
                          "缺少" + registry::risk_levels().zh(level) + "风险、" +
                              registry::enterprise_scales().zh(scale) + "企业（不限行业）的保额区间",
                          "no band for " + registry::risk_levels().en(level) + " risk, " +
                              registry::enterprise_scales().en(scale) + " enterprises (any industry)"});
    }
}

// How specific a group is for an enterprise of `industry_code` in `section`: -1 when it does not apply.
int specificity(std::string_view group, std::string_view industry_code, std::string_view section) {
  if (group.empty()) return 0;
  if (group == section) return 1;
  if (!industry_code.empty() && industry_code.starts_with(group)) return static_cast<int>(group.size());
  return -1;
}

bool shipped_industry(std::string_view code) {
  return registry::IndustryTable::shipped().find(code) != nullptr;
}

}  // namespace

ReadTable read_table(const nlohmann::json& body, bool (*industry_known)(std::string_view)) {
  ReadTable out;
  Fields fields(body);
  out.table.name = fields.required_text("name", 1, 100);
  out.table.note = fields.optional_text("note", 1000).value_or("");
  fields.require("bands");
  out.errors = fields.errors();
  if (!body.contains("bands") || body["bands"].is_null()) return out;
  const auto& rows = body["bands"];
  if (!rows.is_array() || rows.empty() || rows.size() > kMaxBands) {
    out.errors.push_back(
        {"bands", "wrong_size", "应为 1 至 400 行的列表", "must be a list of 1 to 400 rows"});
    return out;
  }
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto band = read_band(rows[i], i, industry_known, out.errors);
    if (!band) continue;
    if (!seen.insert({band->level, band->scale, band->industry}).second)
      out.errors.push_back({band_field(i, ""), "duplicate_band", "同一风险等级、规模和行业的区间重复",
                            "repeats the level, scale and industry of an earlier row"});
    out.table.bands.push_back(std::move(*band));
  }
  if (out.errors.empty()) check_coverage(out.table.bands, out.errors);
  return out;
}

std::optional<Band> pick_band(const std::vector<Band>& bands, std::string_view level, std::string_view scale,
                              std::string_view industry_code, std::string_view section) {
  const Band* best = nullptr;
  int best_specificity = -1;
  for (const auto& band : bands) {
    if (band.level != level || band.scale != scale) continue;
    const int s = specificity(band.industry, industry_code, section);
    if (s > best_specificity) {
      best = &band;
      best_specificity = s;
    }
  }
  if (best == nullptr) return std::nullopt;
  return *best;
}

nlohmann::json band_json(const Band& band) {
  return {{"level", band.level},     {"scale", band.scale},     {"industry", band.industry},
          {"min_wan", band.min_wan}, {"max_wan", band.max_wan}, {"text", band_text(band)}};
}

nlohmann::json table_json(const Table& table) {
  nlohmann::json bands = nlohmann::json::array();
  for (const auto& band : table.bands) bands.push_back(band_json(band));
  return {{"name", table.name}, {"note", table.note}, {"bands", bands}};
}

std::string band_text(const Band& band) {
  return std::to_string(band.min_wan) + "–" + std::to_string(band.max_wan) + " 万元";
}

const Table& example_table() {
  static const Table table = [] {
    auto read =
        read_table(nlohmann::json::parse(embedded::data_file("sum_insured/example.json")), shipped_industry);
    if (!read.errors.empty())
      throw std::logic_error("data/sum_insured/example.json: " + read.errors.front().field + " " +
                             read.errors.front().code);
    return read.table;
  }();
  return table;
}

}  // namespace rw::suminsured
