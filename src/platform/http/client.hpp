#pragma once
// An outbound HTTP/1.1 POST over Boost.Beast, with TLS through OpenSSL (the peer's certificate is verified
// against the system's CA store and the host name). All Beast/Asio code of the client lives in client.cpp.
//
// The caller decides which addresses may be reached: the host name is resolved here and only the
// addresses `may_connect` accepts are connected to, so a name that resolves to an internal address is not
// followed (the check happens after resolution, on the address actually used). Redirects are not followed.
#include <chrono>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace rw::http {

struct OutboundPost {
  bool tls = true;
  std::string host;  // a name or an IP literal (IPv6 without brackets)
  std::string port;
  std::string target;  // path and query
  std::vector<std::pair<std::string, std::string>> headers;
  std::string content_type = "application/json";
  std::string body;
  std::chrono::milliseconds timeout{
      10'000};  // for the whole exchange: resolve, connect, handshake, write, read
  std::function<bool(const std::string& address)> may_connect;
};

struct OutboundResult {
  int status = 0;  // the response's status; 0 when none arrived
  std::string
      error;  // why none arrived (timeout, refused, certificate, address not allowed); empty otherwise
};

// Never throws: a failure is the result's error.
OutboundResult post(const OutboundPost& request);

}  // namespace rw::http
