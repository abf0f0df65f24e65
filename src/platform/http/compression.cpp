#include "platform/http/compression.hpp"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace rw::http {
namespace {

// Level 1 already cuts a list page to a fifth or a seventh of its bytes; levels 4-6 save another 8-15 % of
// that for two to five times the CPU (bench/README.md), and a list is compressed anew on every request.
constexpr int kGzipLevel = 1;

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool iequals(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
  });
}

// A qvalue ("0", "0.5", "1", "1.000") in thousandths, or -1 when it is not one.
int parse_qvalue(std::string_view text) {
  if (text.empty() || text.size() > 5 || (text[0] != '0' && text[0] != '1')) return -1;
  int value = (text[0] - '0') * 1000;
  if (text.size() == 1) return value;
  if (text[1] != '.') return -1;
  int scale = 100;
  for (char c : text.substr(2)) {
    if (c < '0' || c > '9') return -1;
    value += (c - '0') * scale;
    scale /= 10;
  }
  return value <= 1000 ? value : -1;
}

// The weight of one Accept-Encoding element ("gzip;q=0.8"); a malformed weight refuses.
int element_quality(std::string_view parameters) {
  int quality = 1000;
  while (!parameters.empty()) {
    const auto semicolon = std::min(parameters.find(';'), parameters.size());
    const auto parameter = trim(parameters.substr(0, semicolon));
    parameters.remove_prefix(std::min(semicolon + 1, parameters.size()));
    if (parameter.size() >= 2 && iequals(parameter.substr(0, 2), "q="))
      quality = std::max(parse_qvalue(trim(parameter.substr(2))), 0);
  }
  return quality;
}

bool compressible(std::string_view content_type) {
  return content_type.starts_with("application/json") ||
         content_type.starts_with("application/problem+json") || content_type.starts_with("text/");
}

bool has_header(const Response& response, std::string_view name) {
  return std::any_of(response.headers.begin(), response.headers.end(),
                     [&](const auto& header) { return iequals(header.first, name); });
}

// A deflate state kept per thread and reset for each body: setting one up touches 256 KiB of fresh memory,
// which costs several times what compressing a list page does.
class Deflater {
 public:
  Deflater() {
    // 15 + 16: the largest window, with a gzip header and trailer instead of zlib's.
    if (deflateInit2(&stream_, kGzipLevel, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
      throw std::runtime_error("gzip: deflateInit2 failed");
  }
  ~Deflater() { deflateEnd(&stream_); }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  std::string gzip(std::string_view bytes) {
    deflateReset(&stream_);
    std::string out(deflateBound(&stream_, bytes.size()), '\0');
    stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    stream_.avail_in = static_cast<uInt>(bytes.size());
    stream_.next_out = reinterpret_cast<Bytef*>(out.data());
    stream_.avail_out = static_cast<uInt>(out.size());
    const int result = deflate(&stream_, Z_FINISH);  // the bound fits the whole output in one call
    if (result != Z_STREAM_END) throw std::runtime_error("gzip: deflate did not finish");
    out.resize(stream_.total_out);
    return out;
  }

 private:
  z_stream stream_{};
};

}  // namespace

int coding_quality(std::string_view accept_encoding, std::string_view coding) {
  int named = -1;
  int any = -1;
  while (!accept_encoding.empty()) {
    const auto comma = std::min(accept_encoding.find(','), accept_encoding.size());
    const auto element = accept_encoding.substr(0, comma);
    accept_encoding.remove_prefix(std::min(comma + 1, accept_encoding.size()));
    const auto semicolon = std::min(element.find(';'), element.size());
    const auto name = trim(element.substr(0, semicolon));
    const auto parameters = element.substr(std::min(semicolon + 1, element.size()));
    // RFC 9110 §8.4.1.3: x-gzip is gzip. The first mention of a coding counts.
    if (iequals(name, coding) || (coding == "gzip" && iequals(name, "x-gzip"))) {
      if (named < 0) named = element_quality(parameters);
    } else if (name == "*" && any < 0) {
      any = element_quality(parameters);
    }
  }
  return named >= 0 ? named : std::max(any, 0);
}

std::string gzip(std::string_view bytes) {
  thread_local Deflater deflater;
  return deflater.gzip(bytes);
}

void compress_response(const Request& request, Response& response) {
  if (response.file_path || response.body.size() < kCompressFromBytes ||
      !compressible(response.content_type) || has_header(response, "Content-Encoding"))
    return;
  // A response that opens or ends a session carries its secrets; next to text an attacker chose, the length
  // of its compressed form would give them away (BREACH), so it stays plain.
  if (has_header(response, "Set-Cookie")) return;
  response.set_header("Vary", "Accept-Encoding");
  if (coding_quality(request.header("accept-encoding"), "gzip") == 0) return;
  response.body = gzip(response.body);
  response.set_header("Content-Encoding", "gzip");
}

}  // namespace rw::http
