#pragma once
// Method + path-pattern routing with `{name}` parameters. Literal segments win over parameters,
// so `/users/me` beats `/users/{id}`. A path that matches with another method gives 405 + Allow.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rw::http {

class PathParams {
 public:
  void add(std::string name, std::string value) { values_.emplace_back(std::move(name), std::move(value)); }
  // The parameter's text; throws std::out_of_range for a name the route does not have.
  const std::string& text(std::string_view name) const;

 private:
  std::vector<std::pair<std::string, std::string>> values_;
};

// Matches one pattern against a path; the score counts literal segments (higher is more specific).
std::optional<int> match_pattern(std::string_view pattern, std::string_view path, PathParams& params);

struct RouteInfo {
  std::string method;
  std::string pattern;
};

template <class Handler>
class Router {
 public:
  enum class Outcome { found, not_found, method_not_allowed };

  struct Match {
    Outcome outcome = Outcome::not_found;
    const Handler* handler = nullptr;
    PathParams params;
    std::string pattern;
    std::string allow;  // for 405
  };

  void add(std::string method, std::string pattern, Handler handler) {
    routes_.push_back({{std::move(method), std::move(pattern)}, std::move(handler)});
  }

  // The match points into the router's routes: a temporary router would leave it dangling.
  Match match(std::string_view method, std::string_view path) const&& = delete;
  Match match(std::string_view method, std::string_view path) const& {
    Match best;
    int best_score = -1;
    std::string allow;
    for (const auto& route : routes_) {
      PathParams params;
      auto score = match_pattern(route.info.pattern, path, params);
      if (!score) continue;
      if (route.info.method != method) {
        if (allow.find(route.info.method) == std::string::npos)
          allow += (allow.empty() ? "" : ", ") + route.info.method;
        continue;
      }
      if (*score > best_score) {
        best_score = *score;
        best.outcome = Outcome::found;
        best.handler = &route.handler;
        best.params = std::move(params);
        best.pattern = route.info.pattern;
      }
    }
    if (best.outcome != Outcome::found && !allow.empty()) {
      best.outcome = Outcome::method_not_allowed;
      best.allow = allow;
    }
    return best;
  }

  std::vector<RouteInfo> routes() const {
    std::vector<RouteInfo> out;
    for (const auto& route : routes_) out.push_back(route.info);
    return out;
  }
  template <class Visit>
  void for_each(Visit&& visit) const {
    for (const auto& route : routes_) visit(route.info, route.handler);
  }

 private:
  struct Route {
    RouteInfo info;
    Handler handler;
  };
  std::vector<Route> routes_;
};

}  // namespace rw::http
