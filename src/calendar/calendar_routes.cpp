#include "calendar/calendar_routes.hpp"

#include <charconv>
#include <set>

#include "audit/audit_log.hpp"
#include "calendar/arrangement.hpp"
#include "calendar/calendar_store.hpp"
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

Date new_years_eve(int year) { return std::chrono::year(year) / std::chrono::December / 31; }

// A year as the API shows it: where its arrangement comes from and, in `detail`, the arrangement itself
// and its number of working days.
nlohmann::json year_json(int year, const UploadedYear* upload, bool detail) {
  const auto& shipped = shipped_years();
  const auto file = shipped.find(year);
  const nlohmann::json* document = upload                  ? &upload->document
                                   : file != shipped.end() ? &file->second
                                                           : nullptr;
  nlohmann::json out = {{"year", year},
                        {"source", upload     ? "uploaded"
                                   : document ? "shipped"
                                              : "fallback"},
                        {"fallback", document == nullptr},
                        {"notice", document ? (*document)["notice"] : ""},
                        {"has_shipped", file != shipped.end()},
                        {"updated_at", upload ? nlohmann::json(upload->updated_at) : nlohmann::json()},
                        {"updated_by", upload ? nlohmann::json(upload->updated_by) : nlohmann::json()}};
  if (!detail) return out;
  out["holidays"] = document ? (*document)["holidays"] : nlohmann::json::array();
  out["working_days"] = document ? (*document)["working_days"] : nlohmann::json::array();
  std::map<int, YearArrangement> years;
  if (document) years[year] = arrangement_of(*document);
  out["working_day_count"] =
      WorkingCalendar(std::move(years)).working_days_between(new_years_eve(year - 1), new_years_eve(year));
  return out;
}

nlohmann::json find_year(db::Connection& db, int year) {
  const auto upload = uploaded_year(db, year);
  return year_json(year, upload ? &*upload : nullptr, true);
}

// GET /calendar: the years with data, shipped or uploaded.
http::Response list_years(api::Context& context) {
  const auto uploads = uploaded_years(context.db);
  std::set<int> years;
  for (const auto& [year, document] : shipped_years()) years.insert(year);
  for (const auto& [year, upload] : uploads) years.insert(year);
  nlohmann::json items = nlohmann::json::array();
  for (int year : years) {
    const auto upload = uploads.find(year);
    items.push_back(year_json(year, upload != uploads.end() ? &upload->second : nullptr, false));
  }
  return api::json_ok({{"items", items}, {"total", items.size()}});
}

http::Response get_year(api::Context& context) {
  return api::json_ok(find_year(context.db, year_param(context)));
}

http::Response put_year(api::Context& context) {
  const int year = year_param(context);
  if (context.request.body_bytes().size() > kMaxUploadBytes)
    throw ApiError(ErrorKind::payload_too_large, "payload_too_large", "工作日历上传不能超过 64 KB",
                   "A calendar upload must be at most 64 KB");
  const auto document = checked_arrangement(context.body(), year);
  const auto before = uploaded_year(context.db, year);
  save_upload(context.db, year, document, context.now_text(), context.me().id);
  if (before)
    audit::record_update(context.op(), "calendar_year", year, std::nullopt, before->document, document);
  else
    audit::record(context.op(),
                  {"calendar_year", std::to_string(year), "create", std::nullopt, audit::created(document)});
  return api::json_ok(find_year(context.db, year));
}

// Removes the upload: the shipped file, or Monday–Friday, applies again.
http::Response delete_year(api::Context& context) {
  const int year = year_param(context);
  const auto before = uploaded_year(context.db, year);
  if (!before) throw not_found();
  delete_upload(context.db, year);
  audit::record(context.op(), {"calendar_year", std::to_string(year), "delete", std::nullopt,
                               audit::deleted(before->document)});
  return http::no_content();
}

// GET /calendar/add-working-days?from&days: the day after `from` is day 1.
http::Response add_working_days_route(api::Context& context) {
  const auto& query = context.request.query;
  const auto from = query_calendar_date(query, "from");
  const auto days = query_days(query);
  const auto calendar = load_calendar(context.db);
  const auto date = calendar.add_working_days(from, days);
  return api::json_ok({{"date", format_date(date)}, {"fallback", calendar.uses_fallback(from, date)}});
}

// GET /calendar/working-days-between?from&to: working days in (from, to].
http::Response working_days_between_route(api::Context& context) {
  const auto& query = context.request.query;
  const auto from = query_calendar_date(query, "from");
  const auto to = query_calendar_date(query, "to");
  const auto calendar = load_calendar(context.db);
  return api::json_ok(
      {{"days", calendar.working_days_between(from, to)}, {"fallback", calendar.uses_fallback(from, to)}});
}

}  // namespace

void add_calendar_routes(api::Routes& routes) {
  routes.get("/calendar", "calendar:read", list_years);
  routes.get("/calendar/add-working-days", "calendar:read", add_working_days_route);
  routes.get("/calendar/working-days-between", "calendar:read", working_days_between_route);
  routes.get("/calendar/{year}", "calendar:read", get_year);
  routes.put("/calendar/{year}", "calendar:write", put_year);
  routes.del("/calendar/{year}", "calendar:write", delete_year);
}

}  // namespace rw::calendar
