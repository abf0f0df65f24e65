#include "platform/http/forwarded.hpp"

#include <algorithm>

#include "platform/text.hpp"

namespace rw::http {
namespace {

bool trusted(const std::string& address, const std::vector<std::string>& proxies) {
  return std::find(proxies.begin(), proxies.end(), address) != proxies.end();
}

}  // namespace

Forwarded resolve_forwarded(const std::string& peer, const std::string& forwarded_for,
                            const std::string& forwarded_proto,
                            const std::vector<std::string>& trusted_proxies) {
  Forwarded out{peer, false};
  if (!trusted(peer, trusted_proxies)) return out;
  out.https = trim(forwarded_proto) == "https";
  std::string rest = forwarded_for;
  while (!rest.empty()) {
    const auto comma = rest.rfind(',');
    const std::string hop = trim(comma == std::string::npos ? rest : rest.substr(comma + 1));
    rest = comma == std::string::npos ? std::string() : rest.substr(0, comma);
    if (hop.empty()) continue;
    out.client_address = hop;
    if (!trusted(hop, trusted_proxies)) break;
  }
  return out;
}

}  // namespace rw::http
