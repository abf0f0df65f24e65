// The staffing rule of wuxi §15(三) and att.1, case by case; every unmet rule is reported.
#include <gtest/gtest.h>

#include <algorithm>

#include "registry/staffing_rule.hpp"

using rw::registry::StaffingCase;
using rw::registry::TeamMember;
using rw::registry::unmet_staffing_rules;

namespace {

const TeamMember kSeniorExpert{"陈", "expert", "senior", "good", false};
const TeamMember kMidExpert{"周", "expert", "intermediate", "", false};
const TeamMember kTechnician{"刘", "technician", "intermediate", "", false};
const TeamMember kJuniorTechnician{"何", "technician", "junior", "", false};
const TeamMember kExcludedExpert{"马", "expert", "full_senior", "", true};
const TeamMember kUnqualifiedExpert{"吴", "expert", "full_senior", "unqualified", false};
const TeamMember kSafetyEngineer{"郑", "safety_engineer", "intermediate", "", false};

std::vector<std::string> codes(const StaffingCase& c, const std::vector<TeamMember>& team) {
  std::vector<std::string> out;
  for (const auto& rule : unmet_staffing_rules(c, team)) out.push_back(rule.code);
  std::sort(out.begin(), out.end());
  return out;
}

using Codes = std::vector<std::string>;

}  // namespace

TEST(StaffingRule, GeneralRiskNeedsTwoPeopleOneExpertOrTechnician) {
  const StaffingCase small_general{"general", "small"};
  EXPECT_EQ(codes(small_general, {kMidExpert, kJuniorTechnician}), Codes{});
  EXPECT_EQ(codes(small_general, {kTechnician, kJuniorTechnician}), Codes{});
  EXPECT_EQ(codes(small_general, {kTechnician}), Codes{"too_few_people"});
  EXPECT_EQ(codes(small_general, {}), (Codes{"expert_or_technician_required", "too_few_people"}));
}

TEST(StaffingRule, JuniorTitleIsNotATechnicianInTheGuideSense) {
  // 技术人员 means an intermediate title or above (wuxi, definitions).
  const StaffingCase small_general{"general", "small"};
  EXPECT_EQ(codes(small_general, {kJuniorTechnician, kJuniorTechnician}),
            Codes{"expert_or_technician_required"});
}

TEST(StaffingRule, SafetyEngineerWithIntermediateTitleCountsAsTechnician) {
  EXPECT_EQ(codes({"general", "medium"}, {kSafetyEngineer, kJuniorTechnician}), Codes{});
}

TEST(StaffingRule, LargerAndMajorRiskNeedAnExpert) {
  for (const char* risk : {"larger", "major"}) {
    EXPECT_EQ(codes({risk, "medium"}, {kTechnician, kJuniorTechnician}), Codes{"expert_required"}) << risk;
    EXPECT_EQ(codes({risk, "medium"}, {kMidExpert, kJuniorTechnician}), Codes{}) << risk;
  }
  // Unknown risk is treated like general: the guide's stricter rule needs a known higher level.
  EXPECT_EQ(codes({"unknown", "medium"}, {kTechnician, kJuniorTechnician}), Codes{});
}

TEST(StaffingRule, LargeEnterpriseNeedsThreeWithASeniorExpert) {
  const StaffingCase large{"general", "large"};
  EXPECT_EQ(codes(large, {kSeniorExpert, kTechnician, kJuniorTechnician}), Codes{});
  EXPECT_EQ(codes(large, {kSeniorExpert, kTechnician}), Codes{"too_few_people"});
  EXPECT_EQ(codes(large, {kMidExpert, kTechnician, kJuniorTechnician}), Codes{"senior_expert_required"});
  // A senior technician is not a senior expert.
  const TeamMember senior_technician{"钱", "technician", "full_senior", "", false};
  EXPECT_EQ(codes(large, {senior_technician, kTechnician}),
            (Codes{"senior_expert_required", "too_few_people"}));
}

TEST(StaffingRule, SpecialRequestIsLikeALargeEnterprise) {
  StaffingCase special{"general", "small", true};
  EXPECT_EQ(codes(special, {kMidExpert, kTechnician}), (Codes{"senior_expert_required", "too_few_people"}));
}

TEST(StaffingRule, ExcludedAndUnqualifiedStaffNeverCount) {
  const StaffingCase major_large{"major", "large"};
  EXPECT_EQ(codes(major_large, {kExcludedExpert, kUnqualifiedExpert, kTechnician}),
            (Codes{"excluded_member", "expert_required", "senior_expert_required", "too_few_people"}));
  const auto unmet = unmet_staffing_rules(major_large, {kExcludedExpert, kUnqualifiedExpert, kTechnician});
  const auto excluded =
      std::find_if(unmet.begin(), unmet.end(), [](const auto& r) { return r.code == "excluded_member"; });
  ASSERT_NE(excluded, unmet.end());
  EXPECT_NE(excluded->message.find("马、吴"), std::string::npos) << excluded->message;
  EXPECT_FALSE(excluded->message_en.empty());
}

TEST(StaffingRule, ServiceTypeMayDemandAnExpertAndMorePeople) {
  StaffingCase training{"general", "small"};
  training.expert_always = true;
  training.min_people = 3;
  EXPECT_EQ(codes(training, {kTechnician, kJuniorTechnician}), (Codes{"expert_required", "too_few_people"}));
  EXPECT_EQ(codes(training, {kMidExpert, kTechnician, kJuniorTechnician}), Codes{});
}
