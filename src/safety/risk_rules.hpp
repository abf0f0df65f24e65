#pragma once
// Work-safety risk grading (chengdu App. C 3.2, which cites DB5101/T 18-2018's 风险矩阵分析法 and
// 作业条件危险性 分析法). Four levels with their colours (重大 红, 较大 橙, 一般 黄, 低 蓝). The bands that
// turn a score into a level are data — a mapping an organization may replace with its city's standard — and
// every result names the mapping it used. The default is data/safety-risk/default-mapping.json
// (reference/risk-methods.md). Pure.
#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rw::safety {

// Ascending, so the highest of several is their maximum.
enum class Level { low, general, large, major };

std::string_view level_code(Level level);  // low | general | large | major
std::optional<Level> level_from_code(std::string_view code);
std::string_view level_label(Level level);     // 重大风险 …
std::string_view level_label_en(Level level);  // major risk …
std::string_view colour_code(Level level);     // red | orange | yellow | blue
std::string_view colour_label(Level level);    // 红 …
std::string_view colour_hex(Level level);      // #E60012 …

// A score at or above `min` (and below the next band's) has the band's level.
struct Band {
  double min = 0;
  Level level = Level::low;
};

struct Mapping {
  std::string code;
  std::string name;
  std::string name_en;
  std::vector<Band> ls;   // R = L × S
  std::vector<Band> lec;  // D = L × E × C
};

// The shipped default (DB37/T 2882-2016-style LS bands, the common LEC bands).
const Mapping& default_mapping();
// A mapping from its JSON form ({code, name, name_en, ls: [{min, level}], lec: [...]}); 422
// invalid_mapping naming the field unless each method has bands of distinct minimums covering its lowest
// score (LS 1, LEC 0) with known levels.
Mapping parse_mapping(const nlohmann::json& object);
nlohmann::json mapping_json(const Mapping& mapping);

enum class Method { ls, lec };

// The allowed factor values (LS: L, S ∈ 1–5; LEC: the L, E, C scales of the method).
const std::vector<double>& lec_l_values();
const std::vector<double>& lec_e_values();
const std::vector<double>& lec_c_values();
bool allowed_ls_factor(double value);

struct Grade {
  Method method = Method::ls;
  double value = 0;  // R or D
  Level level = Level::low;
};

// The level of a score under the bands of one method.
Level level_of(const std::vector<Band>& bands, double value);
// R = L × S; L and S must be allowed (std::invalid_argument otherwise: callers validate first).
Grade grade_ls(const Mapping& mapping, double l, double s);
// D = L × E × C, rounded to 3 decimals so 0.1 × 0.5 × … compares as written.
Grade grade_lec(const Mapping& mapping, double l, double e, double c);

}  // namespace rw::safety
