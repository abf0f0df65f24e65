// Reading checklist templates: the JSON Schema and the rules beyond it, each fault named by its JSON path.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "forms/template.hpp"
#include "platform/errors.hpp"

namespace rw::forms {
namespace {

using nlohmann::json;

json good_template() {
  return json::parse(R"({
    "code": "t", "name": "测试表", "version": 1,
    "source": {"seed": "test", "place": "here"},
    "sections": [
      {"id": "a", "title": "甲", "items": [
        {"id": "a.na", "kind": "yes_no", "label": "是否涉及", "options": [
          {"value": "yes", "label": "涉及"}, {"value": "na", "label": "不涉及"}]},
        {"id": "a.permit", "kind": "single", "label": "许可证", "visible_if": {"answer": "a.na", "not_in": ["na"]},
         "options": [{"value": "ok", "label": "已办理"},
                     {"value": "missing", "label": "尚未办理",
                      "finding": {"category": "排污许可", "grade": "重大", "description": "无证排污"}}]}
      ], "sections": [
        {"id": "a.sub", "title": "乙", "items": [
          {"id": "a.sub.t", "kind": "table", "label": "表", "rows": [{"id": "so2", "label": "二氧化硫"}],
           "columns": [{"id": "src", "label": "来源", "kind": "text"}]}
        ]}
      ]}
    ]})");
}

// The JSON path an invalid template is refused with.
std::string refused_at(const json& body) {
  try {
    parse_template(body);
  } catch (const ApiError& e) {
    EXPECT_EQ(e.code, "invalid_template");
    EXPECT_EQ(e.kind, ErrorKind::invalid);
    if (e.errors.empty()) return "(no field)";
    return e.errors.front().field;
  }
  return "(accepted)";
}

TEST(FormTemplate, AGoodTemplateReadsAsATreeInDocumentOrder) {
  const auto form = parse_template(good_template());
  EXPECT_EQ(form.code, "t");
  ASSERT_EQ(form.sections.size(), 2u);
  EXPECT_EQ(form.sections[1].id, "a.sub");
  EXPECT_EQ(form.sections[1].parent, std::optional<std::size_t>(0));
  ASSERT_EQ(form.items.size(), 3u);
  EXPECT_EQ(form.items[2].id, "a.sub.t");
  EXPECT_EQ(form.items[2].section, 1u);
  const auto* missing = form.item("a.permit")->option("missing");
  ASSERT_NE(missing, nullptr);
  ASSERT_TRUE(missing->finding.has_value());
  EXPECT_EQ(missing->finding->grade, "major");
  EXPECT_EQ(missing->finding->description, "无证排污");
}

TEST(FormTemplate, SchemaViolationsNameTheirJsonPath) {
  auto body = good_template();
  body["sections"][0]["items"][1]["kind"] = "slider";
  EXPECT_EQ(refused_at(body), "/sections/0/items/1/kind");

  body = good_template();
  body["sections"][0]["items"][0]["options"][0]["value"] = "maybe";  // yes_no takes yes / no / na only
  EXPECT_EQ(refused_at(body), "/sections/0/items/0/options/0/value");

  body = good_template();
  body.erase("version");
  EXPECT_EQ(refused_at(body), "/");

  body = good_template();
  body["sections"][0]["items"][1]["options"][1]["finding"]["grade"] = "严重";
  EXPECT_EQ(refused_at(body), "/sections/0/items/1/options/1/finding/grade");

  body = good_template();
  body["sections"][0]["items"][1].erase("options");  // a choice needs options
  EXPECT_NE(refused_at(body), "(accepted)");
}

TEST(FormTemplate, RulesBeyondTheSchemaNameTheirJsonPath) {
  auto body = good_template();
  body["sections"][0]["sections"][0]["items"][0]["id"] = "a.na";
  EXPECT_EQ(refused_at(body), "/sections/0/sections/0/items/0/id");

  body = good_template();
  body["sections"][0]["items"][1]["visible_if"] = {{"answer", "a.sub.t"}, {"in", {"x"}}};  // a later item
  EXPECT_EQ(refused_at(body), "/sections/0/items/1/visible_if/answer");

  body = good_template();
  body["sections"][0]["items"][1]["visible_if"] = {{"answer", "a.na"}, {"in", {"no"}}};  // not offered
  EXPECT_EQ(refused_at(body), "/sections/0/items/1/visible_if");

  body = good_template();
  body["sections"][0]["items"][1]["options"][1]["value"] = "ok";
  EXPECT_EQ(refused_at(body), "/sections/0/items/1/options");

  body = good_template();
  body["sections"][0]["sections"][0]["items"][0]["rows"][0]["values"] = {{"nope", "x"}};
  EXPECT_EQ(refused_at(body), "/sections/0/sections/0/items/0/rows/0/values");

  body = good_template();
  body["sections"][0]["sections"][0]["items"][0].erase("rows");  // neither preset nor addable rows
  EXPECT_EQ(refused_at(body), "/sections/0/sections/0/items/0");
}

TEST(FormTemplate, NonObjectsAndEmptyFormsAreRefused) {
  EXPECT_EQ(refused_at(json::array()), "/");
  EXPECT_EQ(refused_at(json("text")), "/");
  auto body = good_template();
  body["sections"] = json::array();
  EXPECT_EQ(refused_at(body), "/sections");
}

}  // namespace
}  // namespace rw::forms
