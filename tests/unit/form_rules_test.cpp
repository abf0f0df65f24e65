// The meaning of a filled form: visibility (answers, enterprise fields, hidden parents), answer checks,
// submission gaps, findings with per-option polarity, and weighted scores.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "forms/form_rules.hpp"

namespace rw::forms {
namespace {

using nlohmann::json;

// 不涉及 hides the rest of the section; a soil section only for tagged enterprises; "是" is bad for one item
// and "否" for the other (yueqing's polarity); a table whose cells raise findings; scores with weights.
const Template& form() {
  static const Template t = parse_template(json::parse(R"({
    "code": "rules", "name": "规则", "version": 1, "source": {"seed": "test", "place": "here"},
    "sections": [
      {"id": "gas", "title": "废气", "weight": 2, "items": [
        {"id": "gas.na", "kind": "yes_no", "label": "废气", "required": true,
         "options": [{"value": "yes", "label": "有废气产生"}, {"value": "na", "label": "不涉及废气"}]},
        {"id": "gas.permit", "kind": "yes_no", "label": "是否无证排污", "required": true,
         "visible_if": {"answer": "gas.na", "not_in": ["na"]},
         "options": [{"value": "yes", "label": "是", "score": 0,
                      "finding": {"category": "排污许可", "grade": "重大", "description": "无证排污"}},
                     {"value": "no", "label": "否", "score": 10}]},
        {"id": "gas.ledger", "kind": "yes_no", "label": "是否建立台账", "required": true,
         "visible_if": {"answer": "gas.na", "not_in": ["na"]},
         "options": [{"value": "yes", "label": "是", "score": 5},
                     {"value": "no", "label": "否", "score": 0, "detail": "缺失内容",
                      "finding": {"category": "台账", "grade": "一般", "description": "未建立台账"}}]},
        {"id": "gas.table", "kind": "table", "label": "污染物", "rows": [{"id": "so2", "label": "二氧化硫"}],
         "rows_addable": true, "visible_if": {"answer": "gas.na", "not_in": ["na"]},
         "columns": [{"id": "source", "label": "来源", "kind": "text"},
                     {"id": "base", "label": "依据", "kind": "text", "readonly": true},
                     {"id": "online", "label": "在线监测", "kind": "single",
                      "options": [{"value": "ok", "label": "正常"},
                                  {"value": "bad", "label": "异常",
                                   "finding": {"category": "监测", "grade": "一般", "description": "在线监测异常"}}]}]}
      ]},
      {"id": "soil", "title": "土壤", "visible_if": {"enterprise": "tags", "in": ["土壤污染重点监管单位"]}, "items": [
        {"id": "soil.plan", "kind": "yes_no", "label": "是否建立制度", "required": true,
         "options": [{"value": "yes", "label": "是", "score": 3}, {"value": "no", "label": "否", "score": 0}]}
      ]},
      {"id": "misc", "title": "其他", "items": [
        {"id": "misc.count", "kind": "number", "label": "设施数量", "min": 0, "max": 10, "integer": true},
        {"id": "misc.day", "kind": "date", "label": "日期"},
        {"id": "misc.photos", "kind": "photo", "label": "现场照片", "min_photos": 2},
        {"id": "misc.kinds", "kind": "multiple", "label": "涉及", "options": [
          {"value": "a", "label": "脱硫"}, {"value": "b", "label": "RTO", "score": 2},
          {"value": "none", "label": "不涉及", "exclusive": true}]}
      ]}
    ]})"));
  return t;
}

json value(const json& v) { return {{"value", v}}; }

std::vector<std::string> hidden(const Answers& a, const EnterpriseFacts& e = {}) {
  const auto shown = visibility(form(), a, e);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < shown.items.size(); ++i)
    if (!shown.items[i]) out.push_back(form().items[i].id);
  return out;
}

TEST(FormRules, NotApplicableHidesTheRestOfItsSectionAndUntaggedEnterprisesSkipSoil) {
  EXPECT_EQ(hidden({}), (std::vector<std::string>{"soil.plan"}));
  EXPECT_EQ(hidden({{"gas.na", value("yes")}}), (std::vector<std::string>{"soil.plan"}));
  EXPECT_EQ(hidden({{"gas.na", value("na")}}),
            (std::vector<std::string>{"gas.permit", "gas.ledger", "gas.table", "soil.plan"}));
  EXPECT_EQ(hidden({}, {{"tags", {"其他", "土壤污染重点监管单位"}}}), std::vector<std::string>{});
  const auto shown = visibility(form(), {}, {});
  EXPECT_FALSE(shown.sections[1]);  // soil
  EXPECT_TRUE(shown.sections[0]);
}

TEST(FormRules, AnswersAreCheckedAgainstTheirItemsKind) {
  const auto& t = form();
  EXPECT_FALSE(check_answer(*t.item("gas.permit"), value("yes")));
  EXPECT_EQ(check_answer(*t.item("gas.permit"), value("maybe"))->code, "unknown_option");
  EXPECT_EQ(check_answer(*t.item("gas.permit"), value(json::array({"yes"})))->code, "unknown_option");
  EXPECT_FALSE(check_answer(*t.item("gas.permit"), value(nullptr)));  // cleared
  EXPECT_EQ(check_answer(*t.item("misc.count"), value(11))->code, "above_max");
  EXPECT_EQ(check_answer(*t.item("misc.count"), value(-1))->code, "below_min");
  EXPECT_EQ(check_answer(*t.item("misc.count"), value(2.5))->code, "not_integer");
  EXPECT_EQ(check_answer(*t.item("misc.count"), value("3"))->code, "not_a_number");
  EXPECT_FALSE(check_answer(*t.item("misc.day"), value("2026-06-01")));
  EXPECT_EQ(check_answer(*t.item("misc.day"), value("2026-13-01"))->code, "not_a_date");
  EXPECT_EQ(check_answer(*t.item("misc.photos"), value(json::array({1, "x"})))->code, "bad_photos");
  EXPECT_EQ(check_answer(*t.item("misc.kinds"), value(json::array({"a", "none"})))->code, "exclusive_option");
  EXPECT_EQ(check_answer(*t.item("misc.kinds"), value(json::array({"a", "a"})))->code, "duplicate_option");
  EXPECT_FALSE(check_answer(*t.item("misc.kinds"), value(json::array({"a", "b"}))));
  EXPECT_EQ(check_answer(*t.item("gas.permit"), {{"value", "yes"}, {"extra", 1}})->code, "unknown_field");
  EXPECT_EQ(check_answer(*t.item("gas.permit"), json::array())->code, "not_an_answer");
  const auto& table = *t.item("gas.table");
  EXPECT_FALSE(check_answer(table, value(json::parse(R"([{"row": "so2", "cells": {"source": "锅炉"}},
                                                          {"cells": {"source": "喷涂", "online": "bad"}}])"))));
  EXPECT_EQ(check_answer(table, value(json::parse(R"([{"row": "nox", "cells": {}}])")))->code, "unknown_row");
  EXPECT_EQ(
      check_answer(table, value(json::parse(R"([{"row": "so2", "cells": {}}, {"row": "so2", "cells": {}}])")))
          ->code,
      "duplicate_row");
  EXPECT_EQ(check_answer(table, value(json::parse(R"([{"cells": {"base": "x"}}])")))->code,
            "readonly_column");
  EXPECT_EQ(check_answer(table, value(json::parse(R"([{"cells": {"nope": "x"}}])")))->code, "unknown_column");
  EXPECT_EQ(check_answer(table, value(json::parse(R"([{"cells": {"online": "x"}}])")))->code,
            "unknown_option");
}

TEST(FormRules, SubmissionGapsAreVisibleRequiredItemsAndMissingPhotos) {
  const auto gaps = submission_gaps(form(), {{"gas.na", value("na")}}, {});
  ASSERT_EQ(gaps.size(), 1u);  // gas items hidden, soil hidden; photos below their minimum
  EXPECT_EQ(gaps[0].item_id, "misc.photos");
  EXPECT_EQ(gaps[0].code, "too_few_photos");
  const auto more =
      submission_gaps(form(), {{"gas.na", value("yes")}, {"misc.photos", value(json::array({1, 2}))}},
                      {{"tags", {"土壤污染重点监管单位"}}});
  std::vector<std::string> ids;
  for (const auto& g : more) ids.push_back(g.item_id);
  EXPECT_EQ(ids, (std::vector<std::string>{"gas.permit", "gas.ledger", "soil.plan"}));
}

TEST(FormRules, FindingsFollowEachOptionsOwnPolarityAndSkipHiddenItems) {
  Answers answers = {{"gas.na", value("yes")},
                     {"gas.permit", value("no")},  // 否 is the good answer here
                     {"gas.ledger", {{"value", "no"}, {"detail", "无加药记录"}, {"photos", {7, 8}}}},
                     {"gas.table", value(json::parse(R"([{"row": "so2", "cells": {"online": "bad"}}])"))}};
  auto found = raised_findings(form(), answers, {});
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].item_id, "gas.ledger");
  EXPECT_EQ(found[0].option_value, "no");
  EXPECT_EQ(found[0].finding.grade, "general");
  EXPECT_EQ(found[0].finding.description, "未建立台账（无加药记录）");
  EXPECT_EQ(found[0].photo_file_ids, (std::vector<std::int64_t>{7, 8}));
  EXPECT_EQ(found[1].item_id, "gas.table");
  EXPECT_EQ(found[1].finding.description, "二氧化硫：在线监测异常");

  answers["gas.permit"] = value("yes");  // 是 raises 无证排污, graded 重大
  found = raised_findings(form(), answers, {});
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].finding.grade, "major");
  EXPECT_EQ(found[0].finding.category, "排污许可");

  answers["gas.na"] = value("na");  // the answers stay stored, but hidden items raise nothing
  EXPECT_TRUE(raised_findings(form(), answers, {}).empty());
}

TEST(FormRules, ScoresAreWeightedSumsOfVisibleChosenOptions) {
  Answers answers = {{"gas.na", value("yes")},
                     {"gas.permit", value("no")},
                     {"gas.ledger", value("no")},
                     {"misc.kinds", value(json::array({"a", "b"}))}};
  auto s = score(form(), answers, {});
  ASSERT_TRUE(s);
  ASSERT_EQ(s->sections.size(), 3u);
  EXPECT_EQ(s->sections[0].section_id, "gas");
  EXPECT_DOUBLE_EQ(s->sections[0].score, 10);
  EXPECT_DOUBLE_EQ(s->sections[0].best, 15);
  EXPECT_DOUBLE_EQ(s->sections[2].score, 2);
  EXPECT_DOUBLE_EQ(s->sections[2].best, 2);
  EXPECT_DOUBLE_EQ(s->total, 2 * 10 + 2);  // gas weighs 2; soil is hidden
  EXPECT_DOUBLE_EQ(s->best, 2 * 15 + 2);
  s = score(form(), answers, {{"tags", {"土壤污染重点监管单位"}}});
  EXPECT_DOUBLE_EQ(s->best, 2 * 15 + 3 + 2);
}

}  // namespace
}  // namespace rw::forms
