// The pieces the short-search index (V017) holds per enterprise, and the token a search text becomes.
#include "platform/db/text_pieces.hpp"

#include <gtest/gtest.h>

using rw::db::piece_token;
using rw::db::text_pieces;

TEST(TextPieces, EveryTwoCharactersAndTheLastOneLoweredInHex) {
  // "ab", "b化", "化工", "工": ASCII letters lowered, Chinese characters as their UTF-8 bytes.
  EXPECT_EQ(text_pieces({"aB化工"}), "6162 62E58C96 E58C96E5B7A5 E5B7A5");
  EXPECT_EQ(piece_token("化工"), "E58C96E5B7A5");
  EXPECT_EQ(piece_token("AB"), "6162");
}

TEST(TextPieces, EachTextIsCutOnItsOwnAndEmptyTextsGiveNothing) {
  // No piece spans two texts ("x" + "y" would be "xy", 7879).
  EXPECT_EQ(text_pieces({"x", "", "y"}), "78 79");
  EXPECT_EQ(text_pieces({"", ""}), "");
  EXPECT_EQ(text_pieces({"% _"}), "2520 205F 5F");
}
