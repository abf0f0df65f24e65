#pragma once
// A closed set of values with Chinese and English labels: what the API accepts, what the web shows,
// and how spreadsheet imports and exports spell each value.
#include <nlohmann/json.hpp>

#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace rw {

struct Label {
  std::string value;
  std::string zh;
  std::string en;
};

class Vocabulary {
 public:
  Vocabulary(std::initializer_list<Label> labels);
  // For value sets read from reference data files.
  explicit Vocabulary(std::vector<Label> labels);

  const std::set<std::string>& values() const { return values_; }
  // [{"value", "zh", "en"}, …] in declaration order.
  nlohmann::json to_json() const;
  // The value a person's text names: the value itself, its Chinese label or its English label (any case).
  std::optional<std::string> value_of(std::string_view text) const;
  // The Chinese label of a value; the value itself when unknown.
  std::string zh(std::string_view value) const;
  std::string en(std::string_view value) const;
  // "大型、中型、小型、微型": the labels a person may write, for messages and templates.
  std::string zh_list() const;

 private:
  std::vector<Label> labels_;
  std::set<std::string> values_;
};

}  // namespace rw
