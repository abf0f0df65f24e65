#include "benchdata/generator.hpp"

#include <chrono>
#include <sstream>
#include <stdexcept>

#include "accounts/password.hpp"
#include "benchdata/world.hpp"
#include "calendar/calendar_store.hpp"
#include "platform/clock.hpp"
#include "platform/dates.hpp"

namespace rw::benchdata {
namespace {

// The tables generate() fills, for the summary.
const char* const kTables[] = {"regions",
                               "organizations",
                               "organization_regions",
                               "users",
                               "user_roles",
                               "staff",
                               "staff_certificates",
                               "enterprises",
                               "policies",
                               "commissions",
                               "commission_service_types",
                               "commission_items",
                               "service_plans",
                               "service_plan_items",
                               "service_plan_staff",
                               "visits",
                               "visit_service_types",
                               "visit_team",
                               "status_events",
                               "deadlines",
                               "notifications",
                               "audit_log",
                               "inspections",
                               "inspection_answers",
                               "inspection_findings",
                               "visit_photo_consents",
                               "training_records",
                               "hazards",
                               "hazard_escalations",
                               "notices",
                               "notice_hazards",
                               "notice_number_counters"};

// Tables whose ids the generator chose: PostgreSQL's identity sequences must continue after them.
void continue_sequences(db::Connection& db, const Ids& ids) {
  if (db.dialect() != db::Dialect::postgresql) return;
  for (const auto& [table, last] : ids.last())
    db.query("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), ?) AS v", {last});
}

}  // namespace

const Scale& scale_named(const std::string& name) {
  static const std::vector<Scale> scales = {
      {"tiny", false, 2, 3, 4, 240, 720},
      {"city", false, 0, 8, 14, 10'000, 30'000},
      {"province", true, 0, 6, 14, 100'000, 300'000},
  };
  for (const auto& s : scales)
    if (s.name == name) return s;
  throw std::invalid_argument("unknown scale: " + name + " (tiny, city or province)");
}

std::string moment(Day day, int minute) {
  constexpr std::int64_t kChinaOffset = 8 * 3600;
  return format_utc(std::chrono::duration_cast<std::chrono::seconds>(day.time_since_epoch()).count() +
                    std::int64_t{minute} * 60 - kChinaOffset);
}

std::string date_text(Day day) { return format_date(std::chrono::year_month_day(day)); }

Summary generate(db::Database& database, const Options& options) {
  const auto started = std::chrono::steady_clock::now();
  const auto today = parse_date(options.today);
  if (!today) throw std::invalid_argument("today must be YYYY-MM-DD");
  auto lease = database.acquire();
  auto& db = *lease;
  if (!db.query("SELECT 1 AS one FROM users LIMIT 1").empty())
    throw std::runtime_error("bench-data needs an empty database (this one has users)");
  if (db.dialect() == db::Dialect::sqlite) db.execute_script("PRAGMA cache_size = -262144");  // 256 MiB

  World world{scale_named(options.scale), Random(options.seed), Day(*today), calendar::load_calendar(db),
              // Hashing is slow (Argon2id): one hash serves every generated user.
              accounts::hash_password(options.password)};
  write_registry(db, world);
  write_services(db, world);
  write_inspections(db, world);
  continue_sequences(db, world.ids);
  db::refresh_statistics(db);

  Summary summary;
  for (const char* table : kTables)
    summary.rows[table] = db.query(std::string("SELECT COUNT(*) AS n FROM ") + table)[0].integer("n");
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

std::string format_summary(const Summary& summary) {
  std::ostringstream out;
  std::int64_t total = 0;
  for (const auto& [table, rows] : summary.rows) {
    out << "  " << table << std::string(28 - std::min<std::size_t>(27, table.size()), ' ') << rows << "\n";
    total += rows;
  }
  out << "  " << total << " rows in " << static_cast<int>(summary.seconds * 10) / 10.0 << " s\n";
  return out.str();
}

}  // namespace rw::benchdata
