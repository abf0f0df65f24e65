// The pieces the short-search indexes (V017, V055) hold per row, and the token and query a search text
// becomes.
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

TEST(TextPieces, AQueryIsACharactersPrefixOrEveryPairOfATextsCharacters) {
  using rw::db::pieces_query;
  // One character: any piece starting with it (a pair it begins, or a text's last character).
  EXPECT_EQ(pieces_query("环"), "\"E78EAF\" *");
  EXPECT_EQ(pieces_query("A"), "\"61\" *");
  // Two: the one pair; more: every pair of consecutive characters, all of them.
  EXPECT_EQ(pieces_query("化工"), "\"E58C96E5B7A5\"");
  EXPECT_EQ(pieces_query("aB化"), "\"6162\" AND \"62E58C96\"");
  EXPECT_EQ(pieces_query("化工厂"), "\"E58C96E5B7A5\" AND \"E5B7A5E58E82\"");
  EXPECT_EQ(pieces_query(""), "");
}
