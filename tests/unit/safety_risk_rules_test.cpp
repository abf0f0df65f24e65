// Work-safety risk grading (chengdu App. C 3.2) under the default mapping of reference/risk-methods.md:
// LS R = L × S, 20–25 重大, 15–16 较大, 9–12 一般, 1–8 低; LEC D = L × E × C, D ≥ 320 重大, 160 ≤ D < 320
// 较大, 70 ≤ D < 160 一般, D < 70 低 (each band includes its lower bound); colours 红 橙 黄 蓝. The expected
// levels below are typed from that text, not computed.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "platform/errors.hpp"
#include "safety/risk_records.hpp"
#include "safety/risk_rules.hpp"

using namespace rw::safety;
using nlohmann::json;

namespace {

std::string code_of(Level level) { return std::string(level_code(level)); }

std::string error_code(const std::function<void()>& call, const std::string& field) {
  try {
    call();
  } catch (const rw::ApiError& e) {
    for (const auto& f : e.errors)
      if (f.field == field) return f.code;
    return "no error at " + field + " (" + e.code + ")";
  }
  return "no error";
}

}  // namespace

TEST(SafetyRiskRules, EveryLsProductThatOccursHasTheLevelOfRiskMethods) {
  // Every product of L, S ∈ 1..5, with its level by the bands 20–25 / 15–16 / 9–12 / 1–8.
  const std::map<double, std::string> expected = {
      {1, "low"},    {2, "low"},    {3, "low"},     {4, "low"},      {5, "low"},
      {6, "low"},    {8, "low"},    {9, "general"}, {10, "general"}, {12, "general"},
      {15, "large"}, {16, "large"}, {20, "major"},  {25, "major"}};
  std::set<double> seen;
  for (int l = 1; l <= 5; ++l)
    for (int s = 1; s <= 5; ++s) {
      const auto grade = grade_ls(default_mapping(), l, s);
      EXPECT_EQ(grade.value, l * s);
      ASSERT_TRUE(expected.count(grade.value)) << "R " << grade.value << " is not in the table";
      EXPECT_EQ(code_of(grade.level), expected.at(grade.value)) << "L " << l << " S " << s;
      seen.insert(grade.value);
    }
  EXPECT_EQ(seen.size(), expected.size());
}

TEST(SafetyRiskRules, LecBandEdgesIncludeTheirLowerBound) {
  const auto& lec = default_mapping().lec;
  EXPECT_EQ(code_of(level_of(lec, 320)), "major");
  EXPECT_EQ(code_of(level_of(lec, 319.99)), "large");
  EXPECT_EQ(code_of(level_of(lec, 160)), "large");
  EXPECT_EQ(code_of(level_of(lec, 159.99)), "general");
  EXPECT_EQ(code_of(level_of(lec, 70)), "general");
  EXPECT_EQ(code_of(level_of(lec, 69.99)), "low");
  EXPECT_EQ(code_of(level_of(lec, 0.05)), "low");
}

TEST(SafetyRiskRules, LecGradesAllowedFactorsOnly) {
  EXPECT_EQ(lec_l_values(), (std::vector<double>{10, 6, 3, 1, 0.5, 0.2, 0.1}));
  EXPECT_EQ(lec_e_values(), (std::vector<double>{10, 6, 3, 2, 1, 0.5}));
  EXPECT_EQ(lec_c_values(), (std::vector<double>{100, 40, 15, 7, 3, 1}));
  struct Case {
    double l, e, c, d;
    const char* level;
  };
  const std::vector<Case> cases = {
      {1, 10, 7, 70, "general"},  {10, 2, 3, 60, "low"},        {1, 2, 40, 80, "general"},
      {1, 6, 15, 90, "general"},  {6, 6, 7, 252, "large"},      {3, 6, 15, 270, "large"},
      {3, 3, 40, 360, "major"},   {10, 6, 7, 420, "major"},     {0.5, 6, 15, 45, "low"},
      {0.1, 0.5, 1, 0.05, "low"}, {0.2, 10, 100, 200, "large"}, {10, 10, 100, 10000, "major"}};
  for (const auto& c : cases) {
    const auto grade = grade_lec(default_mapping(), c.l, c.e, c.c);
    EXPECT_DOUBLE_EQ(grade.value, c.d);
    EXPECT_EQ(code_of(grade.level), c.level) << c.l << " × " << c.e << " × " << c.c;
  }
  EXPECT_THROW(grade_lec(default_mapping(), 2, 6, 15), std::invalid_argument);
  EXPECT_THROW(grade_ls(default_mapping(), 0, 3), std::invalid_argument);
  EXPECT_THROW(grade_ls(default_mapping(), 2.5, 3), std::invalid_argument);
}

TEST(SafetyRiskRules, FourLevelsAndColours) {
  EXPECT_EQ(level_label(Level::major), "重大风险");
  EXPECT_EQ(colour_label(Level::major), "红");
  EXPECT_EQ(colour_label(Level::large), "橙");
  EXPECT_EQ(colour_label(Level::general), "黄");
  EXPECT_EQ(colour_label(Level::low), "蓝");
  EXPECT_EQ(colour_hex(Level::major), "#E60012");
  EXPECT_EQ(colour_hex(Level::low), "#0068B7");
  EXPECT_EQ(level_from_code("large"), Level::large);
  EXPECT_FALSE(level_from_code("red").has_value());
}

TEST(SafetyRiskRules, AnOrganizationsMappingReplacesTheDefaultAndIsNamed) {
  EXPECT_EQ(default_mapping().code, "default-ls-lec");
  const auto other = parse_mapping(json::parse(R"({"code": "city-x", "name": "某市标准",
      "ls": [{"min": 1, "level": "low"}, {"min": 6, "level": "general"}, {"min": 12, "level": "large"},
             {"min": 16, "level": "major"}],
      "lec": [{"min": 0, "level": "low"}, {"min": 20, "level": "general"}, {"min": 70, "level": "large"},
              {"min": 160, "level": "major"}]})"));
  EXPECT_EQ(other.name, "某市标准");
  EXPECT_EQ(code_of(grade_ls(other, 2, 3).level), "general");  // 6: 低 by default
  EXPECT_EQ(code_of(grade_ls(other, 4, 4).level), "major");    // 16: 较大 by default
  EXPECT_EQ(code_of(grade_lec(other, 1, 10, 7).level), "large");
  EXPECT_EQ(error_code(
                [] {
                  parse_mapping(json::parse(R"({"code": "x", "name": "x",
      "ls": [{"min": 1, "level": "low"}, {"min": 1, "level": "major"}], "lec": [{"min": 0, "level": "low"}]})"));
                },
                "ls"),
            "invalid_mapping");
  EXPECT_EQ(error_code(
                [] {
                  parse_mapping(json::parse(R"({"code": "x", "name": "x",
      "ls": [{"min": 1, "level": "low"}], "lec": [{"min": 5, "level": "low"}]})"));
                },
                "lec"),
            "invalid_mapping");
  EXPECT_EQ(error_code(
                [] {
                  parse_mapping(json::parse(R"({"code": "x", "name": "x",
      "ls": [{"min": 1, "level": "purple"}], "lec": [{"min": 0, "level": "low"}]})"));
                },
                "ls"),
            "invalid_mapping");
}

TEST(SafetyRiskRecords, AssessmentsAreGradedAndBadFactorsNamed) {
  const auto parsed = parse_record(
      Kind::assessment,
      {{"method", "jha"}, {"item", "装卸"}, {"hazard", "叉车碰撞"}, {"scoring", "ls"}, {"l", 4}, {"s", 4}},
      default_mapping(), std::nullopt);
  ASSERT_TRUE(parsed.grade.has_value());
  EXPECT_EQ(parsed.grade->value, 16);
  EXPECT_EQ(code_of(parsed.grade->level), "large");
  const json lec_bad = {{"method", "scl"}, {"item", "x"}, {"hazard", "y"}, {"scoring", "lec"},
                        {"l", 2},          {"e", 6},      {"c", 15}};
  EXPECT_EQ(
      error_code([&] { parse_record(Kind::assessment, lec_bad, default_mapping(), std::nullopt); }, "l"),
      "invalid_factor");
  const json ls_bad = {{"method", "jha"}, {"item", "x"}, {"hazard", "y"},
                       {"scoring", "ls"}, {"l", 6},      {"s", "3"}};
  EXPECT_EQ(error_code([&] { parse_record(Kind::assessment, ls_bad, default_mapping(), std::nullopt); }, "l"),
            "invalid_factor");
  EXPECT_EQ(error_code([&] { parse_record(Kind::assessment, ls_bad, default_mapping(), std::nullopt); }, "s"),
            "wrong_type");
}

TEST(SafetyRiskRecords, ZonesArePolygonsOnThePlan) {
  const PlanSize plan{800, 600};
  const auto zone = parse_record(
      Kind::zone, {{"name", "罐区"}, {"points", {{10, 10}, {200, 10}, {200, 150}}}}, default_mapping(), plan);
  EXPECT_EQ(polygon_of(zone.data).size(), 3u);
  EXPECT_EQ(
      error_code(
          [&] {
            parse_record(Kind::zone, {{"name", "x"}, {"points", {{1, 1}, {2, 2}}}}, default_mapping(), plan);
          },
          "points"),
      "invalid_polygon");
  EXPECT_EQ(error_code(
                [&] {
                  parse_record(Kind::zone, {{"name", "x"}, {"points", {{1, 1}, {900, 2}, {3, 3}}}},
                               default_mapping(), plan);
                },
                "points"),
            "invalid_polygon");
}

TEST(SafetyRiskRecords, TablesKeepTheSeedsColumns) {
  // chengdu App. C Table 3 has 8 columns, Table 4 has 5 and Table 7 has 9, each with 序号 first.
  EXPECT_EQ(activity_columns().size() + 1, 8u);
  EXPECT_EQ(equipment_columns().size() + 1, 5u);
  EXPECT_EQ(risk_list_columns().size() + 1, 9u);
  EXPECT_EQ(activity_columns().back().header, "备注（常规/非常规）");
  EXPECT_EQ(risk_list_columns()[5].header, "风险源详细地址");
}
