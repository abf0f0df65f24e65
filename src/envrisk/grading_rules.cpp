#include "envrisk/grading_rules.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace rw::envrisk {
namespace {

constexpr Level G = Level::general, L = Level::larger, Z = Level::major;

// risk-methods.md's matrix, rows E1-Q1 … E3-Q3, columns M1–M4.
constexpr std::array<std::array<std::array<Level, 4>, 3>, 3> kMatrix{{
    {{{L, L, Z, Z}, {L, Z, Z, Z}, {Z, Z, Z, Z}}},  // E1
    {{{G, L, L, Z}, {L, L, Z, Z}, {L, Z, Z, Z}}},  // E2
    {{{G, G, L, L}, {G, L, L, Z}, {L, L, Z, Z}}},  // E3
}};

}  // namespace

std::string_view level_code(Level level) {
  switch (level) {
    case Level::general:
      return "general";
    case Level::larger:
      return "larger";
    case Level::major:
      return "major";
  }
  return "general";
}

std::string_view level_zh(Level level) {
  switch (level) {
    case Level::general:
      return "一般";
    case Level::larger:
      return "较大";
    case Level::major:
      return "重大";
  }
  return "一般";
}

Level raised(Level level) { return level == Level::general ? Level::larger : Level::major; }

std::string_view medium_code(Medium medium) { return medium == Medium::air ? "air" : "water"; }
std::string_view medium_zh(Medium medium) { return medium == Medium::air ? "大气" : "水"; }

int q_band(double q) {
  if (q < 1) return 0;
  if (q < 10) return 1;
  if (q < 100) return 2;
  return 3;
}

int m_band(double m) {
  if (m < 25) return 1;
  if (m < 45) return 2;
  if (m < 60) return 3;
  return 4;
}

Level matrix_level(int e, int q, int m) {
  if (e < 1 || e > 3 || q < 1 || q > 3 || m < 1 || m > 4) throw std::out_of_range("no such matrix cell");
  return kMatrix[e - 1][q - 1][m - 1];
}

MediumGrade grade_medium(Medium medium, double q, double m, int e) {
  MediumGrade grade{medium, q_band(q), m_band(m), e, Level::general};
  if (grade.q > 0) grade.level = matrix_level(e, grade.q, grade.m);
  return grade;
}

std::string medium_label(const MediumGrade& grade) {
  std::string out = std::string(level_zh(grade.level)) + "-" + std::string(medium_zh(grade.medium)) + "(";
  if (grade.q == 0) return out + "Q0)";
  return out + "Q" + std::to_string(grade.q) + "-M" + std::to_string(grade.m) + "-E" +
         std::to_string(grade.e) + ")";
}

EnterpriseGrade grade_enterprise(const std::vector<MediumGrade>& media, bool penalised_last_3_years) {
  if (media.empty()) throw std::invalid_argument("no medium graded");
  Level level = Level::general;
  std::string parts;
  for (const auto& grade : media) {
    level = std::max(level, grade.level);
    if (!parts.empty()) parts += "+";
    parts += medium_label(grade);
  }
  EnterpriseGrade out;
  out.level = penalised_last_3_years ? raised(level) : level;
  out.raised = out.level != level;
  out.label = std::string(level_zh(out.level)) + "[" + parts + "]";
  return out;
}

std::optional<int> parse_e(std::string_view text) {
  if (text == "E1") return 1;
  if (text == "E2") return 2;
  if (text == "E3") return 3;
  return std::nullopt;
}

}  // namespace rw::envrisk
