#pragma once
// Photos made in the test with libvips: a generated scene (so different seeds give different pictures),
// with the EXIF a phone writes, and copies of it resized and recompressed.
#include <optional>
#include <string>

namespace rw::testing {

struct PhotoExif {
  std::optional<std::string> taken;                   // "2026:06:03 10:20:30", local time
  std::optional<std::string> latitude_ref, latitude;  // "N", "31/1 30/1 0/1"
  std::optional<std::string> longitude_ref, longitude;
};

// A JPEG of a generated outdoor-like scene.
std::string make_photo_jpeg(int seed, int width, int height, const PhotoExif& exif = {}, int quality = 90);
// The same scene as PNG.
std::string make_photo_png(int seed, int width, int height);
// The photo scaled by `scale` and saved again as JPEG at `quality`, metadata dropped.
std::string recompressed_copy(const std::string& image, double scale, int quality);
// Width and height of an encoded image.
std::pair<int, int> image_size(const std::string& image);

}  // namespace rw::testing
