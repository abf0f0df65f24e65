// Requests that make large files run a few at a time (platform/heavy_work.hpp): one more is refused at once
// with 503 server_busy and a Retry-After, and a place freed is free for the next.
#include <gtest/gtest.h>

#include <optional>

#include "platform/errors.hpp"
#include "platform/heavy_work.hpp"
#include "platform/http/problem.hpp"

using namespace rw;

namespace {

std::string header(const http::Response& response, const std::string& name) {
  for (const auto& [key, value] : response.headers)
    if (key == name) return value;
  return "";
}

}  // namespace

class HeavyWorkLimit : public ::testing::Test {
 protected:
  void SetUp() override {
    kept_ = heavy_work_limit();
    set_heavy_work_limit(2);
  }
  void TearDown() override { set_heavy_work_limit(kept_); }

 private:
  std::size_t kept_ = 0;
};

TEST_F(HeavyWorkLimit, OneMoreThanTheLimitIsToldToComeBack) {
  std::optional<HeavyWork> first, second;
  first.emplace();
  second.emplace();
  try {
    const HeavyWork third;
    FAIL() << "a third ran beside two";
  } catch (const ApiError& refused) {
    EXPECT_EQ(refused.kind, ErrorKind::unavailable);
    EXPECT_EQ(refused.code, "server_busy");
    EXPECT_EQ(refused.detail, "服务器正在生成其他大文件，请稍后重试");
    const auto response = http::problem_response(refused);
    EXPECT_EQ(response.status, 503);
    EXPECT_EQ(header(response, "Retry-After"), "2");
  }
  // The refused one took no place: one freed lets exactly one more in.
  second.reset();
  std::optional<HeavyWork> again;
  EXPECT_NO_THROW(again.emplace());
  EXPECT_THROW(HeavyWork{}, ApiError);
}

TEST_F(HeavyWorkLimit, AnAnswerWithoutRetryAfterHasNone) {
  const auto response = http::problem_response(not_found());
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(header(response, "Retry-After"), "");
}
