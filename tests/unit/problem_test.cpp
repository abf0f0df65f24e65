#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "platform/http/problem.hpp"

using nlohmann::json;

TEST(Problem, CarriesCodeMessagesAndFieldErrors) {
  rw::ApiError error = rw::validation_failed({{"username", "required", "必填", "is required"}});
  auto response = rw::http::problem_response(error);
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response.content_type, "application/problem+json");
  auto body = json::parse(response.body);
  EXPECT_EQ(body["type"], "/problems/validation_failed");
  EXPECT_EQ(body["title"], "Unprocessable Entity");
  EXPECT_EQ(body["status"], 422);
  EXPECT_EQ(body["code"], "validation_failed");
  EXPECT_FALSE(body["detail"].get<std::string>().empty());
  EXPECT_FALSE(body["detail_en"].get<std::string>().empty());
  ASSERT_EQ(body["errors"].size(), 1u);
  EXPECT_EQ(body["errors"][0]["field"], "username");
  EXPECT_EQ(body["errors"][0]["code"], "required");
  EXPECT_EQ(body["errors"][0]["message"], "必填");
}

TEST(Problem, StandardErrorsMapToTheirStatus) {
  EXPECT_EQ(rw::http::problem_response(rw::not_found()).status, 404);
  EXPECT_EQ(rw::http::problem_response(rw::forbidden()).status, 403);
  EXPECT_EQ(rw::http::problem_response(rw::unauthenticated()).status, 401);
  EXPECT_EQ(rw::http::problem_response(rw::conflict("duplicate_x", "重复", "duplicate")).status, 409);
  auto bad = json::parse(rw::http::problem_response(rw::bad_request("malformed_json", "坏", "bad")).body);
  EXPECT_EQ(bad["status"], 400);
  EXPECT_EQ(bad["code"], "malformed_json");
  EXPECT_TRUE(bad["errors"].is_array());
}

TEST(Problem, InternalErrorNamesOnlyTheRequestId) {
  auto response = rw::http::internal_error_response("abc123");
  EXPECT_EQ(response.status, 500);
  auto body = json::parse(response.body);
  EXPECT_EQ(body["code"], "internal_error");
  EXPECT_NE(body["detail"].get<std::string>().find("abc123"), std::string::npos);
}
