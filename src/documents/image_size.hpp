#pragma once
// The kind and pixel size of an encoded image, read from its header: both renderings need them to scale a
// picture without decoding it (a JPEG goes into the PDF and the .docx as it is).
#include <optional>
#include <string_view>

namespace rw::documents {

enum class ImageKind { jpeg, png };

struct ImageSize {
  ImageKind kind = ImageKind::jpeg;
  int width = 0;
  int height = 0;
};

// nullopt for anything but a JPEG (its first frame header) or a PNG (its IHDR) with a non-zero size.
std::optional<ImageSize> read_image_size(std::string_view bytes);

}  // namespace rw::documents
