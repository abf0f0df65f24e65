// The pure rules of the services capability: visit limits, and due dates over a
// hand-made calendar (the real calendars are tested in working_calendar_test.cpp).
#include <gtest/gtest.h>

#include "services/deadline_rules.hpp"
#include "services/visit_rules.hpp"

using namespace rw::services;
using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

namespace {

Date d(int y, unsigned m, unsigned dd) { return Date{year(y), month(m), day(dd)}; }

// National Day 2026 as the notice has it: 10-01…10-07 off, Sunday 09-20 and Saturday 10-10 worked.
WorkingCalendar national_day_2026() {
  rw::calendar::YearArrangement y;
  y.year = 2026;
  for (unsigned i = 1; i <= 7; ++i) y.holidays.insert(std::chrono::sys_days(d(2026, 10, i)));
  y.working_weekends = {std::chrono::sys_days(d(2026, 9, 20)), std::chrono::sys_days(d(2026, 10, 10))};
  return WorkingCalendar({{2026, y}});
}

}  // namespace

TEST(VisitRules, DurationIsOneDayOrTwoForLargeEnterprisesAndSpecialRequests) {
  EXPECT_EQ(max_duration_days("small", false), 1);
  EXPECT_EQ(max_duration_days("", false), 1);
  EXPECT_EQ(max_duration_days("large", false), 2);
  EXPECT_EQ(max_duration_days("medium", true), 2);
  const rw::registry::TeamMember expert{"陈", "expert", "senior", "good", false};
  const rw::registry::TeamMember technician{"刘", "technician", "intermediate", "", false};
  VisitPlan plan{"general", "small", false, 2, {}};
  auto v = visit_violations(plan, {expert, technician});
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].field, "duration_days");
  EXPECT_EQ(v[0].rule.code, "duration_too_long");
  plan.duration_days = 1;
  EXPECT_TRUE(visit_violations(plan, {expert, technician}).empty());
}

TEST(VisitRules, TheStrictestOnSiteServiceTypeRaisesTheStaffingRule) {
  const rw::registry::TeamMember technician{"刘", "technician", "intermediate", "", false};
  const rw::registry::TeamMember other{"孙", "technician", "intermediate", "", false};
  ServiceRules needs_expert;
  needs_expert.expert_always = true;
  ServiceRules off_site = needs_expert;
  off_site.on_site = false;
  off_site.min_people = 4;
  VisitPlan plan{"general", "small", false, 1, {off_site}};
  EXPECT_TRUE(visit_violations(plan, {technician, other}).empty());  // off-site types do not count
  plan.service_types.push_back(needs_expert);
  auto v = visit_violations(plan, {technician, other});
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].rule.code, "expert_required");
}

namespace {

// Service types as data/catalog/service-catalog.json has them.
ServiceRules catalog_type(const char* source, int min_people, int min_people_large,
                          bool annual_survey = false) {
  ServiceRules t;
  t.source = source;
  t.min_people = min_people;
  t.min_people_large = min_people_large;
  t.annual_survey = annual_survey;
  t.upload_working_days = std::string(source) == "chengdu" ? 7 : 5;
  return t;
}

}  // namespace

TEST(VisitRules, TheCatalogTeamSizesApplyAsTheyAre) {
  const rw::registry::TeamMember engineer{"王", "safety_engineer", "none", "", false, "intermediate"};
  const rw::registry::TeamMember technician{"刘", "technician", "intermediate", "", false};
  const rw::registry::TeamMember expert{"周", "expert", "intermediate", "", false};
  // chengdu 6.2.2.1 / 6.3.2.2 (2 / 2): two registered engineers at a large enterprise are enough.
  VisitPlan chengdu{"major", "large", false, 1, {catalog_type("chengdu", 2, 2)}};
  EXPECT_EQ(staffing_case(chengdu).min_people_large, 2);
  EXPECT_TRUE(staffing_case(chengdu).all_safety_qualified);
  EXPECT_TRUE(visit_violations(chengdu, {engineer, engineer}).empty());
  // xuzhou and guilin (2 / 2): two at a large enterprise.
  for (const char* source : {"xuzhou", "guilin"}) {
    VisitPlan plan{"general", "large", false, 1, {catalog_type(source, 2, 2)}};
    EXPECT_TRUE(visit_violations(plan, {technician, expert}).empty()) << source;
  }
  // wuxi §15(三) (2 / 3): three, one of them an expert of intermediate title or above.
  VisitPlan wuxi{"general", "large", false, 1, {catalog_type("wuxi", 2, 3)}};
  auto v = visit_violations(wuxi, {technician, expert});
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].rule.code, "too_few_people");
  EXPECT_TRUE(visit_violations(wuxi, {technician, expert, technician}).empty());
  // Without an on-site type the wuxi rule holds.
  VisitPlan no_types{"general", "large", false, 1, {}};
  EXPECT_EQ(staffing_case(no_types).min_people_large, 3);
  EXPECT_TRUE(staffing_case(no_types).wuxi_large_rule);
}

TEST(DeadlineRules, UploadIsAgreedForLargeDeepAssessmentsAndSpecialRequests) {
  // wuxi att.1 一(一)7: 除大型企业深度评估以及企业提出的特殊需求外……5个工作日内.
  const auto assessment = catalog_type("wuxi", 2, 3, true);
  auto training = catalog_type("wuxi", 2, 3);
  EXPECT_EQ(upload_due(assessment, "small", false), UploadDue::after_visit);
  EXPECT_EQ(upload_due(assessment, "large", false), UploadDue::agreed);
  EXPECT_EQ(upload_due(assessment, "medium", true), UploadDue::agreed);
  EXPECT_EQ(upload_due(training, "large", false), UploadDue::after_visit);  // not a deep assessment
  EXPECT_EQ(upload_due(training, "small", true), UploadDue::agreed);
  // chengdu 5.3.3: 7 working days, no exception.
  EXPECT_EQ(upload_due(catalog_type("chengdu", 2, 2, true), "large", false), UploadDue::after_visit);
  // No number in the seed, or counted from the filing receipt (wuxi att.1 四 一、).
  training.upload_working_days.reset();
  EXPECT_EQ(upload_due(training, "large", true), UploadDue::none);
  auto plan = catalog_type("wuxi", 2, 3);
  plan.upload_from = "filing_receipt";
  EXPECT_EQ(upload_due(plan, "small", false), UploadDue::none);
}

TEST(DeadlineRules, SixtyCalendarDaysThenTheNextWorkingDay) {
  const auto calendar = national_day_2026();
  // 2026-06-01 + 60 = 2026-07-31, a Friday.
  EXPECT_EQ(commission_on_site_due(calendar, d(2026, 6, 1)), d(2026, 7, 31));
  // 2026-08-05 + 60 = 2026-10-04, a Sunday in the holiday: Thursday 10-08.
  EXPECT_EQ(commission_on_site_due(calendar, d(2026, 8, 5)), d(2026, 10, 8));
  // 2026-08-11 + 60 = 2026-10-10, the adjusted working Saturday: it stands.
  EXPECT_EQ(commission_on_site_due(calendar, d(2026, 8, 11)), d(2026, 10, 10));
}

TEST(DeadlineRules, WorkingDaysLeftCountsAheadAndBehind) {
  const auto calendar = national_day_2026();
  EXPECT_EQ(working_days_left(calendar, d(2026, 9, 30), d(2026, 10, 13)), 5);  // 10-08, 09, 10, 12, 13
  EXPECT_EQ(working_days_left(calendar, d(2026, 10, 13), d(2026, 10, 13)), 0);
  EXPECT_EQ(working_days_left(calendar, d(2026, 10, 14), d(2026, 10, 13)), -1);
  EXPECT_EQ(working_days_left(calendar, d(2026, 10, 8), d(2026, 9, 30)), -1);  // only 10-08 worked since
}
