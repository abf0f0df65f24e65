// The staffing rule, case by case with the expected answers read from the seeds: wuxi §15(三) and att.1
// 现场服务人员要求, chengdu 5.2.4, 6.2.2.1 and 6.3.2.2, and the catalog's team sizes for xuzhou and guilin
// (no team rule of their own). Every unmet rule is reported.
#include <gtest/gtest.h>

#include <algorithm>

#include "registry/staffing_rule.hpp"

using rw::registry::staffing_warnings;
using rw::registry::StaffingCase;
using rw::registry::TeamMember;
using rw::registry::unmet_staffing_rules;

namespace {

const TeamMember kSeniorExpert{"陈", "expert", "senior", "good", false};
const TeamMember kMidExpert{"周", "expert", "intermediate", "", false};
const TeamMember kJuniorExpert{"冯", "expert", "junior", "", false};
const TeamMember kTechnician{"刘", "technician", "intermediate", "", false};
const TeamMember kJuniorTechnician{"何", "technician", "junior", "", false};
const TeamMember kExcludedExpert{"马", "expert", "full_senior", "", true};
const TeamMember kUnqualifiedExpert{"吴", "expert", "full_senior", "unqualified", false};
const TeamMember kSafetyEngineer{"郑", "safety_engineer", "intermediate", "", false};
// 注册安全工程师 of intermediate registration and no academic title (chengdu 5.2.4 a).
const TeamMember kRegisteredEngineer{"王", "safety_engineer", "none", "", false, "intermediate"};
const TeamMember kJuniorRegisteredEngineer{"赵", "safety_engineer", "none", "", false, "junior"};

// A wuxi visit: 2 people, 3 at a large enterprise or on a special request (§15(三)).
StaffingCase wuxi(const char* risk, const char* scale, bool special = false) {
  StaffingCase c{risk, scale, special};
  c.min_people_large = 3;
  c.wuxi_large_rule = true;
  return c;
}

// A chengdu visit: 不少于 2 名 (6.2.2.1, 6.3.2.2), for large enterprises too (data/catalog: 2 / 2).
StaffingCase chengdu(const char* risk, const char* scale) {
  StaffingCase c{risk, scale};
  c.all_safety_qualified = true;
  c.expert_rule = false;
  return c;
}

std::vector<std::string> codes(const StaffingCase& c, const std::vector<TeamMember>& team) {
  std::vector<std::string> out;
  for (const auto& rule : unmet_staffing_rules(c, team)) out.push_back(rule.code);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> warning_codes(const StaffingCase& c) {
  std::vector<std::string> out;
  for (const auto& w : staffing_warnings(c)) out.push_back(w.code);
  return out;
}

using Codes = std::vector<std::string>;

}  // namespace

TEST(StaffingRule, GeneralRiskNeedsTwoPeopleOneExpertOrTechnician) {
  // wuxi att.1 1.: 至少有2名服务人员同时入场……一般环境风险企业服务人员至少1名为技术人员或专家.
  const auto small_general = wuxi("general", "small");
  EXPECT_EQ(codes(small_general, {kMidExpert, kJuniorTechnician}), Codes{});
  EXPECT_EQ(codes(small_general, {kTechnician, kJuniorTechnician}), Codes{});
  EXPECT_EQ(codes(small_general, {kTechnician}), Codes{"too_few_people"});
  EXPECT_EQ(codes(small_general, {}), (Codes{"expert_or_technician_required", "too_few_people"}));
}

TEST(StaffingRule, JuniorTitleIsNotATechnicianInTheGuideSense) {
  // 技术人员: 具有环境或相关专业中级及以上职称 (wuxi 第六条).
  EXPECT_EQ(codes(wuxi("general", "small"), {kJuniorTechnician, kJuniorTechnician}),
            Codes{"expert_or_technician_required"});
}

TEST(StaffingRule, SafetyEngineerWithIntermediateTitleCountsAsTechnician) {
  EXPECT_EQ(codes(wuxi("general", "medium"), {kSafetyEngineer, kJuniorTechnician}), Codes{});
}

TEST(StaffingRule, LargerAndMajorRiskNeedAnExpert) {
  // wuxi att.1 1.: 较大及以上环境风险企业服务人员至少1名为专家.
  for (const char* risk : {"larger", "major"}) {
    EXPECT_EQ(codes(wuxi(risk, "medium"), {kTechnician, kJuniorTechnician}), Codes{"expert_required"})
        << risk;
    EXPECT_EQ(codes(wuxi(risk, "medium"), {kMidExpert, kJuniorTechnician}), Codes{}) << risk;
  }
}

TEST(StaffingRule, UnknownRiskOrScaleIsTreatedConservatively) {
  // Not assessed may be larger risk, not recorded may be large: an expert goes.
  EXPECT_EQ(codes(wuxi("unknown", "medium"), {kTechnician, kJuniorTechnician}), Codes{"expert_required"});
  EXPECT_EQ(codes(wuxi("general", ""), {kTechnician, kJuniorTechnician}), Codes{"expert_required"});
  EXPECT_EQ(codes(wuxi("unknown", ""), {kMidExpert, kTechnician}), Codes{});
  EXPECT_EQ(warning_codes(wuxi("general", "")), Codes{"scale_unknown"});
  EXPECT_EQ(warning_codes(wuxi("unknown", "small")), Codes{"risk_level_unknown"});
  EXPECT_EQ(warning_codes(wuxi("general", "small")), Codes{});
  EXPECT_FALSE(staffing_warnings(wuxi("general", "")).front().message.empty());
}

TEST(StaffingRule, LargeEnterpriseNeedsThreeWithAnExpertOfIntermediateTitleOrAbove) {
  // wuxi §15(三): 大型企业……配置专家在内不少于3人，其中中高级及以上职称专家不少于1人 — 中级 counts.
  const auto large = wuxi("general", "large");
  EXPECT_EQ(codes(large, {kSeniorExpert, kTechnician, kJuniorTechnician}), Codes{});
  EXPECT_EQ(codes(large, {kMidExpert, kTechnician, kJuniorTechnician}), Codes{});
  EXPECT_EQ(codes(large, {kSeniorExpert, kTechnician}), Codes{"too_few_people"});
  EXPECT_EQ(codes(large, {kJuniorExpert, kTechnician, kJuniorTechnician}), Codes{"titled_expert_required"});
  // A senior technician is not an expert.
  const TeamMember senior_technician{"钱", "technician", "full_senior", "", false};
  EXPECT_EQ(codes(large, {senior_technician, kTechnician}),
            (Codes{"titled_expert_required", "too_few_people"}));
}

TEST(StaffingRule, SpecialRequestIsLikeALargeEnterprise) {
  // wuxi §15(三): 大型企业及个别企业提出的特殊需求 share the rule.
  EXPECT_EQ(codes(wuxi("general", "small", true), {kMidExpert, kTechnician}), Codes{"too_few_people"});
  EXPECT_EQ(codes(wuxi("general", "small", true), {kJuniorExpert, kTechnician, kTechnician}),
            Codes{"titled_expert_required"});
}

TEST(StaffingRule, ExcludedAndUnqualifiedStaffNeverCount) {
  const auto major_large = wuxi("major", "large");
  EXPECT_EQ(codes(major_large, {kExcludedExpert, kUnqualifiedExpert, kTechnician}),
            (Codes{"excluded_member", "expert_required", "titled_expert_required", "too_few_people"}));
  const auto unmet = unmet_staffing_rules(major_large, {kExcludedExpert, kUnqualifiedExpert, kTechnician});
  const auto excluded =
      std::find_if(unmet.begin(), unmet.end(), [](const auto& r) { return r.code == "excluded_member"; });
  ASSERT_NE(excluded, unmet.end());
  EXPECT_NE(excluded->message.find("马、吴"), std::string::npos) << excluded->message;
  EXPECT_FALSE(excluded->message_en.empty());
}

TEST(StaffingRule, ServiceTypeMayDemandAnExpertAndMorePeople) {
  StaffingCase training = wuxi("general", "small");
  training.expert_always = true;
  training.min_people = 3;
  EXPECT_EQ(codes(training, {kTechnician, kJuniorTechnician}), (Codes{"expert_required", "too_few_people"}));
  EXPECT_EQ(codes(training, {kMidExpert, kTechnician, kJuniorTechnician}), Codes{});
}

TEST(StaffingRule, ChengduLargeEnterpriseNeedsTwoAsTheCatalogSays) {
  // chengdu 6.2.2.1 / 6.3.2.2: 不少于 2 名安全生产专业技术人员; no larger team for large enterprises.
  EXPECT_EQ(codes(chengdu("major", "large"), {kRegisteredEngineer, kSafetyEngineer}), Codes{});
  EXPECT_EQ(codes(chengdu("general", "large"), {kRegisteredEngineer}), Codes{"too_few_people"});
}

TEST(StaffingRule, ChengduRegisteredSafetyEngineerQualifiesWithoutAnAcademicTitle) {
  // chengdu 5.2.4 a) 获得中级及以上注册安全工程师资质; b) 其他工程技术类中级及以上职称.
  EXPECT_EQ(codes(chengdu("general", "medium"), {kRegisteredEngineer, kTechnician}), Codes{});
  EXPECT_EQ(codes(chengdu("general", "medium"), {kRegisteredEngineer, kMidExpert}), Codes{});
}

TEST(StaffingRule, ChengduNeedsEveryMemberQualified) {
  // Everyone who goes in is a 安全生产专业技术人员 of 5.2.4, not just one of them.
  const auto unmet = unmet_staffing_rules(
      chengdu("general", "medium"),
      {kRegisteredEngineer, kJuniorTechnician, kJuniorRegisteredEngineer, kExcludedExpert});
  std::vector<std::string> got;
  for (const auto& r : unmet) got.push_back(r.code);
  EXPECT_EQ(got, (Codes{"excluded_member", "safety_qualification_required"}));
  EXPECT_NE(unmet[1].message.find("何、赵"), std::string::npos) << unmet[1].message;
  // Neither the environmental risk level nor the enterprise's scale changes chengdu's rule.
  EXPECT_EQ(codes(chengdu("unknown", ""), {kRegisteredEngineer, kTechnician}), Codes{});
  EXPECT_EQ(warning_codes(chengdu("unknown", "")), Codes{});
}

TEST(StaffingRule, XuzhouAndGuilinTakeTheCatalogSizesAndTheFloor) {
  // xuzhou and guilin set no team rule: 2 people at any enterprise (data/catalog), one expert or technician.
  const StaffingCase park{"general", "large"};
  EXPECT_EQ(codes(park, {kTechnician, kJuniorTechnician}), Codes{});
  EXPECT_EQ(codes(park, {kJuniorTechnician, kJuniorTechnician}), Codes{"expert_or_technician_required"});
}
