// HJ 941-2018 grading (src/envrisk): every matrix cell, every band edge, the M cap, E's edges, labels and the
// raise. The expected values are typed from risk-methods.md's text and table, not produced by the code.
#include <gtest/gtest.h>

#include "envrisk/evaluation.hpp"

using namespace rw::envrisk;

namespace {

// risk-methods.md's matrix as printed: rows E1-Q1 … E3-Q3, columns M1–M4.
const char* const kPrinted[9][4] = {
    {"较大", "较大", "重大", "重大"},  // E1-Q1
    {"较大", "重大", "重大", "重大"},  // E1-Q2
    {"重大", "重大", "重大", "重大"},  // E1-Q3
    {"一般", "较大", "较大", "重大"},  // E2-Q1
    {"较大", "较大", "重大", "重大"},  // E2-Q2
    {"较大", "重大", "重大", "重大"},  // E2-Q3
    {"一般", "一般", "较大", "较大"},  // E3-Q1
    {"一般", "较大", "较大", "重大"},  // E3-Q2
    {"较大", "较大", "重大", "重大"},  // E3-Q3
};

ScoreTable two_item_table() {
  ScoreTable t;
  t.air = {{"monitoring", "毒性气体泄漏监控预警措施", {{"yes", "具备", 0}, {"no", "不具备", 25}}},
           {"distance", "符合防护距离要求", {{"yes", "符合", 0}, {"no", "不符合", 25}}}};
  t.water = {{"interception", "截流措施", {{"yes", "符合", 0}, {"no", "不符合", 8}}}};
  return t;
}

}  // namespace

TEST(EnvRiskGrading, EveryCellOfTheMatrix) {
  int cells = 0;
  for (int e = 1; e <= 3; ++e)
    for (int q = 1; q <= 3; ++q)
      for (int m = 1; m <= 4; ++m) {
        EXPECT_EQ(level_zh(matrix_level(e, q, m)), kPrinted[(e - 1) * 3 + (q - 1)][m - 1])
            << "E" << e << "-Q" << q << " M" << m;
        ++cells;
      }
  EXPECT_EQ(cells, 36);
  EXPECT_THROW(matrix_level(0, 1, 1), std::out_of_range);
  EXPECT_THROW(matrix_level(1, 1, 5), std::out_of_range);
}

TEST(EnvRiskGrading, QBandEdges) {
  EXPECT_EQ(q_band(0), 0);
  EXPECT_EQ(q_band(0.999), 0);
  EXPECT_EQ(q_band(1), 1);
  EXPECT_EQ(q_band(9.99), 1);
  EXPECT_EQ(q_band(10), 2);
  EXPECT_EQ(q_band(99.99), 2);
  EXPECT_EQ(q_band(100), 3);
  EXPECT_EQ(q_band(1e6), 3);
}

TEST(EnvRiskGrading, MBandEdges) {
  EXPECT_EQ(m_band(0), 1);
  EXPECT_EQ(m_band(24), 1);
  EXPECT_EQ(m_band(25), 2);
  EXPECT_EQ(m_band(44), 2);
  EXPECT_EQ(m_band(45), 3);
  EXPECT_EQ(m_band(59), 3);
  EXPECT_EQ(m_band(60), 4);
  EXPECT_EQ(m_band(100), 4);
}

TEST(EnvRiskGrading, Q0MediumIsGeneralWhateverMAndE) {
  const auto grade = grade_medium(Medium::water, 0.999, 100, 1);
  EXPECT_EQ(grade.level, Level::general);
  EXPECT_EQ(medium_label(grade), "一般-水(Q0)");
}

TEST(EnvRiskGrading, LabelWithTwoMediaAsRiskMethodsWritesIt) {
  const auto air = grade_medium(Medium::air, 12.5, 30, 3);  // Q2, M2, E3 → 较大
  const auto water = grade_medium(Medium::water, 0.4, 0, 3);
  EXPECT_EQ(medium_label(air), "较大-大气(Q2-M2-E3)");
  const auto grade = grade_enterprise({air, water}, false);
  EXPECT_EQ(grade.label, "较大[较大-大气(Q2-M2-E3)+一般-水(Q0)]");
  EXPECT_EQ(grade.level, Level::larger);
  EXPECT_FALSE(grade.raised);
}

TEST(EnvRiskGrading, LabelWithOneMedium) {
  const auto water = grade_medium(Medium::water, 15, 20, 2);  // E2-Q2 M1 → 较大
  EXPECT_EQ(grade_enterprise({water}, false).label, "较大[较大-水(Q2-M1-E2)]");
}

TEST(EnvRiskGrading, TheHigherMediumMakesTheEnterpriseLevel) {
  const auto air = grade_medium(Medium::air, 5, 10, 3);        // E3-Q1 M1 → 一般
  const auto water = grade_medium(Medium::water, 150, 50, 1);  // E1-Q3 M3 → 重大
  EXPECT_EQ(grade_enterprise({air, water}, false).label, "重大[一般-大气(Q1-M1-E3)+重大-水(Q3-M3-E1)]");
}

TEST(EnvRiskGrading, PenaltyRaisesOneLevelAndMajorStaysMajor) {
  const auto general = grade_medium(Medium::air, 0.5, 0, 3);
  auto g = grade_enterprise({general}, true);
  EXPECT_EQ(g.level, Level::larger);
  EXPECT_TRUE(g.raised);
  EXPECT_EQ(g.label, "较大[一般-大气(Q0)]");
  const auto larger = grade_medium(Medium::air, 12.5, 30, 3);
  EXPECT_EQ(grade_enterprise({larger}, true).level, Level::major);
  const auto major = grade_medium(Medium::air, 150, 70, 1);
  g = grade_enterprise({major}, true);
  EXPECT_EQ(g.level, Level::major);
  EXPECT_FALSE(g.raised);
  EXPECT_EQ(g.label, "重大[重大-大气(Q3-M4-E1)]");
}

TEST(EnvRiskIndicators, QSumsPureQuantitiesOverCriticalOnes) {
  const std::vector<SubstanceLine> lines{
      {"氨气", "7664-41-7", 5, 1, 5, true, true},                    // 1
      {"氨水（浓度≥20%）", "1336-21-6", 20, 0.25, 10, false, true},  // 5 t pure → 0.5
      {"甲烷", "74-82-8", 1, 1, 10, true, false},                    // 0.1
  };
  const auto air = sum_q(lines, true);
  ASSERT_EQ(air.terms.size(), 2u);
  EXPECT_DOUBLE_EQ(air.q, 1.1);
  EXPECT_EQ(air.terms[1].name, "甲烷");
  const auto water = sum_q(lines, false);
  ASSERT_EQ(water.terms.size(), 2u);
  EXPECT_DOUBLE_EQ(water.terms[1].pure_t, 5);
  EXPECT_DOUBLE_EQ(water.q, 1.5);
}

TEST(EnvRiskIndicators, DecimalRatiosThatAddToOneBandAsQ1) {
  // 0.1 + 0.2 + 0.7 in binary floating point is 0.9999999999999999.
  const std::vector<SubstanceLine> lines{
      {"a", "", 1, 1, 10, true, true}, {"b", "", 2, 1, 10, true, true}, {"c", "", 7, 1, 10, true, true}};
  EXPECT_EQ(q_band(sum_q(lines, true).q), 1);
}

TEST(EnvRiskIndicators, DefaultMediaFromPartAndState) {
  EXPECT_TRUE(default_media("1|2", "gas").air);
  EXPECT_TRUE(default_media("1|2", "gas").water);
  EXPECT_FALSE(default_media("8", "liquid").air);
  EXPECT_TRUE(default_media("8", "liquid").water);
  EXPECT_TRUE(default_media("", "gas").air);
  EXPECT_FALSE(default_media("", "gas").water);
  EXPECT_FALSE(default_media("", "solid").air);
  EXPECT_TRUE(default_media("", "").air);
  EXPECT_TRUE(default_media("", "").water);
}

TEST(EnvRiskIndicators, ProcessScoreIsCappedAt30) {
  ASSERT_EQ(listed_processes().size(), 18u);
  EXPECT_EQ(listed_processes()[0], "光气及光气化");
  EXPECT_EQ(listed_processes()[17], "偶氮化");
  EXPECT_EQ(process_score({{{"硝化", 2}}, 1, 0}).score, 25);
  const auto capped = process_score({{{"硝化", 2}, {"氯化", 1}}, 1, 1});
  EXPECT_EQ(capped.uncapped, 40);
  EXPECT_EQ(capped.score, 30);
  EXPECT_EQ(process_score({{}, 6, 0}).score, 30);
  EXPECT_EQ(process_score({{}, 0, 0}).score, 0);
}

TEST(EnvRiskIndicators, ControlScoreCountsAnswersAndTheWorstForUnanswered) {
  const auto table = two_item_table();
  const auto score = control_score(table.air, {{"monitoring", "yes"}});
  ASSERT_EQ(score.answers.size(), 2u);
  EXPECT_EQ(score.answers[0].score, 0);
  EXPECT_EQ(score.answers[1].option, "");
  EXPECT_EQ(score.answers[1].score, 25);
  EXPECT_EQ(score.score, 25);
}

TEST(EnvRiskIndicators, AirEEdges) {
  EXPECT_EQ(air_e({50'001, 0, {}, false}).e, 1);
  EXPECT_EQ(air_e({50'000, 0, {}, false}).e, 2);
  EXPECT_EQ(air_e({10'000, 0, {}, false}).e, 2);
  EXPECT_EQ(air_e({9'999, 0, {}, false}).e, 3);
  EXPECT_EQ(air_e({0, 1'001, {}, false}).e, 1);
  EXPECT_EQ(air_e({0, 1'000, {}, false}).e, 2);
  EXPECT_EQ(air_e({0, 500, {}, false}).e, 2);
  EXPECT_EQ(air_e({0, 499, {}, false}).e, 3);
  EXPECT_EQ(air_e({{}, {}, 201, false}).e, 1);
  EXPECT_EQ(air_e({{}, {}, 200, false}).e, 2);
  EXPECT_EQ(air_e({{}, {}, 100, false}).e, 2);
  EXPECT_EQ(air_e({{}, {}, 99, false}).e, 3);
  EXPECT_EQ(air_e({0, 0, {}, true}).e, 1);
  const auto finding = air_e({60'000, 600, {}, false});
  ASSERT_EQ(finding.because.size(), 1u);
  EXPECT_EQ(finding.because[0], "5 km 范围内人口 60000 人，大于 5 万人");
}

TEST(EnvRiskIndicators, WaterE) {
  EXPECT_EQ(water_e({true, false, false, false, false}).e, 1);
  EXPECT_EQ(water_e({false, true, false, false, false}).e, 1);
  EXPECT_EQ(water_e({false, false, true, false, false}).e, 2);
  EXPECT_EQ(water_e({false, false, false, true, false}).e, 2);
  EXPECT_EQ(water_e({false, false, false, false, true}).e, 2);
  EXPECT_EQ(water_e({}).e, 3);
}

TEST(EnvRiskEvaluation, GivenIndicatorsAsTheIssueExample) {
  EvaluationInput input;
  input.air = GivenIndicators{12.5, 30, 2};  // E2-Q2 M2 → 较大
  input.water = GivenIndicators{0.4, 0, 3};  // Q0 → 一般
  const auto result = evaluate(input, two_item_table());
  ASSERT_EQ(result.media.size(), 2u);
  EXPECT_EQ(result.enterprise.label, "较大[较大-大气(Q2-M2-E2)+一般-水(Q0)]");
  EXPECT_EQ(result.media[0].label, "较大-大气(Q2-M2-E2)");
  ASSERT_FALSE(result.explanation.empty());
  EXPECT_EQ(result.explanation.back().zh, "结果：较大[较大-大气(Q2-M2-E2)+一般-水(Q0)]");
}

TEST(EnvRiskEvaluation, RawInputsExplainWhatMadeEachIndicator) {
  EvaluationInput input;
  input.raw.emplace();
  input.raw->substances = {{"氨气", "7664-41-7", 60, 1, 5, true, true}};  // Q = 12 → Q2 both media
  input.raw->units = {{{"合成氨", 1}}, 0, 0};                             // 10
  input.raw->air_controls = {{"monitoring", "no"}, {"distance", "yes"}};  // 25 → M = 35, M2
  input.raw->water_controls = {{"interception", "yes"}};                  // 0 → M = 10, M1
  input.raw->air_receptors = {12'000, 100, {}, false};                    // E2
  input.raw->water_receptors = {};                                        // E3
  const auto result = evaluate(input, two_item_table());
  ASSERT_EQ(result.media.size(), 2u);
  EXPECT_EQ(result.media[0].label, "较大-大气(Q2-M2-E2)");  // E2-Q2 M2
  EXPECT_EQ(result.media[1].label, "一般-水(Q2-M1-E3)");    // E3-Q2 M1
  EXPECT_EQ(result.enterprise.label, "较大[较大-大气(Q2-M2-E2)+一般-水(Q2-M1-E3)]");
  std::vector<std::string> air;
  for (const auto& step : result.explanation)
    if (step.medium == "air") air.push_back(step.zh);
  ASSERT_EQ(air.size(), 5u);
  EXPECT_EQ(air[0], "大气：Q = 12：氨气 60 t / 5 t = 12，Q2");
  EXPECT_EQ(air[1], "大气：生产工艺 — 合成氨 1 套 × 10 分");
  EXPECT_EQ(air[2],
            "大气：M = 35：生产工艺 10 分；风险防控措施 25 分（毒性气体泄漏监控预警措施：不具备 25 分；"
            "符合防护距离要求：符合 0 分），M2");
  EXPECT_EQ(air[3], "大气：E2：5 km 范围内人口 12000 人，1 万～5 万人");
  EXPECT_EQ(air[4], "大气：E2-Q2-M2 查表为较大");
}

TEST(EnvRiskEvaluation, OneGivenMediumBesideNoRawInputsGradesThatMediumAlone) {
  EvaluationInput input;
  input.water = GivenIndicators{150, 20, 3};  // E3-Q3 M1 → 较大
  const auto result = evaluate(input, two_item_table());
  ASSERT_EQ(result.media.size(), 1u);
  EXPECT_EQ(result.enterprise.label, "较大[较大-水(Q3-M1-E3)]");
}
