// The pure rules of hazards: Table 9's 17 columns, the classes of the seeds, the re-check rule (wuxi 第十五条
// （五）), and the deadline and escalation arithmetic over the shipped 2026 calendar (chengdu 6.3.2.3). The
// expected dates are worked out by hand from the State Council's 2026 notice (端午节: 6 月 19 日至 21
// 日放假).
#include <gtest/gtest.h>

#include "calendar/arrangement.hpp"
#include "calendar/calendar_store.hpp"
#include "hazards/hazard_rules.hpp"
#include "hazards/hazard_vocabularies.hpp"
#include "platform/dates.hpp"

using namespace rw::hazards;

namespace {

Date d(const char* text) { return *rw::parse_date(text); }

WorkingCalendar calendar_2026() {
  std::map<int, rw::calendar::YearArrangement> years;
  years[2026] = rw::calendar::arrangement_of(rw::calendar::shipped_years().at(2026));
  return WorkingCalendar(std::move(years));
}

}  // namespace

TEST(HazardRules, EveryColumnOfChengduTable9HasItsField) {
  const auto& columns = ledger_columns();
  ASSERT_EQ(columns.size(), 17u);
  for (std::size_t i = 0; i < columns.size(); ++i) EXPECT_EQ(columns[i].number, static_cast<int>(i) + 1);
  EXPECT_STREQ(columns[1].zh, "排查时间");
  EXPECT_STREQ(columns[7].field, "grade");
  EXPECT_STREQ(columns[9].zh, "治理时限");
  EXPECT_STREQ(columns[15].field, "acceptance.accepted_by");
  EXPECT_STREQ(columns[16].zh, "备注");
  int derived = 0;
  for (const auto& c : columns) derived += c.derived;
  EXPECT_EQ(derived, 1);  // 序号
}

TEST(HazardRules, TheClassesOfWuxiGuilinAndChengdu) {
  int guilin_subs = 0, wuxi = 0, safety = 0;
  for (const auto& c : hazard_categories()) {
    if (c.source.starts_with("guilin")) guilin_subs += static_cast<int>(c.subs.size());
    if (c.source.starts_with("wuxi")) ++wuxi;
    if (c.domain == "safety") ++safety;
  }
  EXPECT_EQ(guilin_subs, 40);  // G.1: 10 + 7 + 8 + 4 + 3 + 5 + 3
  EXPECT_EQ(wuxi, 3);  // 环境应急管理类, 环境应急防控措施类, 危险废物与污染防治设施类
  EXPECT_EQ(safety, 4);  // 人, 物, 环境, 管理
  const auto whole = category_named("环境应急管理类");
  ASSERT_TRUE(whole);
  EXPECT_EQ(whole->first->label.value, "env.emergency_management");
  EXPECT_EQ(whole->second, "");
  const auto sub = category_named("雨污混接");
  ASSERT_TRUE(sub);
  EXPECT_EQ(sub->first->label.value, "env.g1.facility_operation");
  EXPECT_EQ(sub->second, "env.g1.facility_operation.c");
  EXPECT_FALSE(category_named("危废·贮存"));
  EXPECT_EQ(category_named("其他")->first->label.value, "env.g1.other");
  EXPECT_EQ(domain_of_template("chengdu-hazard-screening-record"), "safety");
  EXPECT_EQ(domain_of_template("wuxi-emergency"), "environment");
}

TEST(HazardRules, ARecheckListsEveryOpenEarlierHazardOnlyAfterAMajorOne) {
  EXPECT_EQ(hazards_to_recheck({{1, "general", "rectifying"}, {2, "general", "notified"}}),
            std::vector<std::int64_t>{});
  EXPECT_EQ(hazards_to_recheck({{1, "general", "rectifying"},
                                {2, "major", "verified_closed"},
                                {3, "general", "found"},
                                {4, "general", "verified_closed"}}),
            (std::vector<std::int64_t>{1, 3}));
  EXPECT_EQ(hazards_to_recheck({}), std::vector<std::int64_t>{});
}

TEST(HazardRules, ARecheckIsWrittenIntoTheHistoryWithItsVisitResultAndNote) {
  EXPECT_EQ(recheck_history(12, "rectified", ""), "第 12 次服务复查：已整改到位");
  EXPECT_EQ(recheck_history(7, "not_rectified", "围堰仍未修复"), "第 7 次服务复查：未整改到位，围堰仍未修复");
}

TEST(HazardRules, DeadlinesCountWorkingDaysAcrossTheDragonBoatHoliday) {
  const auto cal = calendar_2026();
  // Told on Monday 6-15 with 5 working days: 16, 17, 18, (19 off), 22, 23.
  EXPECT_EQ(rw::format_date(rectification_due(cal, d("2026-06-15"), 5)), "2026-06-23");
  // Due Thursday 6-18: overdue on the holiday, with no working day past yet.
  const auto on_holiday = overdue_on(cal, d("2026-06-18"), d("2026-06-19"));
  EXPECT_TRUE(on_holiday.overdue);
  EXPECT_EQ(on_holiday.working_days, 0);
  EXPECT_EQ(escalation_rule("major", on_holiday), "major_overdue");
  EXPECT_EQ(escalation_rule("general", on_holiday), std::nullopt);
  EXPECT_FALSE(overdue_on(cal, d("2026-06-18"), d("2026-06-18")).overdue);
  EXPECT_EQ(escalation_rule("major", overdue_on(cal, d("2026-06-18"), d("2026-06-18"))), std::nullopt);
  // Due Monday 6-8: 9–12 (4), 15–18 (8), 19 off, 22 (9), 23 (10), 24 (11): a 一般 hazard goes up on 6-24.
  EXPECT_EQ(overdue_on(cal, d("2026-06-08"), d("2026-06-23")).working_days, 10);
  EXPECT_EQ(escalation_rule("general", overdue_on(cal, d("2026-06-08"), d("2026-06-23"))), std::nullopt);
  EXPECT_EQ(escalation_rule("general", overdue_on(cal, d("2026-06-08"), d("2026-06-24"))), "long_overdue");
}
