#include "calendar/arrangement.hpp"

#include <algorithm>
#include <map>

#include "platform/dates.hpp"
#include "platform/json_input.hpp"

namespace rw::calendar {
namespace {

// A notice names seven holidays; a holiday lasts at most nine days and brings at most three 调休 days.
constexpr std::size_t kMaxEntries = 20;
constexpr std::size_t kMaxDates = 31;

enum class Kind { holiday, working_day };

bool is_weekend(std::chrono::year_month_day date) {
  const std::chrono::weekday w{std::chrono::sys_days(date)};
  return w == std::chrono::Saturday || w == std::chrono::Sunday;
}

// Checks one date of an entry and records it in `seen` (date → the list that named it first).
void check_date(Fields& fields, const std::string& field, const nlohmann::json& value, int year, Kind kind,
                std::map<std::string, Kind>& seen, std::vector<std::string>& dates) {
  const auto date = value.is_string() ? parse_date(value.get<std::string>()) : std::nullopt;
  if (!date) {
    fields.add_error(field, "invalid_date", "应为有效日期（YYYY-MM-DD）",
                     "must be a valid date (YYYY-MM-DD)");
    return;
  }
  const auto text = value.get<std::string>();
  const auto year_text = std::to_string(year);
  if (static_cast<int>(date->year()) != year) {
    fields.add_error(field, "wrong_year", "日期不在 " + year_text + " 年内", "is not in " + year_text);
    return;
  }
  if (kind == Kind::working_day && !is_weekend(*date)) {
    fields.add_error(field, "not_weekend", "调休上班日应为周六或周日",
                     "an adjusted working day must be a Saturday or Sunday");
    return;
  }
  if (auto it = seen.find(text); it != seen.end()) {
    if (it->second == kind)
      fields.add_error(field, "duplicate_date", "日期重复：" + text, "is listed twice: " + text);
    else
      fields.add_error(field, "holiday_and_working_day", "该日期已列为放假日：" + text,
                       "is also a holiday: " + text);
    return;
  }
  seen.emplace(text, kind);
  dates.push_back(text);
}

nlohmann::json checked_entries(Fields& fields, const std::string& key, Kind kind, int year,
                               std::map<std::string, Kind>& seen) {
  nlohmann::json out = nlohmann::json::array();
  const auto& object = fields.object();
  if (!object.contains(key) || object[key].is_null()) {
    fields.add_error(key, "required", "必填", "is required");
    return out;
  }
  const auto& list = object[key];
  if (!list.is_array() || list.size() > kMaxEntries) {
    fields.add_error(key, "wrong_type", "应为不超过 20 项的数组", "must be an array of at most 20 entries");
    return out;
  }
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string prefix = key + "[" + std::to_string(i) + "].";
    if (!list[i].is_object()) {
      fields.add_error(key, "wrong_type", "每项应为对象", "each entry must be an object");
      return out;
    }
    Fields entry(list[i]);
    nlohmann::json checked = {{"name", entry.required_text("name", 1, 40)},
                              {"name_en", entry.optional_text("name_en", 80).value_or("")}};
    for (const auto& e : entry.errors()) fields.add_error(prefix + e.field, e.code, e.message, e.message_en);
    const auto& dates = list[i].contains("dates") ? list[i]["dates"] : nlohmann::json();
    if (!dates.is_array() || dates.empty() || dates.size() > kMaxDates) {
      fields.add_error(prefix + "dates", "wrong_type", "应为 1–31 个日期的数组",
                       "must be an array of 1 to 31 dates");
      continue;
    }
    std::vector<std::string> good;
    for (std::size_t j = 0; j < dates.size(); ++j)
      check_date(fields, prefix + "dates[" + std::to_string(j) + "]", dates[j], year, kind, seen, good);
    std::sort(good.begin(), good.end());
    checked["dates"] = good;
    out.push_back(std::move(checked));
  }
  return out;
}

}  // namespace

nlohmann::json checked_arrangement(const nlohmann::json& document, int year) {
  Fields fields(document);
  if (fields.has("year") && document["year"] != year)
    fields.add_error("year", "year_mismatch", "应与地址中的年份 " + std::to_string(year) + " 一致",
                     "must match the year in the path, " + std::to_string(year));
  const auto notice = fields.required_text("notice", 1, 200);
  // Holidays first, so a date in both lists is reported at the working day.
  std::map<std::string, Kind> seen;
  auto holidays = checked_entries(fields, "holidays", Kind::holiday, year, seen);
  auto working_days = checked_entries(fields, "working_days", Kind::working_day, year, seen);
  fields.finish();
  return {{"year", year},
          {"notice", notice},
          {"holidays", std::move(holidays)},
          {"working_days", std::move(working_days)}};
}

YearArrangement arrangement_of(const nlohmann::json& checked) {
  YearArrangement out;
  out.year = checked["year"].get<int>();
  out.source = checked["notice"].get<std::string>();
  for (const auto& [key, target] :
       {std::pair{"holidays", &out.holidays}, std::pair{"working_days", &out.working_weekends}})
    for (const auto& entry : checked[key])
      for (const auto& date : entry["dates"])
        target->insert(std::chrono::sys_days(*parse_date(date.get<std::string>())));
  return out;
}

}  // namespace rw::calendar
