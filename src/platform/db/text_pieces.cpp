#include "platform/db/text_pieces.hpp"

namespace rw::db {
namespace {

void append_token(std::string& out, std::string_view text) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  for (unsigned char c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    out += kDigits[c >> 4];
    out += kDigits[c & 0xF];
  }
}

// The length in bytes of the UTF-8 character starting at `at` (a stray continuation byte counts as one).
std::size_t char_length(std::string_view text, std::size_t at) {
  std::size_t end = at + 1;
  while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  return end - at;
}

}  // namespace

std::string piece_token(std::string_view text) {
  std::string out;
  append_token(out, text);
  return out;
}

std::string text_pieces(const std::vector<std::string_view>& texts) {
  std::string out;
  for (const auto text : texts) {
    for (std::size_t at = 0; at < text.size();) {
      const auto first = char_length(text, at);
      const auto next = at + first;
      const auto piece = next < text.size() ? first + char_length(text, next) : first;
      if (!out.empty()) out += ' ';
      append_token(out, text.substr(at, piece));
      at = next;
    }
  }
  return out;
}

std::string pieces_query(std::string_view text) {
  if (text.empty()) return {};
  const auto first = char_length(text, 0);
  if (first == text.size()) return "\"" + piece_token(text) + "\" *";
  std::string out;
  for (std::size_t at = 0, next = first; next < text.size();) {
    const auto second = char_length(text, next);
    if (!out.empty()) out += " AND ";
    out += '"';
    append_token(out, text.substr(at, next - at + second));
    out += '"';
    at = next;
    next += second;
  }
  return out;
}

}  // namespace rw::db
