#include "platform/http/router.hpp"

#include <stdexcept>

namespace rw::http {

const std::string& PathParams::text(std::string_view name) const {
  for (const auto& [key, value] : values_)
    if (key == name) return value;
  throw std::out_of_range("no path parameter " + std::string(name));
}

std::optional<std::vector<std::string_view>> path_segments(std::string_view path) {
  if (path.empty() || path.front() != '/') return std::nullopt;
  std::vector<std::string_view> out;
  for (std::size_t start = 1;;) {
    const auto end = path.find('/', start);
    out.push_back(path.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

PathPattern::PathPattern(std::string_view pattern) {
  const auto segments = path_segments(pattern);
  if (!segments) throw std::invalid_argument("a route's pattern starts with '/': " + std::string(pattern));
  for (const auto segment : *segments) {
    const bool parameter = segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
    segments_.push_back(
        {std::string(parameter ? segment.substr(1, segment.size() - 2) : segment), parameter});
    literals_ += parameter ? 0 : 1;
  }
}

std::optional<int> PathPattern::match(const std::vector<std::string_view>& path) const {
  if (path.size() != segments_.size()) return std::nullopt;
  for (std::size_t i = 0; i < path.size(); ++i) {
    const auto& want = segments_[i];
    if (want.parameter ? path[i].empty() : path[i] != want.text) return std::nullopt;
  }
  return literals_;
}

PathParams PathPattern::params(const std::vector<std::string_view>& path) const {
  PathParams out;
  for (std::size_t i = 0; i < segments_.size() && i < path.size(); ++i)
    if (segments_[i].parameter) out.add(segments_[i].text, std::string(path[i]));
  return out;
}

}  // namespace rw::http
