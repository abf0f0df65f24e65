// Who issues which notice, which notices list problems, and how dates and file names are written.
#include <gtest/gtest.h>

#include "notices/notice_rules.hpp"

using namespace rw::notices;

TEST(NoticeRules, EachKindIsIssuedByTheSeedsIssuers) {
  // yueqing att.2/att.3: the 生态环境局 (regulator), and the agency that found the hazards.
  for (const char* kind : {"warning", "reminder"}) {
    EXPECT_TRUE(may_issue("agency", kind));
    EXPECT_TRUE(may_issue("regulator", kind));
    EXPECT_FALSE(may_issue("park", kind));
  }
  // guilin J.1: the park after the hosting service's inspection; B.1: the park only.
  EXPECT_TRUE(may_issue("park", "rectification"));
  EXPECT_TRUE(may_issue("agency", "rectification"));
  EXPECT_FALSE(may_issue("regulator", "rectification"));
  EXPECT_TRUE(may_issue("park", "inspection"));
  EXPECT_FALSE(may_issue("agency", "inspection"));
  for (const char* party : {"platform", "insurer", "enterprise"})
    for (const char* kind : {"warning", "reminder", "rectification", "inspection"})
      EXPECT_FALSE(may_issue(party, kind)) << party << " " << kind;
  EXPECT_FALSE(may_issue("agency", "no-such-kind"));
}

TEST(NoticeRules, OnlyWarningsAndRectificationNoticesListProblems) {
  EXPECT_TRUE(lists_problems("warning"));
  EXPECT_TRUE(lists_problems("rectification"));
  EXPECT_FALSE(lists_problems("reminder"));
  EXPECT_FALSE(lists_problems("inspection"));
}

TEST(NoticeRules, DatesAreWrittenAsTheSeedsDateANotice) {
  EXPECT_EQ(chinese_date("2026-06-01"), "2026年6月1日");
  EXPECT_EQ(chinese_date("2023-12-25"), "2023年12月25日");
  EXPECT_EQ(chinese_date(""), "");
}

TEST(NoticeRules, DocumentNamesKeepChineseAndLoseWhatFileSystemsRefuse) {
  EXPECT_EQ(
      document_name("环境隐患（问题）整改预警提示单", "锡环科预警〔2026〕0001号", "无锡市恒达化工有限公司"),
      "环境隐患（问题）整改预警提示单_锡环科预警〔2026〕0001号_无锡市恒达化工有限公司");
  EXPECT_EQ(document_name("通知", "A/B:1", "x\ny*\"<>|?\\"), "通知_A_B_1_x_y_______");
}
