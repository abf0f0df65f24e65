#include "files/media_type.hpp"

namespace rw::files {
namespace {

bool starts_with(std::string_view bytes, std::string_view signature) {
  return bytes.substr(0, signature.size()) == signature;
}

// ISO base media files (HEIF) open with a box "....ftyp<brand>"; these brands are HEIC/HEIF stills.
bool is_heif(std::string_view bytes) {
  if (bytes.size() < 12 || bytes.substr(4, 4) != "ftyp") return false;
  const auto brand = bytes.substr(8, 4);
  for (std::string_view known : {"heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"})
    if (brand == known) return true;
  return false;
}

// In the order of MediaType.
constexpr std::string_view kMimeTypes[] = {"image/jpeg", "image/png", "image/webp", "image/heic",
                                           "application/pdf"};

}  // namespace

std::optional<MediaType> sniff_media_type(std::string_view bytes) {
  if (starts_with(bytes, "\xFF\xD8\xFF")) return MediaType::jpeg;
  if (starts_with(bytes, "\x89PNG\r\n\x1A\n")) return MediaType::png;
  if (bytes.size() >= 12 && starts_with(bytes, "RIFF") && bytes.substr(8, 4) == "WEBP")
    return MediaType::webp;
  if (is_heif(bytes)) return MediaType::heic;
  if (starts_with(bytes, "%PDF-")) return MediaType::pdf;
  return std::nullopt;
}

std::string_view mime_of(MediaType type) { return kMimeTypes[static_cast<int>(type)]; }

bool is_image(MediaType type) { return type != MediaType::pdf; }

}  // namespace rw::files
