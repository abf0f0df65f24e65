#include "exchange/cells.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>

#include "platform/dates.hpp"
#include "platform/text.hpp"

namespace rw::exchange {
namespace {

// Replaces every occurrence of `from` with `to`.
std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

}  // namespace

std::string Cells::text(const std::string& header) const {
  auto it = positions_.find(header);
  return it == positions_.end() ? std::string() : trim(texts_[it->second]);
}

void Cells::error(const std::string& header, std::string code, std::string message,
                  std::string message_en) const {
  FieldError e{header, std::move(code), std::move(message), std::move(message_en)};
  e.row = row_;
  errors_.push_back(std::move(e));
}

bool Cells::has_error(const std::string& header) const {
  return std::any_of(errors_.begin(), errors_.end(),
                     [&](const FieldError& e) { return e.row == row_ && e.field == header; });
}

void Cells::put_text(nlohmann::json& object, const std::string& key, const std::string& header) const {
  if (has(header)) object[key] = text(header);
}

void Cells::put_number(nlohmann::json& object, const std::string& key, const std::string& header) const {
  if (!has(header)) return;
  const auto value = text(header);
  if (value.empty()) {
    object[key] = nullptr;
    return;
  }
  char* end = nullptr;
  const double number = std::strtod(value.c_str(), &end);
  if (end != value.c_str() + value.size())
    error(header, "invalid_number", "应为数字", "must be a number");
  else
    object[key] = number;
}

void Cells::put_date(nlohmann::json& object, const std::string& key, const std::string& header) const {
  if (!has(header)) return;
  const auto value = text(header);
  if (value.empty()) {
    object[key] = nullptr;
    return;
  }
  if (auto date = normalize_date(value))
    object[key] = *date;
  else
    error(header, "invalid_date", "日期格式不正确（如 2026-01-05）", "is not a date (e.g. 2026-01-05)");
}

void Cells::put_choice(nlohmann::json& object, const std::string& key, const std::string& header,
                       const Vocabulary& vocabulary, const char* empty_value) const {
  if (!has(header)) return;
  const auto value = text(header);
  if (value.empty()) {
    object[key] = empty_value ? nlohmann::json(empty_value) : nlohmann::json();
    return;
  }
  if (auto chosen = vocabulary.value_of(value))
    object[key] = *chosen;
  else
    error(header, "invalid_choice", "应为以下之一：" + vocabulary.zh_list(),
          "must be one of: " + vocabulary.zh_list());
}

void Cells::put_list(nlohmann::json& object, const std::string& key, const std::string& header) const {
  if (has(header)) object[key] = split_list(text(header));
}

void Cells::put_bool(nlohmann::json& object, const std::string& key, const std::string& header) const {
  if (!has(header)) return;
  const auto value = text(header);
  if (value.empty() || value == "否" || value == "0" || value == "FALSE" || value == "false")
    object[key] = false;
  else if (value == "是" || value == "1" || value == "TRUE" || value == "true")
    object[key] = true;
  else
    error(header, "invalid_choice", "应为“是”或“否”", "must be 是 (yes) or 否 (no)");
}

std::optional<std::string> normalize_date(const std::string& text) {
  std::string t = replace_all(replace_all(replace_all(text, "年", "-"), "月", "-"), "日", "");
  for (auto& ch : t)
    if (ch == '/' || ch == '.') ch = '-';
  const auto first = t.find('-');
  const auto second = first == std::string::npos ? std::string::npos : t.find('-', first + 1);
  if (second == std::string::npos) return std::nullopt;
  auto pad = [](std::string part) { return part.size() == 1 ? "0" + part : part; };
  const auto iso = t.substr(0, first) + "-" + pad(t.substr(first + 1, second - first - 1)) + "-" +
                   pad(t.substr(second + 1));
  if (!parse_date(iso)) return std::nullopt;
  return iso;
}

std::vector<std::string> split_list(const std::string& text) {
  std::string t = text;
  for (const char* separator : {"；", "、", "，"}) t = replace_all(t, separator, ";");
  for (auto& ch : t)
    if (ch == ',' || ch == '\n' || ch == '\r') ch = ';';
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= t.size()) {
    auto end = t.find(';', start);
    if (end == std::string::npos) end = t.size();
    auto item = trim(t.substr(start, end - start));
    if (!item.empty()) out.push_back(std::move(item));
    start = end + 1;
  }
  return out;
}

std::string join_list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : "；") + item;
  return out;
}

}  // namespace rw::exchange
