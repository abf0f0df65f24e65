#include "envrisk/indicator_rules.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace rw::envrisk {

QSum sum_q(const std::vector<SubstanceLine>& lines, bool air) {
  QSum out;
  double total = 0;
  for (const auto& line : lines) {
    if (!(air ? line.air : line.water)) continue;
    QTerm term{line.name, line.quantity_t * line.share, line.critical_t, 0};
    term.ratio = term.pure_t / term.critical_t;
    total += term.ratio;
    out.terms.push_back(std::move(term));
  }
  out.q = std::round(total * 1e6) / 1e6;
  return out;
}

Media default_media(std::string_view part, std::string_view physical_state) {
  if (part == "1|2") return {true, true};
  if (part == "8") return {false, true};
  if (physical_state == "gas") return {true, false};
  if (physical_state == "solid") return {false, true};
  return {true, true};
}

const std::vector<std::string_view>& listed_processes() {
  static const std::vector<std::string_view> processes{
      "光气及光气化", "电解(氯碱)", "氯化",   "硝化",       "合成氨",   "裂解(裂化)",
      "氟化",         "加氢",       "重氮化", "氧化",       "过氧化",   "胺基化",
      "磺化",         "聚合",       "烷基化", "新型煤化工", "电石生产", "偶氮化"};
  return processes;
}

ProcessScore process_score(const ProcessUnits& units) {
  ProcessScore out;
  for (const auto& unit : units.listed) out.uncapped += 10 * unit.count;
  out.uncapped += 5 * units.high_temperature_pressure + 5 * units.phase_out_equipment;
  out.score = std::min(out.uncapped, kProcessCap);
  return out;
}

ControlScore control_score(const std::vector<ControlItem>& table,
                           const std::map<std::string, std::string>& answers) {
  ControlScore out;
  for (const auto& item : table) {
    ControlAnswer answer{item.code, item.zh, "", "未回答，按最不利计", 0};
    for (const auto& option : item.options) answer.score = std::max(answer.score, option.score);
    if (auto it = answers.find(item.code); it != answers.end())
      for (const auto& option : item.options)
        if (option.code == it->second) answer = {item.code, item.zh, option.code, option.zh, option.score};
    out.score += answer.score;
    out.answers.push_back(std::move(answer));
  }
  return out;
}

namespace {

std::string people(const char* where, std::int64_t count) {
  return std::string(where) + "人口 " + std::to_string(count) + " 人";
}

}  // namespace

// > 50,000 within 5 km or > 1,000 within 500 m (pipelines > 200 per km) → E1; 10,000–50,000 or 500–1,000
// (pipelines 100–200) → E2, both ends included as risk-methods.md writes the ranges.
EFinding air_e(const AirReceptors& r) {
  const auto p5km = r.people_5km.value_or(0), p500m = r.people_500m.value_or(0);
  const auto pipeline = r.pipeline_people_per_km.value_or(0);
  EFinding out;
  if (r.special_zone_5km) out.because.push_back("5 km 范围内有军事禁区、军事管理区或国家相关保密区域");
  if (p5km > 50'000) out.because.push_back(people("5 km 范围内", p5km) + "，大于 5 万人");
  if (p500m > 1'000) out.because.push_back(people("500 m 范围内", p500m) + "，大于 1000 人");
  if (pipeline > 200)
    out.because.push_back("管道两侧 200 m 范围内每千米人口 " + std::to_string(pipeline) + " 人，大于 200 人");
  if (!out.because.empty()) {
    out.e = 1;
    return out;
  }
  if (p5km >= 10'000) out.because.push_back(people("5 km 范围内", p5km) + "，1 万～5 万人");
  if (p500m >= 500) out.because.push_back(people("500 m 范围内", p500m) + "，500～1000 人");
  if (pipeline >= 100)
    out.because.push_back("管道两侧 200 m 范围内每千米人口 " + std::to_string(pipeline) + " 人，100～200 人");
  if (!out.because.empty()) {
    out.e = 2;
    return out;
  }
  out.because.push_back(people("5 km 范围内", p5km) + "、" + people("500 m 范围内", p500m) +
                        "，低于 E2 的界限");
  return out;
}

EFinding water_e(const WaterReceptors& r) {
  EFinding out;
  if (r.drinking_water_zone_10km) out.because.push_back("排放口下游 10 km 范围内有集中式饮用水水源保护区");
  if (r.national_border_24h) out.because.push_back("排水 24 h 流经范围内涉及国界");
  if (!out.because.empty()) {
    out.e = 1;
    return out;
  }
  if (r.sensitive_area_10km) out.because.push_back("排放口下游 10 km 范围内有生态保护红线或水环境敏感区");
  if (r.provincial_border_24h) out.because.push_back("排水 24 h 流经范围内涉及省界");
  if (r.karst_or_flood_area) out.because.push_back("企业位于溶岩地貌、泄洪区或泥石流多发等地区");
  if (!out.because.empty()) {
    out.e = 2;
    return out;
  }
  out.because.push_back("下游无饮用水水源保护区、敏感区，不跨国界、省界");
  return out;
}

std::string number_text(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.4f", value);
  std::string text = buffer;
  text.erase(text.find_last_not_of('0') + 1);
  if (text.back() == '.') text.pop_back();
  return text == "-0" ? "0" : text;
}

}  // namespace rw::envrisk
