// A deeply nested JSON body is refused before it is parsed: quickly, and without building a DOM of it.
#include <chrono>

#include "harness.hpp"

using namespace rw::testing;

namespace {

class JsonDepthApi : public ApiTest {};

}  // namespace

TEST_F(JsonDepthApi, TenMegabytesOfOpeningBracketsAre400Quickly) {
  auto admin = as("demo-admin");
  const auto started = std::chrono::steady_clock::now();
  auto deep = admin.post_raw("/enterprises", std::string(10'000'000, '['), "application/json");
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_EQ(deep.status, 400);
  EXPECT_EQ(deep.json()["code"], "json_too_deep");
  EXPECT_FALSE(deep.json()["detail"].get<std::string>().empty());
  EXPECT_LT(seconds, 5.0);  // a linear scan; parsing it into nested arrays took several seconds
  // A body nested 64 levels deep still gets to validation (422, not 400).
  std::string nested =
      R"({"name": "无锡市嵌套测试有限公司", "tags": )" + std::string(63, '[') + std::string(63, ']') + "}";
  EXPECT_EQ(admin.post_raw("/enterprises", nested, "application/json").status, 422);
}
