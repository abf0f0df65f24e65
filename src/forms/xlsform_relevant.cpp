#include "forms/xlsform_relevant.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <utility>

namespace rw::forms {
namespace {

using nlohmann::json;

constexpr std::string_view kEnterprisePrefix = "enterprise.";
// The enterprise fields a condition may name (template.schema.json); tags is a list, the others one value.
constexpr std::array<std::string_view, 6> kEnterpriseFields = {
    "tags", "permit_type", "scale", "industry_code", "production_status", "risk_level"};

[[noreturn]] void fail(std::string zh, std::string en) { throw RelevantError(std::move(zh), std::move(en)); }

// ---- writing ----

std::string quoted(const std::string& value) {
  if (value.find('\'') == std::string::npos) return "'" + value + "'";
  if (value.find('"') == std::string::npos) return "\"" + value + "\"";
  fail("取值同时含有单引号和双引号，无法写成 XLSForm 表达式：" + value,
       "a value with both kinds of quote cannot be written in XLSForm: " + value);
}

struct Subject {
  std::string reference;  // ${q} or ${enterprise.tags}
  bool multiple = false;  // compared with selected()
};

Subject subject_of(const json& condition, const AnswerLookup& answers) {
  if (condition.contains("enterprise")) {
    const auto field = condition.at("enterprise").get<std::string>();
    return {"${enterprise." + field + "}", field == "tags"};
  }
  const auto name = condition.at("answer").get<std::string>();
  const Answerable* target = answers(name);
  return {"${" + name + "}", target && target->multiple};
}

std::string chosen(const Subject& s, const std::string& value) {
  return s.multiple ? "selected(" + s.reference + ", " + quoted(value) + ")"
                    : s.reference + " = " + quoted(value);
}

std::string not_chosen(const Subject& s, const std::string& value) {
  return s.multiple ? "not(" + chosen(s, value) + ")" : s.reference + " != " + quoted(value);
}

std::string joined(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : separator) + part;
  return out;
}

std::string write(const json& c, const AnswerLookup& answers);

std::string each_in_parentheses(const json& list, const AnswerLookup& answers, const char* separator) {
  std::vector<std::string> parts;
  for (const auto& child : list) parts.push_back("(" + write(child, answers) + ")");
  return joined(parts, separator);
}

std::string write(const json& c, const AnswerLookup& answers) {
  if (c.contains("all")) return each_in_parentheses(c.at("all"), answers, " and ");
  if (c.contains("any")) return each_in_parentheses(c.at("any"), answers, " or ");
  if (c.contains("not")) {
    const json& inner = c.at("not");
    const std::string text = write(inner, answers);
    // not(selected(…)) alone reads as not_in; parentheses keep a negated `in` what it is.
    const bool bare_selected =
        text.starts_with("selected(") && inner.contains("in") && inner.at("in").size() == 1;
    return "not(" + (bare_selected ? "(" + text + ")" : text) + ")";
  }
  const Subject subject = subject_of(c, answers);
  std::vector<std::string> parts;
  const bool negative = c.contains("not_in");
  for (const auto& v : c.at(negative ? "not_in" : "in"))
    parts.push_back(negative ? not_chosen(subject, v.get<std::string>())
                             : chosen(subject, v.get<std::string>()));
  return joined(parts, negative ? " and " : " or ");
}

// ---- reading ----

struct Token {
  enum Kind { reference, literal, word, equals, not_equals, open, close, comma, end } kind = end;
  std::string text;
};

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  Token next() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    if (pos_ == text_.size()) return {Token::end, ""};
    const char c = text_[pos_];
    if (c == '$' && text_.substr(pos_, 2) == "${") return enclosed(Token::reference, pos_ + 2, '}');
    if (c == '\'' || c == '"') return enclosed(Token::literal, pos_ + 1, c);
    if (c == '!' && text_.substr(pos_, 2) == "!=") return advance(2, {Token::not_equals, "!="});
    if (c == '=') return advance(1, {Token::equals, "="});
    if (c == '(') return advance(1, {Token::open, "("});
    if (c == ')') return advance(1, {Token::close, ")"});
    if (c == ',') return advance(1, {Token::comma, ","});
    const std::size_t start = pos_;
    while (pos_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[pos_])) ||
                                   std::string_view("_.-").find(text_[pos_]) != std::string_view::npos))
      ++pos_;
    if (pos_ == start)
      fail("无法识别的符号：" + std::string(1, c),
           "the expression has a symbol it cannot read: " + std::string(1, c));
    const std::string word(text_.substr(start, pos_ - start));
    // A bare number compares like the quoted choice name (Kobo writes ${q} = 1 for a choice named 1).
    return {std::isdigit(static_cast<unsigned char>(word[0])) ? Token::literal : Token::word, word};
  }

 private:
  Token advance(std::size_t n, Token token) {
    pos_ += n;
    return token;
  }
  Token enclosed(Token::Kind kind, std::size_t start, char closing) {
    const std::size_t close = text_.find(closing, start);
    if (close == std::string_view::npos) fail("引号或 ${ } 没有闭合", "a quote or ${ } is not closed");
    pos_ = close + 1;
    return {kind, std::string(text_.substr(start, close - start))};
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

// The expression as written, before names are resolved: comparisons, and/or/not, and which parts had
// parentheses of their own.
struct Node {
  enum Kind { any, all, negation, equals, not_equals, selected } kind = equals;
  bool parenthesised = false;
  std::vector<Node> children;
  std::string name, value;  // comparisons
};

class Parser {
 public:
  explicit Parser(std::string_view text) : lexer_(text) { token_ = lexer_.next(); }

  Node parse() {
    Node node = disjunction();
    if (token_.kind != Token::end) unexpected();
    return node;
  }

 private:
  Node disjunction() { return chain(Node::any, "or", &Parser::conjunction); }
  Node conjunction() { return chain(Node::all, "and", &Parser::unary); }

  Node chain(Node::Kind kind, const char* joiner, Node (Parser::*operand)()) {
    Node first = (this->*operand)();
    if (!is_word(joiner)) return first;
    Node node{kind, false, {std::move(first)}, {}, {}};
    while (is_word(joiner)) {
      take();
      node.children.push_back((this->*operand)());
    }
    return node;
  }

  Node unary() {
    if (is_word("not")) {
      take();
      expect(Token::open);
      Node node{Node::negation, false, {disjunction()}, {}, {}};
      expect(Token::close);
      return node;
    }
    if (is_word("selected")) {
      take();
      expect(Token::open);
      Node node{Node::selected, false, {}, expect(Token::reference).text, {}};
      expect(Token::comma);
      node.value = expect(Token::literal).text;
      expect(Token::close);
      return node;
    }
    if (token_.kind == Token::open) {
      take();
      Node node = disjunction();
      expect(Token::close);
      node.parenthesised = true;
      return node;
    }
    Node node;
    node.name = expect(Token::reference).text;
    if (token_.kind != Token::equals && token_.kind != Token::not_equals)
      fail("${" + node.name + "} 后应为 = 或 !=", "${" + node.name + "} must be followed by = or !=");
    node.kind = take().kind == Token::equals ? Node::equals : Node::not_equals;
    node.value = expect(Token::literal).text;
    return node;
  }

  bool is_word(const char* word) const { return token_.kind == Token::word && token_.text == word; }
  Token take() { return std::exchange(token_, lexer_.next()); }
  Token expect(Token::Kind kind) {
    if (token_.kind != kind) unexpected();
    return take();
  }
  [[noreturn]] void unexpected() const {
    const std::string at = token_.kind == Token::end ? "结尾" : "“" + token_.text + "”";
    const std::string at_en = token_.kind == Token::end ? "the end" : "'" + token_.text + "'";
    fail("表达式在" + at + "处无法识别（支持 ${题目} = '值'、!=、selected()、not()、and、or 和括号）",
         "the expression cannot be read at " + at_en +
             " (supported: ${name} = 'value', !=, selected(), not(), and, or, parentheses)");
  }

  Lexer lexer_;
  Token token_;
};

// A comparison without parentheses of its own, as (name, value, whether it asks for the value or against it).
struct Comparison {
  std::string name, value;
  bool positive = true;
};

std::optional<Comparison> bare_comparison(const Node& n) {
  if (n.parenthesised) return std::nullopt;
  if (n.kind == Node::equals || n.kind == Node::selected) return Comparison{n.name, n.value, true};
  if (n.kind == Node::not_equals) return Comparison{n.name, n.value, false};
  if (n.kind == Node::negation && n.children[0].kind == Node::selected && !n.children[0].parenthesised)
    return Comparison{n.children[0].name, n.children[0].value, false};
  return std::nullopt;
}

json comparison_condition(const std::string& name, const std::vector<std::string>& values, bool positive,
                          const AnswerLookup& answers) {
  if (name.starts_with(kEnterprisePrefix)) {
    const auto field = name.substr(kEnterprisePrefix.size());
    if (std::find(kEnterpriseFields.begin(), kEnterpriseFields.end(), field) == kEnterpriseFields.end())
      fail("企业没有字段 " + field, "the enterprise has no field " + field);
    json in = {{"enterprise", field}, {"in", values}};
    return positive ? in : json{{"not", in}};  // a template has no not_in for enterprise fields
  }
  const Answerable* target = answers(name);
  if (!target) fail("${" + name + "} 不是此前的题目", "${" + name + "} names no earlier question");
  if (target->values.empty())
    fail("${" + name + "} 不是选择题，条件只能比较选择题的选项", "${" + name + "} is not a choice question");
  for (const auto& v : values)
    if (std::find(target->values.begin(), target->values.end(), v) == target->values.end())
      fail("题目 " + name + " 没有选项 " + v, "question " + name + " has no choice " + v);
  return {{"answer", name}, {positive ? "in" : "not_in", values}};
}

json condition_of(const Node& n, const AnswerLookup& answers);

// Or-joined positive (and-joined negative) comparisons of one name are one condition; anything else is
// any (all) of its parts.
json group_of(const Node& n, bool positive, const char* key, const AnswerLookup& answers) {
  std::vector<std::string> values;
  std::string name;
  for (const auto& child : n.children) {
    const auto c = bare_comparison(child);
    if (!c || c->positive != positive || (!name.empty() && c->name != name)) {
      json parts = json::array();
      for (const auto& part : n.children) parts.push_back(condition_of(part, answers));
      return {{key, parts}};
    }
    name = c->name;
    values.push_back(c->value);
  }
  return comparison_condition(name, values, positive, answers);
}

json condition_of(const Node& n, const AnswerLookup& answers) {
  if (n.kind == Node::any) return group_of(n, true, "any", answers);
  if (n.kind == Node::all) return group_of(n, false, "all", answers);
  Node bare = n;
  bare.parenthesised = false;
  if (const auto c = bare_comparison(bare))
    return comparison_condition(c->name, {c->value}, c->positive, answers);
  return {{"not", condition_of(n.children[0], answers)}};
}

}  // namespace

std::string condition_to_relevant(const json& condition, const AnswerLookup& answers) {
  return write(condition, answers);
}

json relevant_to_condition(std::string_view relevant, const AnswerLookup& answers) {
  return condition_of(Parser(relevant).parse(), answers);
}

}  // namespace rw::forms
