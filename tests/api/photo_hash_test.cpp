// The perceptual hash on real encoded photos (no server): copies of a photo re-saved, resized and
// recompressed stay within the near-duplicate threshold, different photos stay beyond it.
#include <gtest/gtest.h>

#include <vector>

#include "files/image_probe.hpp"
#include "files/perceptual_hash.hpp"
#include "photo_fixtures.hpp"
#include "platform/errors.hpp"

using namespace rw::files;
using rw::testing::make_photo_jpeg;
using rw::testing::recompressed_copy;

namespace {

std::uint64_t hash_of(const std::string& jpeg) { return probe_image(jpeg, MediaType::jpeg).phash; }

}  // namespace

TEST(PhotoHash, CopiesStayWithinTheThresholdAndDifferentPhotosBeyondIt) {
  std::vector<std::uint64_t> originals;
  int worst_copy = 0;
  for (int seed = 100; seed < 106; ++seed) {
    const auto photo = make_photo_jpeg(seed, 1600, 1200);
    const auto hash = hash_of(photo);
    originals.push_back(hash);
    for (const auto& copy :
         {recompressed_copy(photo, 1.0, 75), recompressed_copy(photo, 0.5, 70),
          recompressed_copy(photo, 0.3, 50), recompressed_copy(recompressed_copy(photo, 0.5, 70), 1.0, 60)})
      worst_copy = std::max(worst_copy, hash_distance(hash, hash_of(copy)));
  }
  EXPECT_LE(worst_copy, kNearDuplicateBits);
  int closest_different = 64;
  for (std::size_t i = 0; i < originals.size(); ++i)
    for (std::size_t j = i + 1; j < originals.size(); ++j)
      closest_different = std::min(closest_different, hash_distance(originals[i], originals[j]));
  EXPECT_GT(closest_different, kNearDuplicateBits + 4);  // a margin, not just one bit
}

TEST(PhotoHash, ATruncatedJpegIsCorruptNotHalfGrey) {
  const auto photo = make_photo_jpeg(110, 640, 480);
  try {
    probe_image(photo.substr(0, photo.size() * 2 / 3), MediaType::jpeg);
    FAIL() << "a truncated JPEG was decoded";
  } catch (const rw::ApiError& error) {
    EXPECT_EQ(error.code, "corrupt_image");
  }
}
