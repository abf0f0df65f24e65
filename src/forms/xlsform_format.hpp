#pragma once
// What the XLSForm writer and reader share (xlsform.hpp describes the format).
#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace rw::forms::xlsform {

inline constexpr std::string_view kExtraPrefix = "riskwatch::";
inline constexpr const char* kFormatColumn = "riskwatch::format";
inline constexpr const char* kFormatVersion = "1";
inline constexpr const char* kChinese = "中文 (zh)";
inline constexpr const char* kEnglish = "English (en)";

// The template kind a survey type stands for: select_one reads as yes_no when its choices are yes/no[/na],
// as single otherwise; "" for a type that is no question.
std::string implied_kind(std::string_view base_type, const std::vector<std::string>& choice_values,
                         bool in_repeat);

// Whether a riskwatch:: column holds JSON (numbers, true/false, lists) rather than text.
bool holds_json(std::string_view key);

// The name of a table column's choice list.
std::string column_list_name(const std::string& item, const std::string& column);

// A number as a constraint writes it: 0, 0.5, -12.
std::string number_text(const nlohmann::json& number);

}  // namespace rw::forms::xlsform
