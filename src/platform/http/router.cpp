#include "platform/http/router.hpp"

#include <stdexcept>

namespace rw::http {

const std::string& PathParams::text(std::string_view name) const {
  for (const auto& [key, value] : values_)
    if (key == name) return value;
  throw std::out_of_range("no path parameter " + std::string(name));
}

std::optional<int> match_pattern(std::string_view pattern, std::string_view path, PathParams& params) {
  int literals = 0;
  std::size_t p = 0, q = 0;
  while (p < pattern.size() && q < path.size()) {
    if (pattern[p] != '/' || path[q] != '/') return std::nullopt;
    ++p;
    ++q;
    const auto p_end = std::min(pattern.find('/', p), pattern.size());
    const auto q_end = std::min(path.find('/', q), path.size());
    std::string_view want = pattern.substr(p, p_end - p);
    std::string_view got = path.substr(q, q_end - q);
    if (want.size() > 2 && want.front() == '{' && want.back() == '}') {
      if (got.empty()) return std::nullopt;
      params.add(std::string(want.substr(1, want.size() - 2)), std::string(got));
    } else if (want == got) {
      ++literals;
    } else {
      return std::nullopt;
    }
    p = p_end;
    q = q_end;
  }
  if (p != pattern.size() || q != path.size()) return std::nullopt;
  return literals;
}

}  // namespace rw::http
