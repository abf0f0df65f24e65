#include "envrisk/evaluation.hpp"

namespace rw::envrisk {
namespace {

std::string band(const char* letter, int value) { return letter + std::to_string(value); }

MediumResult from_given(Medium medium, const GivenIndicators& given) {
  MediumResult out;
  out.given = true;
  out.q = given.q;
  out.m = given.m;
  out.grade = grade_medium(medium, given.q, given.m, given.e);
  return out;
}

MediumResult computed(Medium medium, const RawInputs& raw, const ScoreTable& scores) {
  const bool air = medium == Medium::air;
  MediumResult out;
  auto q = sum_q(raw.substances, air);
  out.q = q.q;
  out.q_terms = std::move(q.terms);
  out.process = process_score(raw.units);
  out.controls = control_score(air ? scores.air : scores.water, air ? raw.air_controls : raw.water_controls);
  out.m = out.process.score + out.controls.score;
  out.e = air ? air_e(raw.air_receptors) : water_e(raw.water_receptors);
  out.grade = grade_medium(medium, out.q, out.m, out.e.e);
  return out;
}

std::string join(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (const auto& part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

std::string q_text(const MediumResult& r) {
  if (r.given) return "Q = " + number_text(r.q) + "（给定）";
  if (r.q_terms.empty()) return "Q = 0：无计入该介质的风险物质";
  std::vector<std::string> parts;
  for (const auto& t : r.q_terms)
    parts.push_back(t.name + " " + number_text(t.pure_t) + " t / " + number_text(t.critical_t) +
                    " t = " + number_text(t.ratio));
  return "Q = " + number_text(r.q) + "：" + join(parts, "；");
}

std::string m_text(const MediumResult& r) {
  if (r.given) return "M = " + number_text(r.m) + "（给定）";
  std::string process = "生产工艺 " + std::to_string(r.process.score) + " 分";
  if (r.process.uncapped > r.process.score)
    process += "（合计 " + std::to_string(r.process.uncapped) + " 分，以 30 分计）";
  std::vector<std::string> controls;
  for (const auto& a : r.controls.answers)
    controls.push_back(a.zh + "：" + a.option_zh + " " + std::to_string(a.score) + " 分");
  return "M = " + number_text(r.m) + "：" + process + "；风险防控措施 " + std::to_string(r.controls.score) +
         " 分（" + join(controls, "；") + "）";
}

std::string process_units_text(const ProcessUnits& units) {
  std::vector<std::string> parts;
  for (const auto& u : units.listed)
    if (u.count > 0) parts.push_back(u.process + " " + std::to_string(u.count) + " 套 × 10 分");
  if (units.high_temperature_pressure > 0)
    parts.push_back("高温高压工艺 " + std::to_string(units.high_temperature_pressure) + " 套 × 5 分");
  if (units.phase_out_equipment > 0)
    parts.push_back("淘汰类设备 " + std::to_string(units.phase_out_equipment) + " 套 × 5 分");
  return parts.empty() ? "无重点监管工艺、高温高压工艺及淘汰类设备" : join(parts, "；");
}

void explain(Evaluation& out, const MediumResult& r, const ProcessUnits& units) {
  const std::string medium(medium_code(r.grade.medium));
  const std::string name(medium_zh(r.grade.medium));
  out.explanation.push_back({medium, "q", name + "：" + q_text(r) + "，" + band("Q", r.grade.q)});
  if (r.grade.q == 0) {
    out.explanation.push_back({medium, "level", name + "：Q < 1，直接评为一般环境风险"});
    return;
  }
  if (!r.given) out.explanation.push_back({medium, "m", name + "：生产工艺 — " + process_units_text(units)});
  out.explanation.push_back({medium, "m", name + "：" + m_text(r) + "，" + band("M", r.grade.m)});
  const std::string e_reason = r.given ? "（给定）" : "：" + join(r.e.because, "；");
  out.explanation.push_back({medium, "e", name + "：" + band("E", r.grade.e) + e_reason});
  out.explanation.push_back({medium, "level",
                             name + "：" + band("E", r.grade.e) + "-" + band("Q", r.grade.q) + "-" +
                                 band("M", r.grade.m) + " 查表为" + std::string(level_zh(r.grade.level))});
}

}  // namespace

Evaluation evaluate(const EvaluationInput& input, const ScoreTable& scores) {
  Evaluation out;
  for (const auto medium : {Medium::air, Medium::water}) {
    const auto& indicators = medium == Medium::air ? input.air : input.water;
    if (!indicators && !input.raw) continue;
    auto result = indicators ? from_given(medium, *indicators) : computed(medium, *input.raw, scores);
    result.label = medium_label(result.grade);
    explain(out, result, input.raw ? input.raw->units : ProcessUnits{});
    out.media.push_back(std::move(result));
  }
  std::vector<MediumGrade> grades;
  for (const auto& r : out.media) grades.push_back(r.grade);
  out.enterprise = grade_enterprise(grades, input.penalised_last_3_years);
  const std::string higher = out.media.size() > 1 ? "取大气、水中较高者" : "按所评介质";
  out.explanation.push_back({"", "enterprise", "企业环境风险等级" + higher});
  if (input.penalised_last_3_years)
    out.explanation.push_back({"", "raise",
                               out.enterprise.raised
                                   ? "近三年内因违法排放污染物等受到处罚，等级上调一级为" +
                                         std::string(level_zh(out.enterprise.level))
                                   : "近三年内因违法排放污染物等受到处罚，已为重大，不再上调"});
  out.explanation.push_back({"", "enterprise", "结果：" + out.enterprise.label});
  return out;
}

}  // namespace rw::envrisk
