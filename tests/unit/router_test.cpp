#include <gtest/gtest.h>

#include "platform/http/router.hpp"

using rw::http::PathParams;
using rw::http::Router;
using Outcome = Router<int>::Outcome;

namespace {

// Matches point into the router, so it lives as long as the test.
const Router<int>& sample() {
  static const Router<int> router = [] {
    Router<int> router;
    router.add("GET", "/api/v1/users", 1);
    router.add("POST", "/api/v1/users", 2);
    router.add("GET", "/api/v1/users/{id}", 3);
    router.add("GET", "/api/v1/users/me", 4);
    router.add("POST", "/api/v1/users/{id}/password", 5);
    router.add("GET", "/api/v1/orgs/{org}/users/{id}", 6);
    return router;
  }();
  return router;
}

}  // namespace

TEST(Router, MatchesLiteralPaths) {
  auto m = sample().match("GET", "/api/v1/users");
  ASSERT_EQ(m.outcome, Outcome::found);
  EXPECT_EQ(*m.handler, 1);
  EXPECT_EQ(*sample().match("POST", "/api/v1/users").handler, 2);
}

TEST(Router, ExtractsPathParameters) {
  auto m = sample().match("GET", "/api/v1/orgs/7/users/42");
  ASSERT_EQ(m.outcome, Outcome::found);
  EXPECT_EQ(*m.handler, 6);
  EXPECT_EQ(m.params.text("org"), "7");
  EXPECT_EQ(m.params.text("id"), "42");
  EXPECT_THROW(m.params.text("missing"), std::out_of_range);
}

TEST(Router, LiteralSegmentBeatsParameter) {
  EXPECT_EQ(*sample().match("GET", "/api/v1/users/me").handler, 4);
  EXPECT_EQ(*sample().match("GET", "/api/v1/users/5").handler, 3);
}

TEST(Router, UnknownPathIsNotFound) {
  EXPECT_EQ(sample().match("GET", "/api/v1/nothing").outcome, Outcome::not_found);
  EXPECT_EQ(sample().match("GET", "/api/v1/users/5/extra").outcome, Outcome::not_found);
  EXPECT_EQ(sample().match("GET", "/api/v1/users/").outcome, Outcome::not_found);  // empty parameter
  EXPECT_EQ(sample().match("GET", "").outcome, Outcome::not_found);
}

TEST(Router, WrongMethodListsAllowedMethods) {
  auto m = sample().match("DELETE", "/api/v1/users");
  EXPECT_EQ(m.outcome, Outcome::method_not_allowed);
  EXPECT_EQ(m.allow, "GET, POST");
  EXPECT_EQ(sample().match("GET", "/api/v1/users/5/password").allow, "POST");
}

TEST(Router, ListsRoutes) {
  auto routes = sample().routes();
  ASSERT_EQ(routes.size(), 6u);
  EXPECT_EQ(routes[2].method, "GET");
  EXPECT_EQ(routes[2].pattern, "/api/v1/users/{id}");
}

TEST(PathPattern, ScoresLiteralSegments) {
  using rw::http::path_segments, rw::http::PathPattern;
  const PathPattern pattern("/a/{x}/c");
  EXPECT_EQ(pattern.match(*path_segments("/a/b/c")), 2);
  EXPECT_EQ(pattern.params(*path_segments("/a/b/c")).text("x"), "b");
  EXPECT_FALSE(pattern.match(*path_segments("/a/b/d")).has_value());
  EXPECT_FALSE(pattern.match(*path_segments("/a//c")).has_value());  // an empty parameter
  EXPECT_FALSE(PathPattern("/a/{x}").match(*path_segments("/a")).has_value());
  EXPECT_FALSE(PathPattern("/a").match(*path_segments("/a/")).has_value());
  EXPECT_EQ(PathPattern("/").match(*path_segments("/")), 1);
}

TEST(PathPattern, SegmentsOfAPath) {
  using rw::http::path_segments;
  using Segments = std::vector<std::string_view>;
  EXPECT_EQ(*path_segments("/a/b/"), (Segments{"a", "b", ""}));
  EXPECT_EQ(*path_segments("/"), (Segments{""}));
  EXPECT_FALSE(path_segments("").has_value());
  EXPECT_FALSE(path_segments("a/b").has_value());
}
