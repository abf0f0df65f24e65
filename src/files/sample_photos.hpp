#pragma once
// Pictures made with libvips, for the demo data and the tests: a generated outdoor-like scene (each seed its
// own picture) with the EXIF a phone writes, re-saved copies of a photo, and a signature-like drawing as the
// phone's canvas gives it.
#include <optional>
#include <string>
#include <utility>

namespace rw::files {

struct PhotoExif {
  std::optional<std::string> taken;                   // "2026:06:03 10:20:30", local time
  std::optional<std::string> latitude_ref, latitude;  // "N", "31/1 30/1 0/1"
  std::optional<std::string> longitude_ref, longitude;
};

// A JPEG of a generated scene.
std::string make_photo_jpeg(int seed, int width, int height, const PhotoExif& exif = {}, int quality = 90);
// The same scene as PNG.
std::string make_photo_png(int seed, int width, int height);
// The photo scaled by `scale` and saved again as JPEG at `quality`, metadata dropped (a re-saved copy).
std::string recompressed_copy(const std::string& image, double scale, int quality);
// Width and height of an encoded image.
std::pair<int, int> image_size(const std::string& image);
// Dark strokes on white, as a PNG (a name signed with a finger).
std::string make_signature_png(int width, int height);

}  // namespace rw::files
