#include <iconv.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>

#include "spreadsheet/read_support.hpp"
#include "spreadsheet/table.hpp"

namespace rw::sheet {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// The length of the UTF-8 sequence a byte starts; 0 when no sequence starts with it.
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 0;
}

// Strict UTF-8 (no overlong forms or surrogates): GBK text practically never passes, which is how the two
// encodings are told apart.
bool valid_utf8(std::string_view text) {
  static constexpr std::uint32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = sequence_length(lead);
    if (length == 0 || i + length > text.size()) return false;
    std::uint32_t code = length == 1 ? lead : lead & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      code = (code << 6) | (next & 0x3F);
    }
    if (length > 1 && (code < kMinimum[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)))
      return false;
    i += length;
  }
  return true;
}

ApiError unknown_encoding() {
  return unreadable_file("无法识别文件的文字编码，请将 CSV 保存为 UTF-8 或 GBK 编码",
                         "The file's text encoding is not recognised; save the CSV as UTF-8 or GBK");
}

// GB18030 is the superset of GBK that Chinese Excel writes CSV files in.
std::string from_gb18030(std::string_view bytes) {
  const iconv_t converter = iconv_open("UTF-8", "GB18030");
  if (converter == reinterpret_cast<iconv_t>(-1))
    throw std::runtime_error("iconv cannot convert from GB18030");
  const std::unique_ptr<void, int (*)(iconv_t)> closer(converter, &iconv_close);
  // A GB18030 character never takes more bytes in UTF-8 than twice its own length.
  std::string out(bytes.size() * 2, '\0');
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char* to = out.data();
  std::size_t out_left = out.size();
  if (iconv(converter, &in, &in_left, &to, &out_left) == static_cast<std::size_t>(-1))
    throw unknown_encoding();
  out.resize(out.size() - out_left);
  return out;
}

void skip_line_break(std::string_view text, std::size_t& pos) {
  if (pos < text.size() && text[pos] == '\r') ++pos;
  if (pos < text.size() && text[pos] == '\n') ++pos;
}

// Up to the next comma or line break (or the end), leaving pos there.
std::string read_bare(std::string_view text, std::size_t& pos) {
  const std::size_t end = std::min(text.find_first_of(",\r\n", pos), text.size());
  std::string value(text.substr(pos, end - pos));
  pos = end;
  return value;
}

std::string read_quoted(std::string_view text, std::size_t& pos, std::size_t record) {
  std::string value;
  ++pos;
  for (;;) {
    const std::size_t quote = text.find('"', pos);
    if (quote == std::string_view::npos)
      throw unreadable_file("第 " + std::to_string(record) + " 行的引号没有闭合",
                            "Row " + std::to_string(record) + " has an unclosed quote");
    value.append(text.substr(pos, quote - pos));
    pos = quote + 1;
    if (pos >= text.size() || text[pos] != '"') break;
    value += '"';
    ++pos;
  }
  // Text between the closing quote and the comma is kept, as spreadsheet programs do.
  return value + read_bare(text, pos);
}

// RFC 4180 records; a record is numbered like a line even when a quoted field spans several.
void parse_csv(std::string_view text, const RowSink& sink, const ReadLimits& limits) {
  RowBuilder table(limits, sink);
  std::size_t pos = 0;
  for (std::size_t record = 1; pos < text.size(); ++record) {
    table.start_row(record);
    for (std::size_t column = 0;; ++column) {
      const bool quoted = pos < text.size() && text[pos] == '"';
      table.set_cell(column, Cell{quoted ? read_quoted(text, pos, record) : read_bare(text, pos)});
      if (pos >= text.size() || text[pos] != ',') break;
      ++pos;
    }
    skip_line_break(text, pos);
    table.end_row();
  }
  table.finish();
}

}  // namespace

void read_csv_rows(std::string_view bytes, const RowSink& sink, const ReadLimits& limits) {
  if (bytes.empty()) throw empty_file();
  if (bytes.starts_with(kUtf8Bom)) bytes.remove_prefix(kUtf8Bom.size());
  // No text file holds NUL bytes: this is some binary file.
  if (bytes.find('\0') != std::string_view::npos) throw unreadable_file();
  if (valid_utf8(bytes)) return parse_csv(bytes, sink, limits);
  parse_csv(from_gb18030(bytes), sink, limits);
}

}  // namespace rw::sheet
