#pragma once
// The working-day calendar 工作日历: every signed-in user reads the years and counts working days; platform
// admins upload a year's arrangement over the shipped one, or remove the upload.
#include <nlohmann/json_fwd.hpp>

#include "accounts/operation.hpp"
#include "calendar/working_calendar.hpp"

namespace rw::calendar {

// {items, total}: the years with data, shipped or uploaded, without their arrangements.
nlohmann::json list_years(const accounts::Operation& op);
// The year's source, arrangement and number of working days (Monday–Friday when there is no data).
nlohmann::json get_year(const accounts::Operation& op, int year);
// Stores the checked arrangement (422 with every error) as the year's upload; answers the year.
nlohmann::json put_year(const accounts::Operation& op, int year, const nlohmann::json& document);
// Removes the upload, so the shipped file, or Monday–Friday, applies again; 404 without an upload.
void delete_year(const accounts::Operation& op, int year);
// {date, fallback}: the date `days` working days after `from` (the day after `from` is day 1).
nlohmann::json date_after_working_days(const accounts::Operation& op, Date from, int days);
// {days, fallback}: the working days in (from, to].
nlohmann::json count_working_days(const accounts::Operation& op, Date from, Date to);

}  // namespace rw::calendar
