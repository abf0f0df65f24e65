#include "webhooks/webhook_rules.hpp"

#include <arpa/inet.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>

#include "platform/text.hpp"

namespace rw::webhooks {
namespace {

constexpr std::size_t kMaxUrlChars = 2000;
constexpr std::int64_t kRetryDelays[] = {60, 5 * 60, 30 * 60, 2 * 3600, 12 * 3600};

using V4 = std::array<unsigned char, 4>;
using V6 = std::array<unsigned char, 16>;

bool parse_v4(std::string_view text, V4& out) {
  return inet_pton(AF_INET, std::string(text).c_str(), out.data()) == 1;
}
bool parse_v6(std::string_view text, V6& out) {
  return inet_pton(AF_INET6, std::string(text).c_str(), out.data()) == 1;
}

// RFC 6890's special-purpose IPv4 blocks, and multicast and reserved above 224.0.0.0.
bool public_v4(const unsigned char* a) {
  return !(a[0] == 0 || a[0] == 10 || a[0] == 127 || (a[0] == 100 && (a[1] & 0xC0) == 64) ||
           (a[0] == 169 && a[1] == 254) || (a[0] == 172 && (a[1] & 0xF0) == 16) ||
           (a[0] == 192 && a[1] == 0 && (a[2] == 0 || a[2] == 2)) || (a[0] == 192 && a[1] == 168) ||
           (a[0] == 198 && (a[1] & 0xFE) == 18) || (a[0] == 198 && a[1] == 51 && a[2] == 100) ||
           (a[0] == 203 && a[1] == 0 && a[2] == 113) || a[0] >= 224);
}

// Global unicast (2000::/3) only, less documentation (2001:db8::/32) and Teredo (2001::/32); an IPv4 address
// mapped (::ffff:0:0/96) or carried by 6to4 (2002::/16) counts as that IPv4 address.
bool public_v6(const V6& a) {
  if (std::all_of(a.begin(), a.begin() + 10, [](unsigned char b) { return b == 0; }) && a[10] == 0xFF &&
      a[11] == 0xFF)
    return public_v4(&a[12]);
  if ((a[0] & 0xE0) != 0x20) return false;
  if (a[0] == 0x20 && a[1] == 0x01 && ((a[2] == 0x0D && a[3] == 0xB8) || (a[2] == 0 && a[3] == 0)))
    return false;
  if (a[0] == 0x20 && a[1] == 0x02) return public_v4(&a[2]);
  return true;
}

bool host_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.'; }

// A name whose last label is a number is an address in another spelling ("127.1", "0x7f.1"), which a
// resolver would read as one: only the dotted quad is taken, as an address.
bool numeric_spelling(std::string_view host) {
  auto last = host.substr(host.rfind('.') == std::string_view::npos ? 0 : host.rfind('.') + 1);
  if (last.empty()) return false;
  return std::isdigit(static_cast<unsigned char>(last[0])) != 0;
}

UrlRefusal invalid() {
  return {"url_invalid", "网址格式不正确（例如 https://example.com/hooks）",
          "not a valid URL (e.g. https://example.com/hooks)"};
}
UrlRefusal https_required() { return {"https_required", "只能使用 https 网址", "the URL must use https"}; }
UrlRefusal private_address() {
  return {"private_address", "不能发送到内网、本机或保留地址",
          "private, loopback and reserved addresses are refused"};
}

struct Parts {
  std::string scheme, host, port, path;
  bool bracketed = false;
};

std::optional<Parts> split(std::string_view url) {
  Parts parts;
  const auto colon = url.find("://");
  if (colon == std::string_view::npos) return std::nullopt;
  for (char c : url.substr(0, colon))
    parts.scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto rest = url.substr(colon + 3);
  const auto end = rest.find_first_of("/?");
  auto authority = rest.substr(0, end);
  parts.path = end == std::string_view::npos ? "/" : std::string(rest.substr(end));
  if (parts.path[0] == '?') parts.path.insert(0, "/");
  if (authority.find('@') != std::string_view::npos) return std::nullopt;
  std::string_view port;
  if (!authority.empty() && authority[0] == '[') {
    const auto close = authority.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    parts.host = std::string(authority.substr(1, close - 1));
    parts.bracketed = true;
    auto after = authority.substr(close + 1);
    if (!after.empty() && (after[0] != ':' || after.size() == 1)) return std::nullopt;
    if (!after.empty()) port = after.substr(1);
  } else {
    const auto port_colon = authority.find(':');
    parts.host = std::string(authority.substr(0, port_colon));
    if (port_colon != std::string_view::npos) {
      port = authority.substr(port_colon + 1);
      if (port.empty()) return std::nullopt;
    }
  }
  if (!port.empty()) {
    if (port.size() > 5 ||
        !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return std::nullopt;
    const auto number = std::stoi(std::string(port));
    if (number < 1 || number > 65535) return std::nullopt;
    parts.port = std::to_string(number);
  }
  std::transform(parts.host.begin(), parts.host.end(), parts.host.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return parts;
}

}  // namespace

std::optional<UrlRefusal> check_url(std::string_view url, bool loopback_http) {
  if (url.size() > kMaxUrlChars)
    return UrlRefusal{"url_too_long", "网址不能超过 2000 个字符", "the URL is longer than 2000 characters"};
  if (!is_clean_text(url, false) || url.find_first_of(" #\\") != std::string_view::npos) return invalid();
  const auto parts = split(url);
  if (!parts || parts->host.empty()) return invalid();
  if (parts->scheme != "https" && parts->scheme != "http") return https_required();
  V4 v4;
  V6 v6;
  const bool is_v4 = !parts->bracketed && parse_v4(parts->host, v4);
  if (parts->bracketed && !parse_v6(parts->host, v6)) return invalid();
  if (parts->scheme == "http") {
    if (loopback_http && is_v4 && parts->host == "127.0.0.1") return std::nullopt;
    return https_required();
  }
  if (is_v4) return public_v4(v4.data()) ? std::nullopt : std::optional(private_address());
  if (parts->bracketed) return public_v6(v6) ? std::nullopt : std::optional(private_address());
  const std::string_view host = parts->host;
  if (!std::all_of(host.begin(), host.end(), host_name_char) || host.front() == '.' || host.front() == '-' ||
      host.find("..") != std::string_view::npos)
    return invalid();
  // Names that mean this machine or the local network, and single labels a resolver completes with its
  // own search domains.
  const auto bare = host.back() == '.' ? host.substr(0, host.size() - 1) : host;
  if (numeric_spelling(bare) || bare.find('.') == std::string_view::npos || bare == "localhost" ||
      bare.ends_with(".localhost") || bare.ends_with(".local") || bare.ends_with(".internal"))
    return private_address();
  return std::nullopt;
}

Target parse_target(std::string_view url) {
  const auto parts = split(url);
  if (!parts) return {};
  const bool tls = parts->scheme == "https";
  return {tls, parts->host, parts->port.empty() ? (tls ? "443" : "80") : parts->port, parts->path};
}

bool is_public_address(std::string_view address) {
  V4 v4;
  V6 v6;
  if (parse_v4(address, v4)) return public_v4(v4.data());
  if (parse_v6(address, v6)) return public_v6(v6);
  return false;
}

bool may_connect(std::string_view address, bool loopback_http) {
  return (loopback_http && address == "127.0.0.1") || is_public_address(address);
}

bool takes_event(const std::vector<std::string>& subscribed, std::string_view type) {
  return std::any_of(subscribed.begin(), subscribed.end(),
                     [&](const std::string& s) { return s == "*" || s == type; });
}

std::optional<Seconds> retry_delay(std::int64_t attempts) {
  if (attempts < 1 || attempts > static_cast<std::int64_t>(std::size(kRetryDelays))) return std::nullopt;
  return kRetryDelays[attempts - 1];
}

std::string signature(std::string_view secret, std::string_view timestamp, std::string_view body) {
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()), secret.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(timestamp.data()),
                                timestamp.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>("."), 1);
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(body.data()), body.size());
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_final(&state, mac);
  char hex[2 * sizeof mac + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return "sha256=" + std::string(hex);
}

std::string new_secret() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char hex[2 * sizeof bytes + 1];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return hex;
}

}  // namespace rw::webhooks
