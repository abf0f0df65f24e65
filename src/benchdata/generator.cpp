#include "benchdata/generator.hpp"

#include <chrono>
#include <sstream>
#include <stdexcept>

#include "accounts/password.hpp"
#include "benchdata/deferred_indexes.hpp"
#include "benchdata/deferred_surveys.hpp"
#include "benchdata/world.hpp"
#include "calendar/calendar_store.hpp"
#include "platform/clock.hpp"
#include "platform/dates.hpp"
#include "platform/db/bulk_write.hpp"
#include "registry/enterprise_search_index.hpp"

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
                               "webhook_subscriptions",
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
                               "hazard_progress",
                               "hazard_rechecks",
                               "notices",
                               "notice_hazards",
                               "notice_number_counters",
                               "env_risk_assessments",
                               "safety_risk_records",
                               "archive_settings",
                               "archive_item_states",
                               "archive_events"};

// The largest tables, which no trigger reads and the generator never reads back (DeferredIndexes).
const std::vector<std::string> kDeferredIndexTables = {
    "audit_log",   "status_events",      "notifications",       "deadlines", "visit_team",
    "inspections", "inspection_answers", "inspection_findings", "hazards",   "hazard_escalations",
    "notices",     "notice_hazards"};

// A stage's page cache on the handle that writes: at province scale a stage's indexes and tables are
// gigabytes, and with the writer's usual 16 MiB the pages it keeps changing were spilled to the WAL and
// read back all the time (347 s to generate, 273 s with 1 GiB, of which 49 and 14 s in the kernel).
constexpr std::int64_t kStageCacheMiB = 1024;

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

  World world{scale_named(options.scale), Random(options.seed), Day(*today), calendar::load_calendar(db),
              // Hashing is slow (Argon2id): one hash serves every generated user.
              accounts::hash_password(options.password)};
  Summary summary;
  const auto lap = [&](const char* stage) {
    summary.stages.emplace_back(
        stage, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  };
  DeferredIndexes deferred(db, kDeferredIndexTables);
  DeferredSurveys surveys(db);
  const std::pair<const char*, void (*)(WriteBehind&, World&)> stages[] = {{"registry", write_registry},
                                                                           {"services", write_services},
                                                                           {"inspections", write_inspections},
                                                                           {"archive", write_archive}};
  for (const auto& [name, stage] : stages) {
    db::Transaction transaction(db, true);
    const db::BulkWrite bulk(db, kStageCacheMiB);
    {
      WriteBehind out(db);
      stage(out, world);
      out.connection();  // every row written
    }
    transaction.commit();
    lap(name);
  }
  {
    db::Transaction transaction(db, true);
    const db::BulkWrite bulk(db, kStageCacheMiB);
    registry::index_waiting_enterprises(db);  // every enterprise in one pass (V052)
    transaction.commit();
  }
  lap("search index");
  surveys.count();
  lap("surveys");
  deferred.build();
  lap("indexes");
  continue_sequences(db, world.ids);
  db::refresh_statistics(db);

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
  out << "  " << total << " rows in " << static_cast<int>(summary.seconds * 10) / 10.0 << " s";
  for (const auto& [stage, done_at] : summary.stages)
    out << (stage == summary.stages.front().first ? " (" : ", ") << stage << " done at "
        << static_cast<int>(done_at * 10) / 10.0 << " s";
  out << (summary.stages.empty() ? "\n" : ")\n");
  return out.str();
}

}  // namespace rw::benchdata
