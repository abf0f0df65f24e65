#include "services/daily_jobs.hpp"

#include <spdlog/spdlog.h>

#include "calendar/calendar_store.hpp"
#include "platform/dates.hpp"
#include "services/deadline_service.hpp"

namespace rw::services {

bool run_daily_jobs(db::Database& database, const Clock& clock) {
  const auto now = clock.now();
  const auto today = china_day(now);
  const auto today_text = format_date(today);
  auto lease = database.acquire();
  // Once a day, over many rows: a plan kept from the days before would not know today's dates.
  const db::PlanEachRun planned(*lease);
  db::Transaction transaction(*lease, db::kLongWrite);
  // Claiming the day inside the transaction keeps two servers from both running the sweep: on PostgreSQL the
  // second server's UPDATE waits for the first one's row lock and then finds the day taken; SQLite writers
  // take turns. The very first day, the row's primary key lets only one server's INSERT through.
  auto claimed =
      lease->execute("UPDATE job_runs SET last_run_on = ? WHERE job = 'deadline_sweep' AND last_run_on < ?",
                     {today_text, today_text});
  if (claimed == 0)
    claimed = lease->execute(
        "INSERT INTO job_runs (job, last_run_on) VALUES ('deadline_sweep', ?) ON CONFLICT (job) DO NOTHING",
        {today_text});
  if (claimed == 0) return false;
  const auto result = sweep_deadlines(*lease, calendar::load_calendar(*lease), today, format_utc(now));
  transaction.commit();
  if (database.dialect() == db::Dialect::sqlite) db::refresh_statistics(*lease);
  spdlog::info("deadline sweep {}: {} overdue, {} reminders, {} notifications, {} hazards escalated",
               today_text, result.marked_overdue, result.reminders, result.notifications, result.escalations);
  return true;
}

}  // namespace rw::services
