#include "platform/json_input.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <sstream>

#include "platform/dates.hpp"
#include "platform/text.hpp"

namespace rw {
namespace {

bool parse_int64(const std::string& text, std::int64_t& out) {
  if (text.empty()) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

// Text fields allowing this many characters or more are multi-line (notes, reasons, descriptions).
constexpr std::size_t kMultiLineFrom = 1000;

std::string without_carriage_returns(std::string text) {
  std::erase(text, '\r');
  return text;
}

ApiError query_error(const std::string& key, const std::string& zh, const std::string& en) {
  return invalid_field(key, "invalid_query", "查询参数 " + key + " " + zh,
                       "query parameter " + key + " " + en);
}

// Whether arrays and objects nest deeper than `limit`, counting brackets outside strings only. A linear
// scan with no allocation, so a hostile body is refused before nlohmann builds a DOM of it (a DOM costs
// tens of bytes per bracket, and nlohmann recurses per level when destroying it).
bool nested_deeper_than(std::string_view text, std::size_t limit) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;  // the escaped character cannot end the string
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limit) return true;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return false;
}

}  // namespace

nlohmann::json parse_json_object(std::string_view body) {
  if (nested_deeper_than(body, kMaxJsonDepth))
    throw bad_request(
        "json_too_deep", "请求体的 JSON 嵌套超过 " + std::to_string(kMaxJsonDepth) + " 层",
        "The request body's JSON nests deeper than " + std::to_string(kMaxJsonDepth) + " levels");
  auto value = nlohmann::json::parse(body, nullptr, false);
  if (value.is_discarded())
    throw bad_request("malformed_json", "请求体不是合法的 JSON", "The request body is not valid JSON");
  if (!value.is_object())
    throw bad_request("body_not_object", "请求体必须是 JSON 对象", "The request body must be a JSON object");
  return value;
}

nlohmann::json overlay(nlohmann::json base, const nlohmann::json& changes,
                       const std::vector<std::string>& keys) {
  for (const auto& key : keys)
    if (changes.contains(key)) base[key] = changes[key];
  return base;
}

void Fields::add_error(std::string field, std::string code, std::string message, std::string message_en) {
  errors_.push_back({std::move(field), std::move(code), std::move(message), std::move(message_en)});
}

void Fields::require(const std::string& key) {
  if (!present(key)) add_error(key, "required", "必填", "is required");
}

void Fields::finish() const {
  if (!errors_.empty()) throw validation_failed(errors_);
}

void Fields::wrong_type(const std::string& key, const char* expected_zh, const char* expected_en) {
  add_error(key, "wrong_type", std::string("应为") + expected_zh, std::string("must be ") + expected_en);
}

std::optional<std::string> Fields::optional_text(const std::string& key, std::size_t max_chars) {
  if (!object_.contains(key) || object_[key].is_null()) return std::nullopt;
  if (!object_[key].is_string()) {
    wrong_type(key, "文本", "a string");
    return std::nullopt;
  }
  std::string value = trim(object_[key].get<std::string>());
  // Long fields (notes, reasons, descriptions) are multi-line; a pasted Windows line end counts as one.
  const bool multiline = max_chars >= kMultiLineFrom;
  if (multiline) value = without_carriage_returns(value);
  if (!is_clean_text(value, multiline)) {
    add_error(key, "invalid_characters", "含有不允许的控制字符或方向控制符",
              "contains control characters or bidirectional overrides");
    return std::nullopt;
  }
  const std::size_t length = utf8_length(value);
  if (length > max_chars) {
    add_error(key, "too_long", "不能超过 " + std::to_string(max_chars) + " 个字符",
              "must be at most " + std::to_string(max_chars) + " characters");
    return std::nullopt;
  }
  return value;
}

std::optional<std::string> Fields::optional_nonempty_text(const std::string& key, std::size_t max_chars) {
  auto value = optional_text(key, max_chars);
  if (value && value->empty()) add_error(key, "required", "不能为空", "must not be empty");
  return value;
}

std::optional<std::string> Fields::optional_email(const std::string& key) {
  auto value = optional_text(key, 100);
  if (value && !value->empty() && value->find('@') == std::string::npos)
    add_error(key, "invalid_email", "邮箱格式不正确", "is not an email address");
  return value;
}

std::string Fields::required_text(const std::string& key, std::size_t min_chars, std::size_t max_chars) {
  if (!object_.contains(key) || object_[key].is_null()) {
    add_error(key, "required", "必填", "is required");
    return {};
  }
  const std::size_t before = errors_.size();
  auto value = optional_text(key, max_chars);
  if (errors_.size() != before) return {};
  if (value->empty()) {
    add_error(key, "required", "不能为空", "must not be empty");
  } else if (utf8_length(*value) < min_chars) {
    add_error(key, "too_short", "至少 " + std::to_string(min_chars) + " 个字符",
              "must be at least " + std::to_string(min_chars) + " characters");
  }
  return *value;
}

std::optional<std::int64_t> Fields::optional_id(const std::string& key) {
  if (!object_.contains(key) || object_[key].is_null()) return std::nullopt;
  const auto& v = object_[key];
  if (!v.is_number_integer() || v.get<std::int64_t>() <= 0) {
    wrong_type(key, "正整数编号", "a positive integer id");
    return std::nullopt;
  }
  return v.get<std::int64_t>();
}

std::int64_t Fields::required_id(const std::string& key) {
  if (!object_.contains(key) || object_[key].is_null()) {
    add_error(key, "required", "必填", "is required");
    return 0;
  }
  return optional_id(key).value_or(0);
}

std::optional<bool> Fields::optional_bool(const std::string& key) {
  if (!object_.contains(key) || object_[key].is_null()) return std::nullopt;
  if (!object_[key].is_boolean()) {
    wrong_type(key, "布尔值", "a boolean");
    return std::nullopt;
  }
  return object_[key].get<bool>();
}

std::optional<std::string> Fields::optional_date(const std::string& key) {
  if (!object_.contains(key) || object_[key].is_null()) return std::nullopt;
  const auto& v = object_[key];
  if (!v.is_string() || !parse_date(v.get<std::string>())) {
    add_error(key, "invalid_date", "应为有效日期（YYYY-MM-DD）", "must be a valid date (YYYY-MM-DD)");
    return std::nullopt;
  }
  return v.get<std::string>();
}

std::optional<double> Fields::optional_number(const std::string& key, double min, double max) {
  if (!object_.contains(key) || object_[key].is_null()) return std::nullopt;
  const auto& v = object_[key];
  if (!v.is_number()) {
    wrong_type(key, "数字", "a number");
    return std::nullopt;
  }
  const double value = v.get<double>();
  if (!(value >= min && value <= max)) {
    std::ostringstream range;
    range << min << " ~ " << max;
    add_error(key, "out_of_range", "应在 " + range.str() + " 之间", "must be between " + range.str());
    return std::nullopt;
  }
  return value;
}

std::optional<std::int64_t> Fields::optional_integer(const std::string& key, std::int64_t min,
                                                     std::int64_t max) {
  if (!object_.contains(key) || object_[key].is_null()) return std::nullopt;
  const auto& v = object_[key];
  if (!v.is_number_integer()) {
    wrong_type(key, "整数", "an integer");
    return std::nullopt;
  }
  // Unsigned JSON numbers above INT64_MAX are out of range, not wrapped into negatives.
  const bool too_big =
      v.is_number_unsigned() &&
      v.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  const bool in_range = !too_big && v.get<std::int64_t>() >= min && v.get<std::int64_t>() <= max;
  if (!in_range) {
    const auto range = std::to_string(min) + " ~ " + std::to_string(max);
    add_error(key, "out_of_range", "应在 " + range + " 之间", "must be between " + range);
    return std::nullopt;
  }
  return v.get<std::int64_t>();
}

// Digits after the decimal point in the shortest text that reads back as `value` (30000.123 → 3).
static int decimals_of(double value) {
  char text[64];
  auto [end, ec] = std::to_chars(text, text + sizeof text, value);
  const std::string_view s(text, static_cast<std::size_t>(end - text));
  const auto e = s.find('e');
  const auto mantissa = s.substr(0, e);
  const auto point = mantissa.find('.');
  int decimals = point == std::string_view::npos ? 0 : static_cast<int>(mantissa.size() - point - 1);
  if (e != std::string_view::npos) decimals -= std::stoi(std::string(s.substr(e + 1)));
  return std::max(decimals, 0);
}

std::optional<std::int64_t> Fields::optional_amount_fen(const std::string& key) {
  constexpr double kMaxYuan = 1e12;
  const auto yuan = optional_number(key, 0, kMaxYuan);
  if (!yuan) return std::nullopt;
  const double fen = std::round(*yuan * 100);
  if (decimals_of(*yuan) > 2) {
    add_error(key, "too_precise", "金额最多两位小数", "must have at most two decimals");
    return std::nullopt;
  }
  return static_cast<std::int64_t>(fen);
}

std::optional<std::vector<std::string>> Fields::optional_texts(const std::string& key, std::size_t max_items,
                                                               std::size_t max_chars) {
  if (!object_.contains(key) || object_[key].is_null()) return std::nullopt;
  const auto& v = object_[key];
  if (!v.is_array() || v.size() > max_items) {
    add_error(key, "wrong_type", "应为不超过 " + std::to_string(max_items) + " 项的文本数组",
              "must be an array of at most " + std::to_string(max_items) + " strings");
    return std::nullopt;
  }
  std::vector<std::string> values;
  for (const auto& item : v) {
    if (!item.is_string() || trim(item.get<std::string>()).empty() ||
        !is_clean_text(item.get<std::string>(), false) || utf8_length(item.get<std::string>()) > max_chars) {
      add_error(
          key, "invalid_item", "每项应为不超过 " + std::to_string(max_chars) + " 个字符的非空文本",
          "each item must be a non-empty string of at most " + std::to_string(max_chars) + " characters");
      return std::nullopt;
    }
    auto value = trim(item.get<std::string>());
    if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(std::move(value));
  }
  return values;
}

std::optional<std::vector<std::int64_t>> Fields::optional_ids(const std::string& key, std::size_t max_items) {
  if (!object_.contains(key) || object_[key].is_null()) return std::nullopt;
  const auto& v = object_[key];
  if (!v.is_array() || v.size() > max_items) {
    wrong_type(key, "编号数组", "an array of ids");
    return std::nullopt;
  }
  std::vector<std::int64_t> ids;
  for (const auto& item : v) {
    if (!item.is_number_integer() || item.get<std::int64_t>() <= 0) {
      wrong_type(key, "编号数组", "an array of ids");
      return std::nullopt;
    }
    const auto id = item.get<std::int64_t>();
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
  return ids;
}

std::optional<std::vector<std::string>> Fields::optional_choices(const std::string& key,
                                                                 const std::set<std::string>& allowed) {
  if (!object_.contains(key) || object_[key].is_null()) return std::nullopt;
  const auto& v = object_[key];
  if (!v.is_array()) {
    wrong_type(key, "数组", "an array");
    return std::nullopt;
  }
  std::vector<std::string> values;
  for (const auto& item : v) {
    if (!item.is_string() || !allowed.count(item.get<std::string>())) {
      add_error(key, "invalid_choice", "包含不允许的值", "contains a value that is not allowed");
      return std::nullopt;
    }
    const auto value = item.get<std::string>();
    if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
  }
  return values;
}

std::optional<std::string> Fields::optional_choice(const std::string& key,
                                                   const std::set<std::string>& allowed) {
  if (!object_.contains(key) || object_[key].is_null()) return std::nullopt;
  const auto& v = object_[key];
  if (!v.is_string() || !allowed.count(v.get<std::string>())) {
    add_error(key, "invalid_choice", "取值不在允许范围内", "is not one of the allowed values");
    return std::nullopt;
  }
  return v.get<std::string>();
}

std::string Fields::required_choice(const std::string& key, const std::set<std::string>& allowed) {
  if (!object_.contains(key) || object_[key].is_null()) {
    add_error(key, "required", "必填", "is required");
    return {};
  }
  return optional_choice(key, allowed).value_or("");
}

Page parse_page(const std::map<std::string, std::string>& query) {
  Page page;
  if (auto limit = query_id(query, "limit")) {
    if (*limit > 200) throw query_error("limit", "不能超过 200", "must be at most 200");
    page.limit = *limit;
  }
  if (auto it = query.find("offset"); it != query.end()) {
    if (!parse_int64(it->second, page.offset) || page.offset < 0)
      throw query_error("offset", "应为非负整数", "must be a non-negative integer");
  }
  return page;
}

std::optional<std::int64_t> query_id(const std::map<std::string, std::string>& query,
                                     const std::string& key) {
  auto it = query.find(key);
  if (it == query.end() || it->second.empty()) return std::nullopt;
  std::int64_t value;
  if (!parse_int64(it->second, value) || value <= 0)
    throw query_error(key, "应为正整数", "must be a positive integer");
  return value;
}

std::optional<std::string> query_text(const std::map<std::string, std::string>& query, const std::string& key,
                                      std::size_t max_chars) {
  auto it = query.find(key);
  if (it == query.end()) return std::nullopt;
  std::string value = trim(it->second);
  if (value.empty()) return std::nullopt;
  if (!is_clean_text(value, false))
    throw query_error(key, "含有不允许的字符", "contains characters that are not allowed");
  if (utf8_length(value) > max_chars) throw query_error(key, "过长", "is too long");
  return value;
}

std::optional<std::string> query_date(const std::map<std::string, std::string>& query,
                                      const std::string& key) {
  auto value = query_text(query, key, 10);
  if (value && !parse_date(*value))
    throw query_error(key, "应为日期（YYYY-MM-DD）", "must be a date (YYYY-MM-DD)");
  return value;
}

std::optional<bool> query_bool(const std::map<std::string, std::string>& query, const std::string& key) {
  auto it = query.find(key);
  if (it == query.end() || it->second.empty()) return std::nullopt;
  if (it->second == "true" || it->second == "1") return true;
  if (it->second == "false" || it->second == "0") return false;
  throw query_error(key, "应为 true 或 false", "must be true or false");
}

std::optional<std::string> query_choice(const std::map<std::string, std::string>& query,
                                        const std::string& key, const std::set<std::string>& allowed) {
  auto it = query.find(key);
  if (it == query.end() || it->second.empty()) return std::nullopt;
  if (!allowed.count(it->second)) throw query_error(key, "取值无效", "has an invalid value");
  return it->second;
}

std::int64_t parse_id(const std::string& text) {
  std::int64_t value;
  if (!parse_int64(text, value) || value <= 0) throw not_found();
  return value;
}

}  // namespace rw
