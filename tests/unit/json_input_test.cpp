#include <gtest/gtest.h>

#include "platform/json_input.hpp"

using nlohmann::json;
using rw::ApiError;
using rw::Fields;

TEST(JsonInput, MalformedAndNonObjectBodiesAre400) {
  try {
    rw::parse_json_object("{\"a\":");
    FAIL();
  } catch (const ApiError& e) {
    EXPECT_EQ(e.kind, rw::ErrorKind::bad_request);
    EXPECT_EQ(e.code, "malformed_json");
  }
  try {
    rw::parse_json_object("[1,2]");
    FAIL();
  } catch (const ApiError& e) {
    EXPECT_EQ(e.code, "body_not_object");
  }
}

TEST(JsonInput, CollectsEveryFieldError) {
  json body = {
      {"name", 5}, {"parent_id", -1}, {"roles", {"admin", "wizard"}}, {"title", std::string(300, 'x')}};
  Fields fields(body);
  fields.required_text("name", 1, 50);
  fields.optional_id("parent_id");
  fields.optional_choices("roles", {"admin", "viewer"});
  fields.optional_text("title", 100);
  fields.required_text("missing", 1, 10);
  try {
    fields.finish();
    FAIL();
  } catch (const ApiError& e) {
    EXPECT_EQ(e.kind, rw::ErrorKind::invalid);
    ASSERT_EQ(e.errors.size(), 5u);
    EXPECT_EQ(e.errors[0].field, "name");
    EXPECT_EQ(e.errors[0].code, "wrong_type");
    EXPECT_EQ(e.errors[1].field, "parent_id");
    EXPECT_EQ(e.errors[2].code, "invalid_choice");
    EXPECT_EQ(e.errors[3].code, "too_long");
    EXPECT_EQ(e.errors[4].code, "required");
  }
}

TEST(JsonInput, CountsChineseCharactersNotBytes) {
  json body = {{"name", "  无锡市生态环境局  "}};
  Fields fields(body);
  EXPECT_EQ(fields.required_text("name", 1, 8), "无锡市生态环境局");
  EXPECT_TRUE(fields.ok());
  Fields strict(body);
  strict.required_text("name", 1, 7);
  EXPECT_FALSE(strict.ok());
}

TEST(JsonInput, PageLimits) {
  EXPECT_EQ(rw::parse_page({}).limit, 50);
  EXPECT_EQ(rw::parse_page({{"limit", "200"}, {"offset", "10"}}).offset, 10);
  EXPECT_THROW(rw::parse_page({{"limit", "201"}}), ApiError);
  EXPECT_THROW(rw::parse_page({{"limit", "0"}}), ApiError);
  EXPECT_THROW(rw::parse_page({{"offset", "-1"}}), ApiError);
  EXPECT_THROW(rw::parse_page({{"limit", "ten"}}), ApiError);
}

TEST(Fields, AmountsAreFenWithAtMostTwoDecimals) {
  nlohmann::json body = {{"a", 12345.67}, {"b", 0.1}, {"c", 1.005}, {"d", -1}, {"e", "12"}, {"f", 30000}};
  rw::Fields fields(body);
  EXPECT_EQ(fields.optional_amount_fen("a"), 1234567);
  EXPECT_EQ(fields.optional_amount_fen("b"), 10);
  EXPECT_EQ(fields.optional_amount_fen("f"), 3000000);
  EXPECT_EQ(fields.optional_amount_fen("c"), std::nullopt);
  EXPECT_EQ(fields.optional_amount_fen("d"), std::nullopt);
  EXPECT_EQ(fields.optional_amount_fen("e"), std::nullopt);
  EXPECT_EQ(fields.optional_amount_fen("missing"), std::nullopt);
  ASSERT_EQ(fields.errors().size(), 3u);
  EXPECT_EQ(fields.errors()[0].code, "too_precise");
  EXPECT_EQ(fields.errors()[1].code, "out_of_range");
  EXPECT_EQ(fields.errors()[2].code, "wrong_type");
}

TEST(Fields, DatesNumbersAndTextLists) {
  nlohmann::json body = {{"d", "2026-02-28"},   {"bad_d", "2026-02-30"},     {"n", 31.5},
                         {"far", 200},          {"l", {" 水 ", "水", "气"}}, {"bad_l", {"ok", ""}},
                         {"long_l", {"一二三"}}};
  rw::Fields fields(body);
  EXPECT_EQ(fields.optional_date("d"), "2026-02-28");
  EXPECT_EQ(fields.optional_date("bad_d"), std::nullopt);
  EXPECT_EQ(fields.optional_number("n", 3, 54), 31.5);
  EXPECT_EQ(fields.optional_number("far", 3, 54), std::nullopt);
  EXPECT_EQ(fields.optional_texts("l", 5, 10), (std::vector<std::string>{"水", "气"}));
  EXPECT_EQ(fields.optional_texts("bad_l", 5, 10), std::nullopt);
  EXPECT_EQ(fields.optional_texts("long_l", 5, 2), std::nullopt);
  std::vector<std::string> codes;
  for (const auto& e : fields.errors()) codes.push_back(e.field + ":" + e.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"bad_d:invalid_date", "far:out_of_range", "bad_l:invalid_item",
                                             "long_l:invalid_item"}));
}

TEST(Fields, IntegersAreWholeAndInRange) {
  nlohmann::json body = {{"days", 5},       {"zero", 0},   {"negative", -1},
                         {"fraction", 2.5}, {"text", "3"}, {"huge", 18446744073709551615ULL}};
  rw::Fields fields(body);
  EXPECT_EQ(fields.optional_integer("days", 0, 60), 5);
  EXPECT_EQ(fields.optional_integer("zero", 0, 60), 0);
  EXPECT_EQ(fields.optional_integer("absent", 0, 60), std::nullopt);
  EXPECT_EQ(fields.optional_integer("negative", 0, 60), std::nullopt);
  EXPECT_EQ(fields.optional_integer("fraction", 0, 60), std::nullopt);
  EXPECT_EQ(fields.optional_integer("text", 0, 60), std::nullopt);
  EXPECT_EQ(fields.optional_integer("huge", -5, 60), std::nullopt);
  std::vector<std::string> codes;
  for (const auto& e : fields.errors()) codes.push_back(e.field + ":" + e.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"negative:out_of_range", "fraction:wrong_type",
                                             "text:wrong_type", "huge:out_of_range"}));
}

namespace {

// {"a": [[…]]}: the object and `arrays` arrays, so `arrays` + 1 levels deep.
std::string nested_body(std::size_t arrays, const std::string& before = "") {
  return "{" + before + "\"a\":" + std::string(arrays, '[') + std::string(arrays, ']') + "}";
}

std::string error_code(const std::string& body) {
  try {
    rw::parse_json_object(body);
    return "";
  } catch (const ApiError& e) {
    return e.code;
  }
}

}  // namespace

TEST(JsonInput, RefusesNestingDeeperThan64BeforeParsing) {
  EXPECT_EQ(error_code(nested_body(63)), "");
  try {
    rw::parse_json_object(nested_body(64));
    FAIL();
  } catch (const ApiError& e) {
    EXPECT_EQ(e.kind, rw::ErrorKind::bad_request);
    EXPECT_EQ(e.code, "json_too_deep");
    EXPECT_NE(e.detail.find("64"), std::string::npos);
    EXPECT_NE(e.detail_en.find("64"), std::string::npos);
  }
  // Refused before parsing: the body is not even valid JSON.
  EXPECT_EQ(error_code(std::string(1'000'000, '[')), "json_too_deep");
}

TEST(JsonInput, DepthIgnoresBracketsInStringsAndHonoursEscapes) {
  EXPECT_EQ(error_code("{\"a\":\"" + std::string(100, '[') + "\"}"), "");
  EXPECT_EQ(error_code("{\"a\":\"\\\"" + std::string(100, '{') + "\"}"), "");  // "\"{{{…"
  // "\\" ends its string, so the brackets after it count.
  EXPECT_EQ(error_code(nested_body(64, "\"b\":\"\\\\\",")), "json_too_deep");
  EXPECT_EQ(error_code(nested_body(63, "\"b\":\"\\\\\",")), "");
}
