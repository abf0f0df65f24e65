// The shipped GB/T 4754-2017 table (with amendment No.1 of 2019) is complete and well formed.
#include <gtest/gtest.h>

#include <map>

#include "registry/industries.hpp"

using rw::registry::IndustryTable;

TEST(Industries, HasTheStandardsCountsPerLevel) {
  std::map<int, int> per_level;
  for (const auto& i : IndustryTable::shipped().all()) ++per_level[i.level];
  EXPECT_EQ(per_level[1], 20);    // 门类 A–T
  EXPECT_EQ(per_level[2], 97);    // 大类
  EXPECT_EQ(per_level[3], 473);   // 中类
  EXPECT_EQ(per_level[4], 1381);  // 小类: 1380 + 7215 from the 2019 amendment
}

TEST(Industries, EveryClassHangsUnderItsParent) {
  const auto& table = IndustryTable::shipped();
  for (const auto& i : table.all()) {
    if (i.level == 1) continue;
    const auto* parent = table.find(i.parent);
    ASSERT_NE(parent, nullptr) << i.code;
    EXPECT_EQ(parent->level, i.level - 1) << i.code;
    if (i.level > 2) EXPECT_EQ(i.code.substr(0, parent->code.size()), parent->code) << i.code;
  }
}

TEST(Industries, FindsKnownClasses) {
  const auto& table = IndustryTable::shipped();
  ASSERT_NE(table.find("2614"), nullptr);
  EXPECT_EQ(table.find("2614")->name, "有机化学原料制造");
  EXPECT_EQ(table.find("C")->name, "制造业");
  EXPECT_EQ(table.find("9999"), nullptr);
  EXPECT_EQ(table.section_of("2614"), "C");
  EXPECT_EQ(table.section_of("4620"), "D");
  const auto divisions = table.divisions_of("C");
  EXPECT_EQ(divisions.front(), "13");
  EXPECT_EQ(divisions.back(), "43");
  EXPECT_EQ(divisions.size(), 31u);
}

TEST(Industries, ReadsHowPeopleWriteAnIndustry) {
  const auto& table = IndustryTable::shipped();
  EXPECT_EQ(rw::registry::industry_code_of(table, "2614"), "2614");
  EXPECT_EQ(rw::registry::industry_code_of(table, "2614 有机化学原料制造"), "2614");
  EXPECT_EQ(rw::registry::industry_code_of(table, "有机化学原料制造"), "2614");
  // A group with a single class shares its name; the class is meant.
  EXPECT_EQ(rw::registry::industry_code_of(table, "国际组织"), "9700");
  EXPECT_EQ(rw::registry::industry_code_of(table, "不存在的行业"), std::nullopt);
}
