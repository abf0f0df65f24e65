#pragma once
// The calendar in force: the years shipped in data/calendar/<year>.json, each overridden by a year an
// admin uploaded (PUT /api/v1/calendar/{year}, kept in the calendar_years table).
#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "calendar/working_calendar.hpp"
#include "platform/db/database.hpp"

namespace rw::calendar {

WorkingCalendar load_calendar(db::Connection& db);
// The same, kept in the process while the calendar generation a reading request's session read holds (V058);
// read afresh without one (accounts::Actor::calendar_generation).
std::shared_ptr<const WorkingCalendar> kept_calendar(db::Connection& db,
                                                     std::optional<std::int64_t> generation);

// An admin's upload of one year.
struct UploadedYear {
  nlohmann::json document;  // checked, see calendar/arrangement.hpp
  std::string updated_at;
  std::string updated_by;  // the uploader's name
};

// The shipped documents by year, read from the files compiled in and checked once.
const std::map<int, nlohmann::json>& shipped_years();
std::map<int, UploadedYear> uploaded_years(db::Connection& db);
std::optional<UploadedYear> uploaded_year(db::Connection& db, int year);
// Inserts or replaces the year's upload.
void save_upload(db::Connection& db, int year, const nlohmann::json& document, const std::string& now,
                 std::int64_t user_id);
void delete_upload(db::Connection& db, int year);

}  // namespace rw::calendar
