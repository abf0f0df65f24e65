#include "calendar/calendar_store.hpp"

#include <stdexcept>

#include "calendar/arrangement.hpp"
#include "platform/embedded.hpp"
#include "platform/errors.hpp"
#include "platform/kept_by_generation.hpp"

namespace rw::calendar {
namespace {

constexpr const char* kSelectArrangements = "SELECT year, arrangement FROM calendar_years";
constexpr const char* kSelectUploads =
    "SELECT c.year, c.arrangement, c.updated_at, u.display_name AS updated_by "
    "FROM calendar_years c LEFT JOIN users u ON u.id = c.updated_by";
constexpr const char* kUpsertUpload =
    "INSERT INTO calendar_years (year, arrangement, updated_at, updated_by) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (year) DO UPDATE SET arrangement = excluded.arrangement, updated_at = excluded.updated_at, "
    "updated_by = excluded.updated_by";
constexpr const char* kDeleteUpload = "DELETE FROM calendar_years WHERE year = ?";

constexpr std::string_view kPrefix = "calendar/";
constexpr std::string_view kSuffix = ".json";

std::map<int, nlohmann::json> read_shipped_years() {
  std::map<int, nlohmann::json> years;
  for (const auto& file : embedded::data_files()) {
    if (!file.name.starts_with(kPrefix) || !file.name.ends_with(kSuffix)) continue;
    const auto stem = file.name.substr(kPrefix.size(), file.name.size() - kPrefix.size() - kSuffix.size());
    const int year = std::stoi(std::string(stem));
    try {
      years[year] = checked_arrangement(nlohmann::json::parse(file.text), year);
    } catch (const ApiError& e) {
      // A broken shipped file is a build mistake; name it rather than answer 422 to some later request.
      const auto& first = e.errors.at(0);
      throw std::runtime_error("data/" + std::string(file.name) + ": " + first.field + " " +
                               first.message_en);
    }
  }
  return years;
}

std::map<int, YearArrangement> shipped_arrangements() {
  std::map<int, YearArrangement> out;
  for (const auto& [year, document] : shipped_years()) out[year] = arrangement_of(document);
  return out;
}

UploadedYear upload_of(const db::Row& row) {
  return {nlohmann::json::parse(row.text("arrangement")), row.text("updated_at"), row.text("updated_by")};
}

}  // namespace

const std::map<int, nlohmann::json>& shipped_years() {
  static const auto years = read_shipped_years();
  return years;
}

WorkingCalendar load_calendar(db::Connection& db) {
  static const auto shipped = shipped_arrangements();
  auto years = shipped;
  const auto rows = db.query(kSelectArrangements);
  for (std::size_t i = 0; i < rows.size(); ++i)
    years[static_cast<int>(rows[i].integer("year"))] =
        arrangement_of(nlohmann::json::parse(rows[i].text("arrangement")));
  return WorkingCalendar(std::move(years));
}

std::shared_ptr<const WorkingCalendar> kept_calendar(db::Connection& db,
                                                     std::optional<std::int64_t> generation) {
  if (!generation) return std::make_shared<const WorkingCalendar>(load_calendar(db));
  static KeptByGeneration<std::uint64_t, WorkingCalendar> kept(16);
  return kept.get(db.database_serial(), *generation, [&] { return load_calendar(db); });
}

std::map<int, UploadedYear> uploaded_years(db::Connection& db) {
  std::map<int, UploadedYear> out;
  const auto rows = db.query(kSelectUploads);
  for (std::size_t i = 0; i < rows.size(); ++i)
    out[static_cast<int>(rows[i].integer("year"))] = upload_of(rows[i]);
  return out;
}

std::optional<UploadedYear> uploaded_year(db::Connection& db, int year) {
  const auto rows = db.query(std::string(kSelectUploads) + " WHERE c.year = ?", {std::int64_t{year}});
  if (rows.empty()) return std::nullopt;
  return upload_of(rows[0]);
}

void save_upload(db::Connection& db, int year, const nlohmann::json& document, const std::string& now,
                 std::int64_t user_id) {
  db.execute(kUpsertUpload, {std::int64_t{year}, document.dump(), now, user_id});
}

void delete_upload(db::Connection& db, int year) { db.execute(kDeleteUpload, {std::int64_t{year}}); }

}  // namespace rw::calendar
