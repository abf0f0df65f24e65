#include "safety/risk_rules.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>

#include "platform/embedded.hpp"
#include "platform/errors.hpp"

namespace rw::safety {
namespace {

struct LevelText {
  Level level;
  std::string_view code, label, label_en, colour, colour_label, hex;
};

// The colours of the four-colour map 安全风险四色图.
constexpr LevelText kLevels[] = {
    {Level::low, "low", "低风险", "low risk", "blue", "蓝", "#0068B7"},
    {Level::general, "general", "一般风险", "general risk", "yellow", "黄", "#FFE100"},
    {Level::large, "large", "较大风险", "significant risk", "orange", "橙", "#F39800"},
    {Level::major, "major", "重大风险", "major risk", "red", "红", "#E60012"},
};

const LevelText& text_of(Level level) { return kLevels[static_cast<int>(level)]; }

[[noreturn]] void bad_mapping(const std::string& field, const std::string& zh, const std::string& en) {
  throw invalid_field(field, "invalid_mapping", zh, en);
}

std::vector<Band> parse_bands(const nlohmann::json& object, const std::string& key, double lowest) {
  if (!object.contains(key) || !object[key].is_array() || object[key].empty() || object[key].size() > 10)
    bad_mapping(key, "分级区间须为 1–10 项的数组", "bands must be an array of 1 to 10 items");
  std::vector<Band> bands;
  std::set<double> minimums;
  for (const auto& item : object[key]) {
    if (!item.is_object() || !item.contains("min") || !item["min"].is_number() || !item.contains("level") ||
        !item["level"].is_string())
      bad_mapping(key, "每个区间须有数值 min 和等级 level", "each band needs a numeric min and a level");
    const auto level = level_from_code(item["level"].get<std::string>());
    const double min = item["min"].get<double>();
    if (!level) bad_mapping(key, "未知的风险等级", "unknown risk level");
    if (!std::isfinite(min) || min < 0 || !minimums.insert(min).second)
      bad_mapping(key, "区间下限须为不重复的非负数", "band minimums must be distinct non-negative numbers");
    bands.push_back({min, *level});
  }
  std::sort(bands.begin(), bands.end(), [](const Band& a, const Band& b) { return a.min > b.min; });
  if (bands.back().min > lowest)
    bad_mapping(key, "区间须覆盖最低分值", "the bands must cover the lowest score");
  return bands;
}

double rounded(double value) { return std::round(value * 1000) / 1000; }

bool one_of(const std::vector<double>& values, double value) {
  return std::any_of(values.begin(), values.end(), [&](double v) { return std::fabs(v - value) < 1e-9; });
}

}  // namespace

std::string_view level_code(Level level) { return text_of(level).code; }
std::string_view level_label(Level level) { return text_of(level).label; }
std::string_view level_label_en(Level level) { return text_of(level).label_en; }
std::string_view colour_code(Level level) { return text_of(level).colour; }
std::string_view colour_label(Level level) { return text_of(level).colour_label; }
std::string_view colour_hex(Level level) { return text_of(level).hex; }

std::optional<Level> level_from_code(std::string_view code) {
  for (const auto& t : kLevels)
    if (t.code == code) return t.level;
  return std::nullopt;
}

Mapping parse_mapping(const nlohmann::json& object) {
  if (!object.is_object()) bad_mapping("mapping", "分级方案须为对象", "the mapping must be an object");
  const auto text = [&](const std::string& key, std::size_t max) {
    if (!object.contains(key) || !object[key].is_string() || object[key].get<std::string>().empty() ||
        object[key].get<std::string>().size() > max)
      bad_mapping(key, "须为非空文本", "must be non-empty text");
    return object[key].get<std::string>();
  };
  Mapping m{text("code", 64), text("name", 300), object.value("name_en", std::string()), {}, {}};
  m.ls = parse_bands(object, "ls", 1);
  m.lec = parse_bands(object, "lec", 0);
  return m;
}

nlohmann::json mapping_json(const Mapping& mapping) {
  const auto bands = [](const std::vector<Band>& list) {
    auto out = nlohmann::json::array();
    for (const auto& b : list) out.push_back({{"min", b.min}, {"level", level_code(b.level)}});
    return out;
  };
  return {{"code", mapping.code},
          {"name", mapping.name},
          {"name_en", mapping.name_en},
          {"ls", bands(mapping.ls)},
          {"lec", bands(mapping.lec)}};
}

const Mapping& default_mapping() {
  static const Mapping mapping =
      parse_mapping(nlohmann::json::parse(embedded::data_file("safety-risk/default-mapping.json")));
  return mapping;
}

// 作业条件危险性分析法: L 事故发生的可能性, E 暴露于危险环境的频繁程度, C 发生事故可能造成的后果.
const std::vector<double>& lec_l_values() {
  static const std::vector<double> values = {10, 6, 3, 1, 0.5, 0.2, 0.1};
  return values;
}
const std::vector<double>& lec_e_values() {
  static const std::vector<double> values = {10, 6, 3, 2, 1, 0.5};
  return values;
}
const std::vector<double>& lec_c_values() {
  static const std::vector<double> values = {100, 40, 15, 7, 3, 1};
  return values;
}
bool allowed_ls_factor(double value) { return value >= 1 && value <= 5 && value == std::floor(value); }

Level level_of(const std::vector<Band>& bands, double value) {
  // Bands are sorted from the highest minimum down; the first one the score reaches is its level.
  for (const auto& band : bands)
    if (value >= band.min) return band.level;
  return bands.empty() ? Level::low : bands.back().level;
}

Grade grade_ls(const Mapping& mapping, double l, double s) {
  if (!allowed_ls_factor(l) || !allowed_ls_factor(s)) throw std::invalid_argument("L and S are 1 to 5");
  const double r = l * s;
  return {Method::ls, r, level_of(mapping.ls, r)};
}

Grade grade_lec(const Mapping& mapping, double l, double e, double c) {
  if (!one_of(lec_l_values(), l) || !one_of(lec_e_values(), e) || !one_of(lec_c_values(), c))
    throw std::invalid_argument("L, E, C off their scales");
  const double d = rounded(l * e * c);
  return {Method::lec, d, level_of(mapping.lec, d)};
}

}  // namespace rw::safety
