#pragma once
// Pure rules of outbound webhooks (issue 12): which URLs a subscription may name and which addresses a
// delivery may reach (no request of ours may be turned against the server's own network: issue 14),
// which events a subscription takes, when a failed delivery is tried again, and the signature a
// receiver checks.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/clock.hpp"

namespace rw::webhooks {

// A subscription's URL taken apart.
struct Target {
  bool tls = true;
  std::string host;  // a name or an IP literal (IPv6 without brackets)
  std::string port;  // "443" when not written
  std::string path;  // path and query, at least "/"
};

// Why a URL cannot be a subscription's, as a field error code with its messages.
struct UrlRefusal {
  std::string code;
  std::string zh;
  std::string en;
};

// Only `https://` URLs to public hosts, without user information or fragments, at most 2000 characters.
// `loopback_http` (serve --webhook-loopback-http, for tests and development only) also admits
// `http://127.0.0.1[:port]/…`, and nothing else that is private.
std::optional<UrlRefusal> check_url(std::string_view url, bool loopback_http);
// The parts of a URL check_url accepted.
Target parse_target(std::string_view url);

// Whether an address a host name resolved to may be connected to: a public unicast address; 127.0.0.1 too
// with `loopback_http` (an `http` URL alone). Text as inet_ntop writes it; anything unreadable is refused.
bool may_connect(std::string_view address, bool loopback_http);
// A public unicast address: not private, loopback, link-local, shared (CGNAT), multicast, documentation,
// benchmarking, reserved or unspecified, nor such an IPv4 address mapped into or embedded in IPv6.
bool is_public_address(std::string_view address);

// "*" or `<object_type>.<action>` out of the known ones; a subscription's list has no duplicates.
bool takes_event(const std::vector<std::string>& subscribed, std::string_view type);

// The wait before the next attempt after `attempts` failed ones (1 min, 5 min, 30 min, 2 h, 12 h);
// none after the sixth: the delivery has failed.
std::optional<Seconds> retry_delay(std::int64_t attempts);
// An answer in 200–299 delivers the event; anything else (and no answer) is tried again.
inline bool delivered(int status_code) { return status_code >= 200 && status_code < 300; }

// "sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" keyed with the secret>", the X-Riskwatch-Signature.
std::string signature(std::string_view secret, std::string_view timestamp, std::string_view body);
// A new secret: 32 random bytes as 64 hexadecimal characters.
std::string new_secret();

}  // namespace rw::webhooks
