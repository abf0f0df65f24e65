#include "notices/number_rules.hpp"

#include "platform/text.hpp"

namespace rw::notices {
namespace {

struct Placeholder {
  enum Kind { year, sequence, unknown } kind = unknown;
  int width = 0;  // of a sequence; 0: as many digits as it has
};

Placeholder read_placeholder(std::string_view name) {
  if (name == "year") return {Placeholder::year};
  if (name == "seq") return {Placeholder::sequence};
  if (name.size() == 5 && name.substr(0, 4) == "seq:" && name[4] >= '1' && name[4] <= '9')
    return {Placeholder::sequence, name[4] - '0'};
  return {};
}

FieldError error(std::string code, std::string zh, std::string en) {
  return {"pattern", std::move(code), std::move(zh), std::move(en)};
}

// Calls `text` with each literal piece and `placeholder` with each {…}; false on a lone brace.
template <class Text, class Hole>
bool walk(std::string_view pattern, Text text, Hole placeholder) {
  std::size_t at = 0;
  while (at < pattern.size()) {
    const auto open = pattern.find_first_of("{}", at);
    if (open == std::string_view::npos) {
      text(pattern.substr(at));
      return true;
    }
    if (pattern[open] == '}') return false;
    const auto close = pattern.find_first_of("{}", open + 1);
    if (close == std::string_view::npos || pattern[close] == '{') return false;
    text(pattern.substr(at, open - at));
    placeholder(read_placeholder(pattern.substr(open + 1, close - open - 1)));
    at = close + 1;
  }
  return true;
}

}  // namespace

std::optional<FieldError> pattern_error(std::string_view pattern) {
  if (pattern.empty()) return std::nullopt;
  if (utf8_length(pattern) > kMaxPatternChars)
    return error("pattern_too_long", "编号格式最多 60 个字符", "The pattern has more than 60 characters");
  for (unsigned char c : pattern)
    if (c < 0x20 || c == 0x7F)
      return error("pattern_control_character", "编号格式含有控制字符",
                   "The pattern contains a control character");
  int sequences = 0;
  bool unknown = false;
  const bool balanced = walk(
      pattern, [](std::string_view) {},
      [&](const Placeholder& p) {
        sequences += p.kind == Placeholder::sequence;
        unknown |= p.kind == Placeholder::unknown;
      });
  if (!balanced)
    return error("pattern_unbalanced_brace", "编号格式中的花括号不成对",
                 "A brace in the pattern has no partner");
  if (unknown)
    return error("pattern_unknown_placeholder", "编号格式只能使用 {year}、{seq} 或 {seq:位数}",
                 "The pattern may only use {year}, {seq} or {seq:digits}");
  if (sequences != 1)
    return error("pattern_needs_one_sequence", "编号格式须含且只含一个序号 {seq} 或 {seq:位数}",
                 "The pattern needs exactly one sequence number, {seq} or {seq:digits}");
  return std::nullopt;
}

std::string format_number(std::string_view pattern, int year, std::int64_t sequence) {
  std::string out;
  walk(
      pattern, [&](std::string_view text) { out += text; },
      [&](const Placeholder& p) {
        if (p.kind == Placeholder::year) out += std::to_string(year);
        if (p.kind != Placeholder::sequence) return;
        const std::string digits = std::to_string(sequence);
        if (static_cast<int>(digits.size()) < p.width) out.append(p.width - digits.size(), '0');
        out += digits;
      });
  return out;
}

std::string default_pattern(std::string_view kind) {
  return kind == "warning" ? "预警〔{year}〕{seq:4}号" : "";
}

}  // namespace rw::notices
