#include "documents/image_size.hpp"

#include <cstdint>

namespace rw::documents {
namespace {

std::uint32_t big_endian(std::string_view bytes, std::size_t at, int count) {
  std::uint32_t value = 0;
  for (int i = 0; i < count; ++i) value = value << 8 | static_cast<unsigned char>(bytes[at + i]);
  return value;
}

std::optional<ImageSize> sized(ImageKind kind, std::uint32_t width, std::uint32_t height) {
  if (width == 0 || height == 0 || width > 1'000'000 || height > 1'000'000) return std::nullopt;
  return ImageSize{kind, static_cast<int>(width), static_cast<int>(height)};
}

// Start-of-frame markers (baseline, extended, progressive, lossless; not DHT C4, JPG C8, DAC CC).
bool is_frame_marker(unsigned char marker) {
  return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

std::optional<ImageSize> jpeg_size(std::string_view bytes) {
  std::size_t at = 2;  // after SOI
  while (at + 4 <= bytes.size()) {
    if (static_cast<unsigned char>(bytes[at]) != 0xFF) return std::nullopt;
    const auto marker = static_cast<unsigned char>(bytes[at + 1]);
    if (marker == 0xFF) {  // fill byte
      ++at;
      continue;
    }
    const std::uint32_t length = big_endian(bytes, at + 2, 2);
    if (is_frame_marker(marker)) {
      if (at + 9 > bytes.size()) return std::nullopt;
      return sized(ImageKind::jpeg, big_endian(bytes, at + 7, 2), big_endian(bytes, at + 5, 2));
    }
    if (length < 2) return std::nullopt;
    at += 2 + length;
  }
  return std::nullopt;
}

}  // namespace

std::optional<ImageSize> read_image_size(std::string_view bytes) {
  if (bytes.size() > 4 && bytes.substr(0, 3) == "\xFF\xD8\xFF") return jpeg_size(bytes);
  if (bytes.size() >= 24 && bytes.substr(0, 8) == "\x89PNG\r\n\x1A\n" && bytes.substr(12, 4) == "IHDR")
    return sized(ImageKind::png, big_endian(bytes, 16, 4), big_endian(bytes, 20, 4));
  return std::nullopt;
}

}  // namespace rw::documents
