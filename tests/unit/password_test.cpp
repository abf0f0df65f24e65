#include <gtest/gtest.h>

#include "accounts/password.hpp"

using namespace rw::accounts;

TEST(Password, HashesWithArgon2idAndVerifies) {
  const auto hash = hash_password("Secret123");
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
  EXPECT_TRUE(verify_password(hash, "Secret123"));
  EXPECT_FALSE(verify_password(hash, "Secret124"));
  EXPECT_FALSE(verify_password(hash, ""));
  EXPECT_FALSE(verify_password("not a hash", "Secret123"));
}

TEST(Password, NewHashesTakeTheCostSetAndAnyCostVerifies) {
  const auto interactive = hash_password("Secret123");
  EXPECT_EQ(interactive.rfind("$argon2id$v=19$m=65536,t=2,p=1$", 0), 0u) << interactive;
  set_password_cost(PasswordCost::minimum);
  const auto minimum = hash_password("Secret123");
  set_password_cost(PasswordCost::interactive);
  EXPECT_EQ(minimum.rfind("$argon2id$v=19$m=8,t=1,p=1$", 0), 0u) << minimum;
  EXPECT_TRUE(verify_password(minimum, "Secret123"));
  EXPECT_FALSE(verify_password(minimum, "Secret124"));
  EXPECT_TRUE(verify_password(interactive, "Secret123"));
}

TEST(Password, SaltsEveryHash) { EXPECT_NE(hash_password("Secret123"), hash_password("Secret123")); }

TEST(Tokens, AreRandomAndDigestIsStable) {
  const auto a = random_token(), b = random_token();
  EXPECT_NE(a, b);
  EXPECT_EQ(a.size(), 43u);  // 32 bytes, URL-safe base64 without padding
  EXPECT_EQ(token_digest(a), token_digest(a));
  EXPECT_NE(token_digest(a), token_digest(b));
  EXPECT_EQ(token_digest(a).size(), 64u);
  EXPECT_TRUE(constant_time_equal(a, a));
  EXPECT_FALSE(constant_time_equal(a, b));
  EXPECT_FALSE(constant_time_equal(a, ""));
}
