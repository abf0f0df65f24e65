// Suggested sum insured (issue 13): reading and checking an insurer's table and picking the band for an
// enterprise. Expected bands are typed from data/sum_insured/example.json's figures, not computed.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "suminsured/sum_insured_rules.hpp"

namespace rw::suminsured {
namespace {

using nlohmann::json;

bool any_code(std::string_view code) {
  return code == "C" || code == "26" || code == "261" || code == "2614";
}

// A complete table: every level × scale with one band, 100 × (level index + 1) … per scale.
json complete_table() {
  json bands = json::array();
  const char* levels[] = {"general", "larger", "major"};
  const char* scales[] = {"micro", "small", "medium", "large"};
  for (int l = 0; l < 3; ++l)
    for (int s = 0; s < 4; ++s)
      bands.push_back({{"level", levels[l]},
                       {"scale", scales[s]},
                       {"min_wan", 100 * (l + 1) + s},
                       {"max_wan", 200 * (l + 1) + s}});
  return {{"name", "测试表"}, {"bands", bands}};
}

std::vector<std::string> codes(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.field + " " + e.code);
  return out;
}

TEST(SumInsuredRules, TheExampleIsLabelledAndPicksItsBands) {
  const auto& table = example_table();
  EXPECT_NE(table.name.find("示例，需保险机构确认"), std::string::npos);
  ASSERT_EQ(table.bands.size(), 15u);
  // 较大 × 中型, any industry: 500–1000 万元.
  const auto band = pick_band(table.bands, "larger", "medium", "3311", "C");
  ASSERT_TRUE(band.has_value());
  EXPECT_EQ(band->min_wan, 500);
  EXPECT_EQ(band->max_wan, 1000);
  EXPECT_EQ(band_text(*band), "500–1000 万元");
  // 重大 × 大型 in 化学原料和化学制品制造业 (大类 26): the industry row 3000–8000 wins over 2000–5000.
  const auto chemical = pick_band(table.bands, "major", "large", "2614", "C");
  ASSERT_TRUE(chemical.has_value());
  EXPECT_EQ(chemical->industry, "26");
  EXPECT_EQ(chemical->max_wan, 8000);
  EXPECT_EQ(pick_band(table.bands, "major", "large", "3311", "C")->max_wan, 5000);
  EXPECT_EQ(pick_band(table.bands, "general", "micro", "", "")->min_wan, 50);
}

TEST(SumInsuredRules, NoBandWithoutALevelOrAScale) {
  const auto& bands = example_table().bands;
  EXPECT_FALSE(pick_band(bands, "unknown", "large", "2614", "C").has_value());
  EXPECT_FALSE(pick_band(bands, "major", "", "2614", "C").has_value());
}

TEST(SumInsuredRules, TheMostSpecificIndustryGroupWins) {
  const std::vector<Band> bands = {{"major", "small", "", 1, 2},
                                   {"major", "small", "C", 3, 4},
                                   {"major", "small", "26", 5, 6},
                                   {"major", "small", "261", 7, 8},
                                   {"major", "small", "2614", 9, 10}};
  EXPECT_EQ(pick_band(bands, "major", "small", "2614", "C")->min_wan, 9);
  EXPECT_EQ(pick_band(bands, "major", "small", "2619", "C")->min_wan, 7);
  EXPECT_EQ(pick_band(bands, "major", "small", "2621", "C")->min_wan, 5);
  EXPECT_EQ(pick_band(bands, "major", "small", "3311", "C")->min_wan, 3);
  EXPECT_EQ(pick_band(bands, "major", "small", "4411", "D")->min_wan, 1);
}

TEST(SumInsuredRules, ACompleteTableReads) {
  const auto read = read_table(complete_table(), any_code);
  EXPECT_TRUE(read.errors.empty()) << ::testing::PrintToString(codes(read.errors));
  ASSERT_EQ(read.table.bands.size(), 12u);
  EXPECT_EQ(read.table.bands[5].level, "larger");
  EXPECT_EQ(read.table.bands[5].scale, "small");
  EXPECT_EQ(read.table.bands[5].min_wan, 201);
}

TEST(SumInsuredRules, EveryBrokenRuleIsNamed) {
  auto body = complete_table();
  body["bands"][0]["max_wan"] = 10;           // below its min 100
  body["bands"][1]["level"] = "unknown";      // not a level a band has
  body["bands"][2]["industry"] = "Z9";        // not a GB/T 4754 code
  body["bands"][3]["min_wan"] = "100";        // wrong type
  body["bands"].push_back(body["bands"][4]);  // the same level, scale and industry twice
  body["bands"].push_back(5);                 // not an object
  const auto read = read_table(body, any_code);
  const auto found = codes(read.errors);
  const std::vector<std::string> expected = {
      "bands[0].max_wan band_reversed", "bands[1].level invalid_choice", "bands[2].industry unknown_industry",
      "bands[3].min_wan wrong_type",    "bands[12] duplicate_band",      "bands[13] wrong_type"};
  EXPECT_EQ(found, expected);
}

TEST(SumInsuredRules, EveryLevelAndScaleNeedsABandForAnyIndustry) {
  auto body = complete_table();
  body["bands"][11]["industry"] = "26";  // 重大 × 大型 only for 大类 26 now
  const auto read = read_table(body, any_code);
  ASSERT_EQ(read.errors.size(), 1u);
  EXPECT_EQ(read.errors[0].code, "band_missing");
  EXPECT_EQ(read.errors[0].message, "缺少重大风险、大型企业（不限行业）的保额区间");
}

TEST(SumInsuredRules, NameAndBandsAreRequiredAndBounded) {
  EXPECT_EQ(codes(read_table(json::object(), any_code).errors),
            (std::vector<std::string>{"name required", "bands required"}));
  auto empty = complete_table();
  empty["bands"] = json::array();
  EXPECT_EQ(codes(read_table(empty, any_code).errors), (std::vector<std::string>{"bands wrong_size"}));
  auto huge = complete_table();
  huge["bands"] = json::array();
  for (int i = 0; i < 401; ++i) huge["bands"].push_back(complete_table()["bands"][0]);
  EXPECT_EQ(codes(read_table(huge, any_code).errors), (std::vector<std::string>{"bands wrong_size"}));
  auto too_big = complete_table();
  too_big["bands"][0]["max_wan"] = 10'000'001;
  EXPECT_EQ(codes(read_table(too_big, any_code).errors),
            (std::vector<std::string>{"bands[0].max_wan out_of_range"}));
}

}  // namespace
}  // namespace rw::suminsured
