#pragma once
// What an uploaded photo holds and the pictures made from it, read with libvips — the one file that
// includes libvips (and glib) headers.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "files/media_type.hpp"
#include "platform/clock.hpp"

namespace rw::files {

inline constexpr int kSmallThumbnail = 320;   // list and grid pictures, long side in pixels
inline constexpr int kLargeThumbnail = 1280;  // a photo viewed on a phone or in the review dialog

struct ImageFacts {
  int width = 0;  // upright, as the EXIF orientation turns it
  int height = 0;
  std::optional<Seconds> taken_at;  // EXIF DateTimeOriginal, else DateTime
  std::optional<double> latitude;   // EXIF GPS, degrees (south negative)
  std::optional<double> longitude;  // (west negative)
  std::uint64_t phash = 0;          // files/perceptual_hash.hpp
  std::string small_jpeg;           // upright thumbnails, metadata stripped
  std::string large_jpeg;
};

// Starts libvips once (later calls return at once): no operation cache, one thread per pipeline (the
// worker pool is the server's parallelism), and loaders of untrusted formats (ImageMagick and the like)
// blocked. Called at server start; the functions below call it too.
void start_image_library();

// libvips here can decode the type (HEIC needs its optional module).
bool can_decode(MediaType type);

// Reads the image's size and EXIF from its header, then makes both thumbnails and the perceptual hash from
// one decode (a JPEG shrunk on load: a 12-megapixel photo decodes at 2000 × 1500 for the 1280 px picture,
// the 320 px one is made from that, the hash from the 320 px one). ApiError 422 corrupt_image when the
// bytes do not decode as `type` in full (truncated, damaged), image_too_large beyond 100 megapixels.
ImageFacts probe_image(std::string_view bytes, MediaType type);

}  // namespace rw::files
