// Template conditions as XLSForm `relevant` expressions: each written form reads back as the same
// condition, the usual hand-written forms read as expected, and what cannot be mapped is refused.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <map>

#include "forms/xlsform_relevant.hpp"

namespace rw::forms {
namespace {

using nlohmann::json;

// q: a single choice (a b c); m: a multiple choice (x y none); t: a text question.
const AnswerLookup kAnswers = [](const std::string& name) -> const Answerable* {
  static const std::map<std::string, Answerable> questions = {
      {"q", {false, {"a", "b", "c"}}}, {"m", {true, {"x", "y", "none"}}}, {"t", {false, {}}}};
  const auto found = questions.find(name);
  return found == questions.end() ? nullptr : &found->second;
};

struct Case {
  const char* condition;
  const char* relevant;
};

TEST(XlsformRelevant, EachConditionIsWrittenAndReadBackTheSame) {
  const Case cases[] = {
      {R"({"answer": "q", "in": ["a"]})", "${q} = 'a'"},
      {R"({"answer": "q", "in": ["a", "b"]})", "${q} = 'a' or ${q} = 'b'"},
      {R"({"answer": "q", "not_in": ["a"]})", "${q} != 'a'"},
      {R"({"answer": "q", "not_in": ["a", "b"]})", "${q} != 'a' and ${q} != 'b'"},
      {R"({"answer": "m", "in": ["x"]})", "selected(${m}, 'x')"},
      {R"({"answer": "m", "in": ["x", "y"]})", "selected(${m}, 'x') or selected(${m}, 'y')"},
      {R"({"answer": "m", "not_in": ["none"]})", "not(selected(${m}, 'none'))"},
      {R"({"answer": "m", "not_in": ["x", "y"]})", "not(selected(${m}, 'x')) and not(selected(${m}, 'y'))"},
      {R"({"not": {"answer": "q", "in": ["a"]}})", "not(${q} = 'a')"},
      // A negated `in` on a multiple keeps its own parentheses so it does not read as not_in.
      {R"({"not": {"answer": "m", "in": ["x"]}})", "not((selected(${m}, 'x')))"},
      {R"({"all": [{"answer": "q", "in": ["a"]}, {"answer": "m", "in": ["x"]}]})",
       "(${q} = 'a') and (selected(${m}, 'x'))"},
      // any of two conditions on one question stays two conditions, not one `in`.
      {R"({"any": [{"answer": "q", "in": ["a"]}, {"answer": "q", "in": ["b"]}]})",
       "(${q} = 'a') or (${q} = 'b')"},
      {R"({"all": [{"any": [{"answer": "q", "in": ["a", "b"]}, {"answer": "m", "not_in": ["none"]}]},
                   {"not": {"enterprise": "scale", "in": ["large"]}}]})",
       "((${q} = 'a' or ${q} = 'b') or (not(selected(${m}, 'none')))) and (not(${enterprise.scale} = "
       "'large'))"},
      {R"({"enterprise": "tags", "in": ["土壤污染重点监管单位"]})",
       "selected(${enterprise.tags}, '土壤污染重点监管单位')"},
      {R"({"enterprise": "scale", "in": ["large", "medium"]})",
       "${enterprise.scale} = 'large' or ${enterprise.scale} = 'medium'"},
      {R"({"enterprise": "risk_level", "in": ["it's"]})", "${enterprise.risk_level} = \"it's\""},
  };
  for (const auto& c : cases) {
    const auto condition = json::parse(c.condition);
    EXPECT_EQ(condition_to_relevant(condition, kAnswers), c.relevant) << c.condition;
    EXPECT_EQ(relevant_to_condition(c.relevant, kAnswers), condition) << c.relevant;
  }
}

TEST(XlsformRelevant, ReadsExpressionsWrittenByHand) {
  const Case cases[] = {
      {R"({"any": [{"answer": "q", "in": ["a"]}, {"answer": "m", "in": ["x"]}]})",
       "${q}='a' or selected(${m},'x')"},
      {R"({"all": [{"answer": "q", "in": ["a"]}, {"answer": "q", "in": ["b"]}]})",
       "${q} = 'a' and ${q} = 'b'"},
      {R"({"answer": "q", "in": ["a"]})", "selected(${q}, 'a')"},
      {R"({"answer": "q", "in": ["a"]})", "  ( ${q} = \"a\" )  "},
      {R"({"not": {"enterprise": "scale", "in": ["large"]}})", "${enterprise.scale} != 'large'"},
      {R"({"not": {"enterprise": "tags", "in": ["x"]}})", "not(selected(${enterprise.tags}, 'x'))"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(relevant_to_condition(c.relevant, kAnswers), json::parse(c.condition)) << c.relevant;
}

// The English message a relevant expression is refused with.
std::string refusal(const std::string& relevant) {
  try {
    relevant_to_condition(relevant, kAnswers);
  } catch (const RelevantError& e) {
    EXPECT_FALSE(e.zh.empty());
    return e.en;
  }
  return "(accepted)";
}

TEST(XlsformRelevant, RefusesWhatItCannotMap) {
  EXPECT_EQ(refusal("${nope} = 'a'"), "${nope} names no earlier question");
  EXPECT_EQ(refusal("${q} = 'z'"), "question q has no choice z");
  EXPECT_EQ(refusal("${t} = 'a'"), "${t} is not a choice question");
  EXPECT_EQ(refusal("${enterprise.colour} = 'red'"), "the enterprise has no field colour");
  EXPECT_EQ(refusal("${q} > 'a'"), "the expression has a symbol it cannot read: >");
  EXPECT_EQ(refusal("${q}"), "${q} must be followed by = or !=");
  EXPECT_EQ(
      refusal("${q} = 'a' or"),
      "the expression cannot be read at the end (supported: ${name} = 'value', !=, selected(), not(), and, "
      "or, parentheses)");
  EXPECT_EQ(refusal("${q} = 'a"), "a quote or ${ } is not closed");
  EXPECT_EQ(refusal("count-selected(${m}) > 1").substr(0, 44),
            "the expression cannot be read at 'count-sele");
}

TEST(XlsformRelevant, RefusesToWriteAValueWithBothQuotes) {
  EXPECT_THROW(condition_to_relevant(json::parse(R"({"enterprise": "scale", "in": ["a'b\"c"]})"), kAnswers),
               RelevantError);
}

}  // namespace
}  // namespace rw::forms
