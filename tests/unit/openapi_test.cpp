// The OpenAPI document describes every route the server has, and nothing it lacks.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "accounts/actor.hpp"
#include "app/api.hpp"
#include "platform/embedded.hpp"
#include "platform/files/directory_store.hpp"
#include "test_database.hpp"

TEST(OpenApi, DocumentsEveryRouteAndNoOthers) {
  auto database = rw::db::Database::open(rw::testing::fresh_database_url(), 1);
  rw::SystemClock clock;
  rw::files::DirectoryStore files(rw::testing::make_temp_dir());
  rw::app::Api api(*database, clock, {}, files, "/nonexistent");
  auto doc = nlohmann::json::parse(rw::embedded::openapi_json());
  ASSERT_EQ(doc["openapi"].get<std::string>().substr(0, 2), "3.");
  std::size_t documented = 0;
  for (const auto& [path, item] : doc["paths"].items())
    for (const auto& [method, op] : item.items())
      if (method != "parameters") ++documented;
  const auto routes = api.declared_routes();
  ASSERT_FALSE(routes.empty());
  for (const auto& [route, permission] : routes) {
    std::string path = route.pattern.substr(std::string("/api/v1").size());
    std::string method = route.method;
    std::transform(method.begin(), method.end(), method.begin(), ::tolower);
    EXPECT_TRUE(doc["paths"].contains(path) && doc["paths"][path].contains(method))
        << route.method << " " << route.pattern << " is not in api/openapi.json";
  }
  EXPECT_EQ(documented, routes.size()) << "api/openapi.json documents operations the server does not have";
}

// Every route says what it needs when it is registered: a permission code some role has, or one of the
// two markers. A route added without one fails here.
TEST(RoutePermissions, EveryRouteDeclaresAKnownPermission) {
  auto database = rw::db::Database::open(rw::testing::fresh_database_url(), 1);
  rw::SystemClock clock;
  rw::files::DirectoryStore files(rw::testing::make_temp_dir());
  rw::app::Api api(*database, clock, {}, files, "/nonexistent");
  // Every permission any user can hold: each role in each organization type, and the platform admin.
  std::set<std::string> grantable;
  for (const auto& type : rw::accounts::kOrgTypes)
    for (const auto& role : rw::accounts::kRoles) {
      rw::accounts::Actor user;
      user.org_type = type;
      user.roles = {role};
      for (auto& code : rw::accounts::permissions_for(user)) grantable.insert(code);
    }
  const auto routes = api.declared_routes();
  ASSERT_GT(routes.size(), 50u);
  std::set<std::string> public_routes;
  for (const auto& [route, permission] : routes) {
    const bool marker = permission == rw::api::kPublic || permission == rw::api::kSignedIn;
    EXPECT_TRUE(marker || grantable.count(permission))
        << route.method << " " << route.pattern << " declares '" << permission << "'";
    if (permission == rw::api::kPublic) public_routes.insert(route.method + " " + route.pattern);
  }
  // Exactly these answer without a session (the probes, and /metrics, which checks its caller itself:
  // loopback or its token).
  EXPECT_EQ(public_routes,
            (std::set<std::string>{"GET /api/v1/health", "GET /api/v1/livez", "GET /api/v1/readyz",
                                   "GET /api/v1/metrics", "GET /api/v1/openapi.json",
                                   "POST /api/v1/auth/login", "POST /api/v1/auth/logout"}));
}
