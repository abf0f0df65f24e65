#include "calendar/calendar_service.hpp"

#include <nlohmann/json.hpp>

#include <set>

#include "audit/audit_log.hpp"
#include "calendar/arrangement.hpp"
#include "calendar/calendar_store.hpp"
#include "platform/dates.hpp"
#include "platform/errors.hpp"

namespace rw::calendar {
namespace {

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

}  // namespace

nlohmann::json list_years(const accounts::Operation& op) {
  const auto uploads = uploaded_years(op.db);
  std::set<int> years;
  for (const auto& [year, document] : shipped_years()) years.insert(year);
  for (const auto& [year, upload] : uploads) years.insert(year);
  nlohmann::json items = nlohmann::json::array();
  for (int year : years) {
    const auto upload = uploads.find(year);
    items.push_back(year_json(year, upload != uploads.end() ? &upload->second : nullptr, false));
  }
  return {{"items", items}, {"total", items.size()}};
}

nlohmann::json get_year(const accounts::Operation& op, int year) {
  const auto upload = uploaded_year(op.db, year);
  return year_json(year, upload ? &*upload : nullptr, true);
}

nlohmann::json put_year(const accounts::Operation& op, int year, const nlohmann::json& body) {
  const auto document = checked_arrangement(body, year);
  const auto before = uploaded_year(op.db, year);
  save_upload(op.db, year, document, op.now_text(), op.actor.id);
  if (before)
    audit::record_update(op, "calendar_year", year, std::nullopt, before->document, document);
  else
    audit::record(op,
                  {"calendar_year", std::to_string(year), "create", std::nullopt, audit::created(document)});
  return get_year(op, year);
}

void delete_year(const accounts::Operation& op, int year) {
  const auto before = uploaded_year(op.db, year);
  if (!before) throw not_found();
  delete_upload(op.db, year);
  audit::record(
      op, {"calendar_year", std::to_string(year), "delete", std::nullopt, audit::deleted(before->document)});
}

nlohmann::json date_after_working_days(const accounts::Operation& op, Date from, int days) {
  const auto calendar = kept_calendar(op.db, op.actor.calendar_generation);
  const auto date = calendar->add_working_days(from, days);
  return {{"date", format_date(date)}, {"fallback", calendar->uses_fallback(from, date)}};
}

nlohmann::json count_working_days(const accounts::Operation& op, Date from, Date to) {
  const auto calendar = kept_calendar(op.db, op.actor.calendar_generation);
  return {{"days", calendar->working_days_between(from, to)},
          {"fallback", calendar->uses_fallback(from, to)}};
}

}  // namespace rw::calendar
