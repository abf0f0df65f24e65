#include "platform/text.hpp"

#include <cstdint>
#include <limits>

namespace rw {
namespace {

// The code point at `i` (advancing `i`), or nothing when the bytes there are not UTF-8.
bool next_code_point(std::string_view text, std::size_t& i, std::uint32_t& out) {
  const auto lead = static_cast<unsigned char>(text[i]);
  const std::size_t length = lead < 0x80           ? 1
                             : (lead >> 5) == 0x6  ? 2
                             : (lead >> 4) == 0xE  ? 3
                             : (lead >> 3) == 0x1E ? 4
                                                   : 0;
  if (length == 0 || i + length > text.size()) return false;
  out = length == 1 ? lead : lead & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    const auto byte = static_cast<unsigned char>(text[i + k]);
    if ((byte >> 6) != 0x2) return false;
    out = (out << 6) | (byte & 0x3F);
  }
  i += length;
  return true;
}

bool is_forbidden(std::uint32_t c, bool multiline) {
  if (multiline && (c == '\t' || c == '\n')) return false;
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

}  // namespace

std::size_t utf8_length(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++count) {
    std::uint32_t ignored = 0;
    if (!next_code_point(text, i, ignored)) return std::numeric_limits<std::size_t>::max();
  }
  return count;
}

bool is_clean_text(std::string_view text, bool multiline) {
  for (std::size_t i = 0; i < text.size();) {
    std::uint32_t c = 0;
    if (!next_code_point(text, i, c) || is_forbidden(c, multiline)) return false;
  }
  return true;
}

}  // namespace rw
