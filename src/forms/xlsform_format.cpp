#include "forms/xlsform_format.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>

namespace rw::forms::xlsform {

std::string implied_kind(std::string_view base_type, const std::vector<std::string>& choice_values,
                         bool in_repeat) {
  if (base_type == "select_one") {
    const auto has = [&](const char* v) {
      return std::find(choice_values.begin(), choice_values.end(), v) != choice_values.end();
    };
    const bool yes_no_only =
        std::all_of(choice_values.begin(), choice_values.end(),
                    [](const std::string& v) { return v == "yes" || v == "no" || v == "na"; });
    return yes_no_only && has("yes") && has("no") ? "yes_no" : "single";
  }
  if (base_type == "select_multiple") return "multiple";
  if (base_type == "text" || base_type == "date") return std::string(base_type);
  if (base_type == "integer" || base_type == "decimal") return "number";
  if (in_repeat) return "";  // a table cell is none of the kinds below
  if (base_type == "image") return "photo";
  if (base_type == "begin_repeat") return "table";
  return "";
}

bool holds_json(std::string_view key) {
  static constexpr std::array<std::string_view, 11> kJsonKeys = {
      "weight", "min_photos", "multiline", "integer", "rows",         "rows_addable",
      "score",  "exclusive",  "notes",     "scored",  "service_types"};
  return std::find(kJsonKeys.begin(), kJsonKeys.end(), key) != kJsonKeys.end();
}

std::string column_list_name(const std::string& item, const std::string& column) {
  return item + "__" + column;
}

std::string number_text(const nlohmann::json& number) { return number.dump(); }

}  // namespace rw::forms::xlsform
