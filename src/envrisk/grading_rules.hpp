#pragma once
// HJ 941-2018 企业突发环境事件风险分级方法, the grading itself: Q, M and E bands, the level matrix (air and
// water alike), the enterprise level, the one-level raise and the label, as risk-methods.md
// (work/shared/reference) states them. Pure: no I/O, unit-tested cell by cell.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rw::envrisk {

// Ordered, so the higher of two is std::max.
enum class Level { general = 0, larger = 1, major = 2 };
std::string_view level_code(Level level);  // general | larger | major (registry::risk_levels)
std::string_view level_zh(Level level);    // 一般 | 较大 | 重大
// One level up for a violation record of the last 3 years; 重大 stays 重大.
Level raised(Level level);

enum class Medium { air, water };
std::string_view medium_code(Medium medium);  // air | water
std::string_view medium_zh(Medium medium);    // 大气 | 水

// Q < 1 → 0 (Q0); [1, 10) → 1; [10, 100) → 2; ≥ 100 → 3.
int q_band(double q);
// M < 25 → 1 (M1); [25, 45) → 2; [45, 60) → 3; ≥ 60 → 4.
int m_band(double m);
// The matrix cell for E1–E3, Q1–Q3 and M1–M4.
Level matrix_level(int e, int q, int m);

// One medium graded: a Q0 medium is 一般 whatever M and E are.
struct MediumGrade {
  Medium medium = Medium::air;
  int q = 0;  // band 0–3
  int m = 1;  // band 1–4
  int e = 3;  // 1–3
  Level level = Level::general;
};
MediumGrade grade_medium(Medium medium, double q, double m, int e);
// "较大-大气(Q2-M2-E3)"; a Q0 medium "一般-水(Q0)".
std::string medium_label(const MediumGrade& grade);

struct EnterpriseGrade {
  Level level = Level::general;  // after the raise
  bool raised = false;           // the raise changed the level
  std::string label;             // "较大[较大-大气(Q2-M2-E3)+一般-水(Q0)]"
};
// The higher of the media graded (one or two), then raised one level for a penalty in the last 3 years.
EnterpriseGrade grade_enterprise(const std::vector<MediumGrade>& media, bool penalised_last_3_years);

// "E1" → 1 … "E3" → 3; nullopt otherwise.
std::optional<int> parse_e(std::string_view text);

}  // namespace rw::envrisk
