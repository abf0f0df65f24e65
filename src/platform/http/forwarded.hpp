#pragma once
// The client behind a reverse proxy. X-Forwarded-For and X-Forwarded-Proto are believed only when the
// peer is a configured trusted proxy; from anyone else they are attacker-chosen text.
#include <string>
#include <vector>

namespace rw::http {

struct Forwarded {
  std::string client_address;
  bool https = false;
};

// `forwarded_for` is the header's value ("client, proxy1, proxy2"); the client is the right-most address
// that is not itself a trusted proxy.
Forwarded resolve_forwarded(const std::string& peer, const std::string& forwarded_for,
                            const std::string& forwarded_proto,
                            const std::vector<std::string>& trusted_proxies);

}  // namespace rw::http
