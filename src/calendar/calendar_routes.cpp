#include "calendar/calendar_routes.hpp"

#include <charconv>

#include "calendar/calendar_service.hpp"
#include "platform/dates.hpp"
#include "platform/json_input.hpp"

namespace rw::calendar {
namespace {

constexpr int kFirstYear = 2000;
constexpr int kLastYear = 2100;
constexpr int kMaxDays = 1000;
// A year's arrangement is about 3 KB; anything much larger is not one.
constexpr std::size_t kMaxUploadBytes = 64 * 1024;

int year_param(const api::Context& context) {
  const auto year = parse_id(context.params.text("year"));
  if (year < kFirstYear || year > kLastYear)
    throw invalid_field("year", "out_of_range", "年份应在 2000–2100 之间",
                        "the year must be between 2000 and 2100");
  return static_cast<int>(year);
}

Date query_calendar_date(const std::map<std::string, std::string>& query, const std::string& key) {
  const auto it = query.find(key);
  const auto date = it == query.end() ? std::nullopt : parse_date(it->second);
  if (!date || static_cast<int>(date->year()) < kFirstYear || static_cast<int>(date->year()) > kLastYear)
    throw invalid_field(key, "invalid_query", "查询参数 " + key + " 应为 2000–2100 年间的日期（YYYY-MM-DD）",
                        "query parameter " + key + " must be a date (YYYY-MM-DD) in 2000–2100");
  return *date;
}

int query_days(const std::map<std::string, std::string>& query) {
  const auto it = query.find("days");
  int days = -1;
  if (it != query.end()) {
    const auto& text = it->second;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), days);
    if (ec != std::errc() || end != text.data() + text.size()) days = -1;
  }
  if (days < 0 || days > kMaxDays)
    throw invalid_field("days", "invalid_query", "查询参数 days 应为 0–1000 的整数",
                        "query parameter days must be an integer from 0 to 1000");
  return days;
}

http::Response list(api::Context& context) { return api::json_ok(list_years(context.op())); }

http::Response get(api::Context& context) {
  return api::json_ok(get_year(context.op(), year_param(context)));
}

http::Response put(api::Context& context) {
  const int year = year_param(context);
  if (context.request.body_bytes().size() > kMaxUploadBytes)
    throw ApiError(ErrorKind::payload_too_large, "payload_too_large", "工作日历上传不能超过 64 KB",
                   "A calendar upload must be at most 64 KB");
  return api::json_ok(put_year(context.op(), year, context.body()));
}

http::Response remove(api::Context& context) {
  delete_year(context.op(), year_param(context));
  return http::no_content();
}

// GET /calendar/add-working-days?from&days
http::Response add_working_days(api::Context& context) {
  const auto& query = context.request.query;
  const auto from = query_calendar_date(query, "from");
  const auto days = query_days(query);
  return api::json_ok(date_after_working_days(context.op(), from, days));
}

// GET /calendar/working-days-between?from&to
http::Response working_days_between(api::Context& context) {
  const auto& query = context.request.query;
  const auto from = query_calendar_date(query, "from");
  const auto to = query_calendar_date(query, "to");
  return api::json_ok(count_working_days(context.op(), from, to));
}

}  // namespace

void add_calendar_routes(api::Routes& routes) {
  routes.get("/calendar", "calendar:read", list);
  routes.get("/calendar/add-working-days", "calendar:read", add_working_days);
  routes.get("/calendar/working-days-between", "calendar:read", working_days_between);
  routes.get("/calendar/{year}", "calendar:read", get);
  routes.put("/calendar/{year}", "calendar:write", put);
  routes.del("/calendar/{year}", "calendar:write", remove);
}

}  // namespace rw::calendar
