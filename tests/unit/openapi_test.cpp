// The OpenAPI document describes every route the server has, and nothing it lacks.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "app/api.hpp"
#include "platform/embedded.hpp"
#include "test_database.hpp"

TEST(OpenApi, DocumentsEveryRouteAndNoOthers) {
  auto database = rw::db::Database::open(rw::testing::fresh_database_url(), 1);
  rw::SystemClock clock;
  rw::app::Api api(*database, clock, {}, "/nonexistent");
  auto doc = nlohmann::json::parse(rw::embedded::openapi_json());
  ASSERT_EQ(doc["openapi"].get<std::string>().substr(0, 2), "3.");
  std::size_t documented = 0;
  for (const auto& [path, item] : doc["paths"].items())
    for (const auto& [method, op] : item.items())
      if (method != "parameters") ++documented;
  const auto routes = api.routes();
  for (const auto& route : routes) {
    std::string path = route.pattern.substr(std::string("/api/v1").size());
    std::string method = route.method;
    std::transform(method.begin(), method.end(), method.begin(), ::tolower);
    EXPECT_TRUE(doc["paths"].contains(path) && doc["paths"][path].contains(method))
        << route.method << " " << route.pattern << " is not in api/openapi.json";
  }
  EXPECT_EQ(documented, routes.size()) << "api/openapi.json documents operations the server does not have";
}
