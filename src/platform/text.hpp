#pragma once
#include <string>
#include <string_view>

namespace rw {

// Without leading and trailing spaces, tabs and line breaks.
inline std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return std::string(s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1));
}

}  // namespace rw

namespace rw {

// Valid UTF-8 without control characters (C0, DEL, C1) and without bidirectional embeddings, overrides and
// isolates (U+202A–U+202E, U+2066–U+2069), which can make stored text read differently from what it is.
// Multi-line text may also hold tabs and line feeds.
bool is_clean_text(std::string_view text, bool multiline);
// Code points; SIZE_MAX when not valid UTF-8.
std::size_t utf8_length(std::string_view text);

}  // namespace rw
