#pragma once
// A year's arrangement as a document, the same for the shipped files (data/calendar/<year>.json) and for
// an admin's upload:
//   {"year": 2026, "notice": "国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）",
//    "holidays": [{"name": "春节", "name_en": "Spring Festival", "dates": ["2026-02-15", …]}, …],
//    "working_days": [{"name": "春节", "name_en": "Spring Festival", "dates": ["2026-02-14", …]}, …]}
#include <nlohmann/json.hpp>

#include "calendar/working_calendar.hpp"

namespace rw::calendar {

// The document checked for `year` and normalized (names trimmed, each entry's dates sorted); throws 422
// with every field error: malformed or out-of-year dates, a date listed twice or as both holiday and
// working day, a working day that is not a Saturday or Sunday, lists too long.
nlohmann::json checked_arrangement(const nlohmann::json& document, int year);
// The dates of a checked document.
YearArrangement arrangement_of(const nlohmann::json& checked);

}  // namespace rw::calendar
