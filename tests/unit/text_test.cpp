#include <gtest/gtest.h>

#include <limits>

#include "platform/text.hpp"

using rw::is_clean_text;
using rw::utf8_length;

TEST(CleanText, PlainChineseAndAsciiPass) {
  EXPECT_TRUE(is_clean_text("无锡市新吴区 ABC-123（甲）", false));
  EXPECT_TRUE(is_clean_text("", false));
}

TEST(CleanText, ControlCharactersAreRefused) {
  for (const std::string bad : {std::string("a\0b", 3), std::string("a\x01"), std::string("\x1b[31m"),
                                std::string("a\x7f"), std::string("a\r")})
    EXPECT_FALSE(is_clean_text(bad, true)) << bad.size();
  EXPECT_FALSE(is_clean_text("\xc2\x80", true));  // U+0080, C1
  EXPECT_FALSE(is_clean_text("\xc2\x9f", true));  // U+009F, C1
  EXPECT_TRUE(is_clean_text("\xc2\xa0", false));  // U+00A0 no-break space is text
}

TEST(CleanText, TabAndLineFeedOnlyInMultiLineText) {
  EXPECT_FALSE(is_clean_text("第一行\n第二行", false));
  EXPECT_FALSE(is_clean_text("a\tb", false));
  EXPECT_TRUE(is_clean_text("第一行\n第二行", true));
  EXPECT_TRUE(is_clean_text("a\tb", true));
}

TEST(CleanText, BidiEmbeddingsOverridesAndIsolatesAreRefused) {
  // U+202A LRE … U+202E RLO, U+2066 LRI … U+2069 PDI
  for (const std::string bad :
       {"\xe2\x80\xaa", "\xe2\x80\xab", "\xe2\x80\xac", "\xe2\x80\xad", "\xe2\x80\xae", "\xe2\x81\xa6",
        "\xe2\x81\xa7", "\xe2\x81\xa8", "\xe2\x81\xa9"})
    EXPECT_FALSE(is_clean_text("x" + bad + "y", true));
}

TEST(CleanText, InvalidUtf8IsRefused) {
  EXPECT_FALSE(is_clean_text("\xff", false));
  EXPECT_FALSE(is_clean_text("\xe6\x97", false));  // truncated 无
  EXPECT_FALSE(is_clean_text("\xe6\x41\x41", false));
}

TEST(Utf8Length, CountsCodePoints) {
  EXPECT_EQ(utf8_length("abc"), 3u);
  EXPECT_EQ(utf8_length("无锡市"), 3u);
  EXPECT_EQ(utf8_length("\xf0\x9f\x98\x80"), 1u);
  EXPECT_EQ(utf8_length("\xe6\x97"), std::numeric_limits<std::size_t>::max());
}
