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

// A path's segments between its slashes ("/a/b/" is "a", "b", ""); nothing when it does not start with one.
std::optional<std::vector<std::string_view>> path_segments(std::string_view path);

// A route's pattern, split into its segments once: each a literal or a `{name}` parameter.
class PathPattern {
 public:
  explicit PathPattern(std::string_view pattern);
  // The number of literal segments (higher is more specific) when the path's segments match.
  std::optional<int> match(const std::vector<std::string_view>& path) const;
  // The parameters' values in a path that matches.
  PathParams params(const std::vector<std::string_view>& path) const;

 private:
  struct Segment {
    std::string text;  // the literal, or the parameter's name
    bool parameter = false;
  };
  std::vector<Segment> segments_;
  int literals_ = 0;
};

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
    PathPattern compiled(pattern);
    routes_.push_back({{std::move(method), std::move(pattern)}, std::move(compiled), std::move(handler)});
  }

  // The match points into the router's routes: a temporary router would leave it dangling.
  Match match(std::string_view method, std::string_view path) const&& = delete;
  Match match(std::string_view method, std::string_view path) const& {
    Match best;
    const auto segments = path_segments(path);
    if (!segments) return best;
    // The path is split once and compared with each route's segments; only the chosen route's parameters are
    // copied out (every request is routed, /health included).
    const Route* chosen = nullptr;
    int best_score = -1;
    std::string allow;
    for (const auto& route : routes_) {
      auto score = route.compiled.match(*segments);
      if (!score) continue;
      if (route.info.method != method) {
        if (allow.find(route.info.method) == std::string::npos)
          allow += (allow.empty() ? "" : ", ") + route.info.method;
        continue;
      }
      if (*score > best_score) {
        best_score = *score;
        chosen = &route;
      }
    }
    if (chosen) {
      best.outcome = Outcome::found;
      best.handler = &chosen->handler;
      best.params = chosen->compiled.params(*segments);
      best.pattern = chosen->info.pattern;
    } else if (!allow.empty()) {
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
    PathPattern compiled;
    Handler handler;
  };
  std::vector<Route> routes_;
};

}  // namespace rw::http
