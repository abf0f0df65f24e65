#pragma once
// A template condition (`visible_if`) as an XLSForm `relevant` expression and back.
//
//   {"answer": "q", "in": ["a", "b"]}      ${q} = 'a' or ${q} = 'b'          (multiple: selected(${q}, 'a')
//   or …)
//   {"answer": "q", "not_in": ["a", "b"]}  ${q} != 'a' and ${q} != 'b'       (multiple: not(selected(${q},
//   'a')) and …)
//   {"enterprise": "tags", "in": ["x"]}    selected(${enterprise.tags}, 'x')  (other fields:
//   ${enterprise.scale} = 'x')
//   {"all": [c, d]} / {"any": [c, d]}      (c) and (d) / (c) or (d)
//   {"not": c}                             not(c)
//
// Reading groups unparenthesised comparisons of one name into one `in` (joined by or) or `not_in` (joined by
// and); a parenthesised part stays a condition of its own, so what template_to_xlsform writes reads back as
// the same condition. `${enterprise.<field>}` names a field of the inspected enterprise (Riskwatch's own
// reference: ODK and KoboToolbox do not know it).
#include <nlohmann/json_fwd.hpp>

#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rw::forms {

// What a condition may ask of an earlier question: its option values, and whether several can be chosen.
struct Answerable {
  bool multiple = false;
  std::vector<std::string> values;
};
// The question a ${name} refers to; nullptr when no earlier question has that name.
using AnswerLookup = std::function<const Answerable*(const std::string& name)>;

// A relevant expression that cannot be read or mapped, in Chinese and English.
struct RelevantError : std::runtime_error {
  RelevantError(std::string zh, std::string en)
      : std::runtime_error(en), zh(std::move(zh)), en(std::move(en)) {}
  std::string zh;
  std::string en;
};

// Throws RelevantError for an enterprise value that has both kinds of quote (XPath 1.0 cannot write it).
std::string condition_to_relevant(const nlohmann::json& condition, const AnswerLookup& answers);
// Throws RelevantError naming what it cannot read or map.
nlohmann::json relevant_to_condition(std::string_view relevant, const AnswerLookup& answers);

}  // namespace rw::forms
