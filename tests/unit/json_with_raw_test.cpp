// A JSON answer with a member kept already serialized reads exactly as if the member had been serialized with
// it.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "platform/json_with_raw.hpp"

namespace {

TEST(JsonWithRaw, SerializesAsTheWholeValueWould) {
  const nlohmann::json body = {{"sections", {{{"id", "噪声"}, {"items", {1, 2.5, nullptr, "a\"b"}}}}}};
  const nlohmann::json value = {{"id", 7},
                                {"answers", nlohmann::json::array()},
                                {"template", {{"code", "noise"}, {"version", 2}}},
                                {"zone", "最后"}};
  auto whole = value;
  whole["template"]["body"] = body;
  const rw::JsonWithRaw answer{value, "template", "body",
                               std::make_shared<const std::string>(rw::api_dump(body))};
  EXPECT_EQ(rw::api_dump(answer), rw::api_dump(whole));
  EXPECT_EQ(nlohmann::json::parse(rw::api_dump(answer)), whole);
  EXPECT_EQ(rw::whole(answer), whole);
}

TEST(JsonWithRaw, TheRawMemberTakesItsPlaceAmongTheOthers) {
  // "body" sorts before "code": the raw text is written first, where the whole value has it.
  const nlohmann::json value = {{"template", {{"code", "c"}, {"aaa", 1}}}};
  const rw::JsonWithRaw answer{value, "template", "body", std::make_shared<const std::string>("[1]")};
  EXPECT_EQ(rw::api_dump(answer), R"({"template":{"aaa":1,"body":[1],"code":"c"}})");
  const rw::JsonWithRaw last{value, "template", "zz", std::make_shared<const std::string>("{}")};
  EXPECT_EQ(rw::api_dump(last), R"({"template":{"aaa":1,"code":"c","zz":{}}})");
  auto holding = value;
  holding["template"]["body"] = "written over";
  const rw::JsonWithRaw present{holding, "template", "body", std::make_shared<const std::string>("2")};
  EXPECT_EQ(rw::api_dump(present), R"({"template":{"aaa":1,"body":2,"code":"c"}})");
}

}  // namespace
