#pragma once
// Content codings (RFC 9110 §8.4, §12.5.3): what a client's Accept-Encoding allows, and gzip for the JSON
// the API answers. Static files come precompressed from the web build (static_files.cpp).
#include <string>
#include <string_view>

#include "platform/http/message.hpp"

namespace rw::http {

// How much `accept_encoding` wants `coding` ("gzip", "br"), in thousandths: 0 when it refuses it (q=0) or
// names neither it nor `*`. An empty header accepts no coding, so an old client gets plain bytes.
int coding_quality(std::string_view accept_encoding, std::string_view coding);

// The bytes as a gzip member (RFC 1952).
std::string gzip(std::string_view bytes);

// Gzips the response's body when it is compressible text of at least kCompressFromBytes, not compressed
// already, and the request accepts gzip; marks every such response `Vary: Accept-Encoding`.
inline constexpr std::size_t kCompressFromBytes = 1024;
void compress_response(const Request& request, Response& response);

}  // namespace rw::http
