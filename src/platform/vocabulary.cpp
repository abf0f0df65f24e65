#include "platform/vocabulary.hpp"

#include <algorithm>
#include <cctype>

namespace rw {
namespace {

bool equal_ignoring_ascii_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

Vocabulary::Vocabulary(std::initializer_list<Label> labels) : Vocabulary(std::vector<Label>(labels)) {}

Vocabulary::Vocabulary(std::vector<Label> labels) : labels_(std::move(labels)) {
  for (const auto& label : labels_) values_.insert(label.value);
}

nlohmann::json Vocabulary::to_json() const {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& l : labels_) out.push_back({{"value", l.value}, {"zh", l.zh}, {"en", l.en}});
  return out;
}

std::optional<std::string> Vocabulary::value_of(std::string_view text) const {
  for (const auto& l : labels_)
    if (text == l.value || text == l.zh || equal_ignoring_ascii_case(text, l.en)) return l.value;
  return std::nullopt;
}

std::string Vocabulary::zh(std::string_view value) const {
  for (const auto& l : labels_)
    if (value == l.value) return l.zh;
  return std::string(value);
}

std::string Vocabulary::en(std::string_view value) const {
  for (const auto& l : labels_)
    if (value == l.value) return l.en;
  return std::string(value);
}

std::string Vocabulary::zh_list() const {
  std::string out;
  for (const auto& l : labels_) out += (out.empty() ? "" : "、") + l.zh;
  return out;
}

}  // namespace rw
