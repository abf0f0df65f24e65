// The password policy (issue 14): length, character classes, not the user's own name, login or phone, not a
// common password; each refusal with its own code and a Chinese and English message naming the rule.
#include <gtest/gtest.h>

#include "accounts/password_policy.hpp"

using namespace rw::accounts;

namespace {

std::string code_of(const PasswordPolicy& policy, const std::string& password,
                    const PasswordOwner& owner = {}) {
  const auto error = check_password(policy, password, owner, "new_password");
  return error ? error->code : "";
}

}  // namespace

TEST(PasswordPolicy, DefaultsAskTenCharactersOfThreeClasses) {
  const PasswordPolicy policy;
  EXPECT_EQ(code_of(policy, "Tiger#Lake9"), "");
  EXPECT_EQ(code_of(policy, "Demo@2026"), "password_length");  // 9 characters: the demo's is too short now
  EXPECT_EQ(code_of(policy, std::string(129, 'a') + "A1"), "password_length");
  EXPECT_EQ(code_of(policy, "tigerlake99"), "password_classes");  // lower case and digits only
  EXPECT_EQ(code_of(policy, "TIGERLAKE#!"), "password_classes");  // upper case and symbols only
  EXPECT_EQ(code_of(policy, "tigerlake#9"), "");                  // lower, digit, symbol
  EXPECT_EQ(code_of(policy, "风险防控Tiger9x"), "");              // a Chinese character counts as a symbol
  EXPECT_EQ(code_of(policy, "风险防控服务平台"), "password_length");  // 8 characters, not 24 bytes
}

TEST(PasswordPolicy, RefusesTheUsersOwnLoginNameOrPhone) {
  const PasswordPolicy policy;
  const PasswordOwner owner{"zhangwei", "张伟", "13951501000"};
  EXPECT_EQ(code_of(policy, "ZhangWei#2026", owner), "password_personal");
  EXPECT_EQ(code_of(policy, "Pw#13951501000", owner), "password_personal");
  EXPECT_EQ(code_of(policy, "张伟的新密码Ab12", owner), "");  // a two-character name is too short to count
  EXPECT_EQ(code_of(policy, "王建国的密码Ab12", owner), "");
  EXPECT_EQ(code_of(policy, "王建国的密码Ab12", {"wjg", "王建国", ""}), "password_personal");
  EXPECT_EQ(code_of(policy, "Tiger#Lake9", owner), "");
}

TEST(PasswordPolicy, RefusesCommonPasswordsAndTheDeploymentsOwnList) {
  PasswordPolicy policy;
  EXPECT_EQ(code_of(policy, "P@ssw0rd123"), "password_common");
  EXPECT_EQ(code_of(policy, "Admin@123456"), "password_common");  // case does not matter
  EXPECT_EQ(code_of(policy, "Riskwatch@2026"), "");
  policy.extra_denied = {"riskwatch@2026"};
  EXPECT_EQ(code_of(policy, "Riskwatch@2026"), "password_common");
}

TEST(PasswordPolicy, IsConfigurableAndNamesItsNumbers) {
  PasswordPolicy policy;
  policy.min_length = 14;
  policy.min_classes = 4;
  const auto error = check_password(policy, "Tiger#Lake9", {}, "password");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->field, "password");
  EXPECT_EQ(error->message, "密码长度需为 14–128 位");
  EXPECT_EQ(error->message_en, "The password needs 14–128 characters");
  const auto classes = check_password(policy, "Tiger#Lake#River", {}, "password");
  ASSERT_TRUE(classes);
  EXPECT_EQ(classes->message, "密码需包含小写字母、大写字母、数字、符号中的至少 4 类");
  policy.min_length = 6;
  EXPECT_THROW(set_password_policy(policy), std::invalid_argument);  // never below 8
  policy.min_length = 10;
  policy.min_classes = 5;
  EXPECT_THROW(set_password_policy(policy), std::invalid_argument);
  EXPECT_EQ(password_policy().min_length, 10);  // unchanged by the refused settings
}
