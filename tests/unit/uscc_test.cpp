#include <gtest/gtest.h>

#include "registry/uscc.hpp"

using rw::registry::valid_uscc;

// Published codes of well-known companies and the standard's own example.
const char* kRealCodes[] = {"91350100M000100Y43", "91110000100010433L", "9144030071526726XG",
                            "91330100799655058B", "91440300708461136T", "91110108551385082Q",
                            "914403001922038216"};

TEST(Uscc, AcceptsRealCodes) {
  for (const char* code : kRealCodes) EXPECT_TRUE(valid_uscc(code)) << code;
}

TEST(Uscc, RejectsEverySingleCharacterCorruption) {
  for (std::string code : kRealCodes) {
    for (std::size_t i = 0; i < code.size(); ++i) {
      std::string corrupted = code;
      corrupted[i] = corrupted[i] == '3' ? '4' : '3';
      EXPECT_FALSE(valid_uscc(corrupted)) << corrupted;
    }
  }
}

TEST(Uscc, RejectsWrongLengthAndForbiddenCharacters) {
  EXPECT_FALSE(valid_uscc(""));
  EXPECT_FALSE(valid_uscc("91350100M000100Y4"));
  EXPECT_FALSE(valid_uscc("91350100M000100Y433"));
  EXPECT_FALSE(valid_uscc("91350100I000100Y43"));  // I is not in the code set
  EXPECT_FALSE(valid_uscc("91350100m000100Y43"));  // lower case
}
