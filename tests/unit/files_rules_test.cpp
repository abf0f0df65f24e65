// The pure rules of files: sniffing the type from bytes, EXIF values, the perceptual hash's distance and
// bands, and the authenticity flags.
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>

#include "files/authenticity_rules.hpp"
#include "files/exif_text.hpp"
#include "files/media_type.hpp"
#include "files/perceptual_hash.hpp"

using namespace rw;
using namespace rw::files;

namespace {

// The bytes of a literal, NULs included.
template <std::size_t N>
std::string_view bytes(const char (&literal)[N]) {
  return {literal, N - 1};
}

std::vector<std::string> codes(const std::vector<Flag>& flags) {
  std::vector<std::string> out;
  for (const auto& f : flags) out.push_back(f.code);
  return out;
}

// A smooth random picture: a 9×9 grid of random grey levels (40–200), interpolated. Its low frequencies all
// differ, as in a photo (blocks or pure cosines would give equal coefficients and ties at the middle one).
GreyImage pattern(int seed) {
  constexpr int kGrid = 9;
  unsigned state = static_cast<unsigned>(seed) * 2654435761u + 1;
  std::array<std::array<double, kGrid>, kGrid> grid{};
  for (auto& row : grid)
    for (auto& v : row) v = 40 + ((state = state * 1103515245u + 12345u) >> 24) * 160.0 / 255;
  GreyImage grey{};
  for (int y = 0; y < kHashSide; ++y)
    for (int x = 0; x < kHashSide; ++x) {
      const double gy = y * (kGrid - 1.0) / (kHashSide - 1), gx = x * (kGrid - 1.0) / (kHashSide - 1);
      const int y0 = std::min(kGrid - 2, static_cast<int>(gy)),
                x0 = std::min(kGrid - 2, static_cast<int>(gx));
      const double fy = gy - y0, fx = gx - x0;
      const double top = grid[y0][x0] * (1 - fx) + grid[y0][x0 + 1] * fx;
      const double bottom = grid[y0 + 1][x0] * (1 - fx) + grid[y0 + 1][x0 + 1] * fx;
      grey[y * kHashSide + x] = static_cast<std::uint8_t>(top * (1 - fy) + bottom * fy);
    }
  return grey;
}

}  // namespace

TEST(MediaType, IsSniffedFromTheFirstBytesNotTheName) {
  EXPECT_EQ(sniff_media_type(std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF", 10)), MediaType::jpeg);
  EXPECT_EQ(sniff_media_type("\x89PNG\r\n\x1A\n...."), MediaType::png);
  EXPECT_EQ(sniff_media_type(bytes("RIFF\x10\x00\x00\x00WEBPVP8 ")), MediaType::webp);
  EXPECT_EQ(sniff_media_type(std::string("\x00\x00\x00\x18"
                                         "ftypheic\x00\x00\x00\x00",
                                         16)),
            MediaType::heic);
  EXPECT_EQ(sniff_media_type("%PDF-1.7\n"), MediaType::pdf);
  EXPECT_EQ(sniff_media_type("\x7F"
                             "ELF\x02\x01\x01"),
            std::nullopt);
  EXPECT_EQ(sniff_media_type(std::string("\x00\x00\x00\x18"
                                         "ftypmp42",
                                         12)),
            std::nullopt);  // a video
  EXPECT_EQ(sniff_media_type(bytes("RIFF\x10\x00\x00\x00WAVEfmt ")), std::nullopt);
  EXPECT_EQ(sniff_media_type("\xFF\xD8"), std::nullopt);  // too short to be a JPEG
  EXPECT_EQ(sniff_media_type(""), std::nullopt);
  EXPECT_EQ(mime_of(MediaType::heic), "image/heic");
  EXPECT_FALSE(is_image(MediaType::pdf));
}

TEST(ExifText, GpsRationalsBecomeSignedDegrees) {
  EXPECT_NEAR(
      *gps_degrees("31/1 33/1 1234/100 (31, 33, 12.34, Rational, 3 components, 24 bytes)", "N (N, ASCII)"),
      31 + 33 / 60.0 + 12.34 / 3600, 1e-9);
  EXPECT_NEAR(*gps_degrees("120/1 18/1 0/1", "W"), -120.3, 1e-9);
  EXPECT_NEAR(*gps_degrees("33/1 0/1 0/1", "S"), -33, 1e-9);
  EXPECT_EQ(gps_degrees("31/0 33/1 0/1", "N"), std::nullopt);  // a zero denominator
  EXPECT_EQ(gps_degrees("31/1 33/1", "N"), std::nullopt);      // two parts
  EXPECT_EQ(gps_degrees("200/1 0/1 0/1", "E"), std::nullopt);  // beyond ±180
  EXPECT_EQ(gps_degrees("a/b c/d e/f", "E"), std::nullopt);
}

TEST(ExifText, DateTimesAreReadInTheirOffsetOrElseInChinaTime) {
  Seconds expected = 0;
  ASSERT_TRUE(parse_utc("2026-05-01T02:20:30Z", expected));
  EXPECT_EQ(exif_moment("2026:05:01 10:20:30 (2026:05:01 10:20:30, ASCII, 20 components)", ""), expected);
  EXPECT_EQ(exif_moment("2026:05:01 10:20:30", "+08:00"), expected);
  EXPECT_EQ(exif_moment("2026:05:01 04:20:30", "+02:00"), expected);
  EXPECT_EQ(exif_moment("2026:04:30 21:20:30", "-05:00"), expected);
  EXPECT_EQ(exif_moment("0000:00:00 00:00:00", ""), std::nullopt);  // unset on the camera
  EXPECT_EQ(exif_moment("2026:02:30 10:00:00", ""), std::nullopt);  // no such day
  EXPECT_EQ(exif_moment("2026-05-01 10:20:30", ""), std::nullopt);
}

TEST(PerceptualHash, DistanceCountsDifferingBits) {
  EXPECT_EQ(hash_distance(0, 0), 0);
  EXPECT_EQ(hash_distance(0, ~std::uint64_t{0}), 64);
  EXPECT_EQ(hash_distance(0b1011, 0b0001), 2);
}

TEST(PerceptualHash, SurvivesBrightnessAndNoiseButTellsPicturesApart) {
  const auto original = pattern(1);
  auto brighter = original, noisy = original;
  for (auto& v : brighter) v = static_cast<std::uint8_t>(v + 30);  // no clipping: the picture is 40–200
  for (std::size_t i = 0; i < noisy.size(); ++i)
    noisy[i] = static_cast<std::uint8_t>(std::clamp(noisy[i] + static_cast<int>(i * 7919 % 9) - 4, 0, 255));
  const auto hash = perceptual_hash(original);
  EXPECT_EQ(hash_distance(hash, perceptual_hash(brighter)), 0);  // the constant term is left out
  EXPECT_LE(hash_distance(hash, perceptual_hash(noisy)), kNearDuplicateBits);
  EXPECT_GT(hash_distance(hash, perceptual_hash(pattern(2))), kNearDuplicateBits);
  // The 31 coefficients above the middle one (the 33rd smallest) are set, in every hash.
  EXPECT_EQ(std::popcount(hash), 31);
  EXPECT_EQ(std::popcount(perceptual_hash(pattern(3))), 31);
}

TEST(PerceptualHash, HashesWithinTheThresholdShareABandNeighbourhood) {
  const std::uint64_t hash = 0x0123456789ABCDEFull;
  EXPECT_EQ(hash_bands(hash), (std::array<std::uint16_t, 4>{0x0123, 0x4567, 0x89AB, 0xCDEF}));
  // 7 bits flipped, spread so that no band is equal: bands 0-2 differ by 2 bits, band 3 by 1.
  const std::uint64_t other = hash ^ 0x0003'0003'0003'0001ull;
  ASSERT_EQ(hash_distance(hash, other), 7);
  const auto mine = band_neighbourhoods(hash);
  const auto theirs = hash_bands(other);
  bool shares = false;
  for (int band = 0; band < kBands; ++band)
    for (const auto value : mine[band]) shares = shares || value == theirs[band];
  EXPECT_TRUE(shares);
  static_assert(kNearDuplicateBits <= 7, "the bands find only hashes within 7 bits");
}

TEST(AuthenticityRules, DistanceIsTheGreatCircle) {
  EXPECT_NEAR(distance_m({31.0, 120.0}, {32.0, 120.0}), 111'195, 1);  // a degree of latitude
  EXPECT_NEAR(distance_m({31.5, 120.3}, {31.5, 120.3}), 0, 1e-6);
  // Wuxi to Shanghai, about 114 km.
  EXPECT_NEAR(distance_m({31.4912, 120.3119}, {31.2304, 121.4737}), 113'900, 2'000);
}

TEST(AuthenticityRules, EachSignIsFlaggedOnlyWhenItsFactsAreKnown) {
  Seconds start = 0;
  ASSERT_TRUE(parse_utc("2026-06-02T16:00:00Z", start));  // 2026-06-03 00:00 in China
  PhotoEvidence inside;
  inside.taken_at = start + 3600;
  inside.visit = TimeWindow{start, start + 86400};
  inside.taken_where = GeoPoint{31.5000, 120.3000};
  inside.site = GeoPoint{31.5050, 120.3050};  // about 720 m away
  inside.nearest_other_bits = kNearDuplicateBits + 2;
  EXPECT_TRUE(authenticity_flags(inside).empty());

  PhotoEvidence unknown;  // no EXIF, no visit, no location
  EXPECT_TRUE(authenticity_flags(unknown).empty());

  auto suspicious = inside;
  suspicious.taken_at = start + 86400;            // the window's end is outside it
  suspicious.site = GeoPoint{31.5200, 120.3000};  // 2.2 km
  suspicious.other_enterprises_same_bytes = 1;
  suspicious.nearest_other_bits = kNearDuplicateBits;
  const auto flags = authenticity_flags(suspicious);
  EXPECT_EQ(codes(flags),
            (std::vector<std::string>{"taken_outside_visit", "far_from_site", "same_file_other_enterprise",
                                      "near_duplicate_other_enterprise"}));
  EXPECT_EQ(flags[1].message_en, "The photo was taken 2.2 km from the enterprise");

  auto before = inside;
  before.taken_at = start - 1;
  EXPECT_EQ(codes(authenticity_flags(before)), std::vector<std::string>{"taken_outside_visit"});
}
