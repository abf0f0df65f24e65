#pragma once
// The SQL of deadlines: opened when an obligation starts, closed when it is met or falls away, read for
// everyone who may see the object, flagged by the daily sweep.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "accounts/actor.hpp"
#include "platform/db/database.hpp"
#include "platform/paging.hpp"
#include "platform/sql_filter.hpp"

namespace rw::services {

struct NewDeadline {
  std::string kind;         // commission_on_site | data_upload | report_review
  std::string object_type;  // commission_item | visit
  std::int64_t object_id = 0;
  std::optional<std::int64_t> service_type_version_id;
  std::int64_t enterprise_id = 0;
  std::int64_t responsible_org_id = 0;
  std::optional<std::int64_t> watcher_org_id;
  std::string starts_on;
  std::string due_on;
  int amount = 0;
  std::string unit;  // working_days | calendar_days
  std::string basis;
};

void open_deadline(db::Connection& db, const NewDeadline& deadline, const std::string& now);
// Closes the open deadlines of `kind` on the object: status met (on `on`) or cancelled.
void close_deadlines(db::Connection& db, const std::string& object_type, std::int64_t object_id,
                     const std::string& kind, const std::string& status, const std::string& on);

extern const char* const kSelectDeadline;
// The page's ids first, the deadlines' display joins for those alone (platform/paging.hpp).
extern const DeferredList kDeadlineList;
// Filters of GET /deadlines on deadlines `d`, within what the user may see: status (open by default, met,
// cancelled, all), due_before, overdue (against `today`), kind, enterprise_id, object_type, object_id.
SqlFilter deadline_filter(db::Connection& db, const accounts::Actor& user,
                          const std::map<std::string, std::string>& query, const std::string& today);

// The open deadlines the sweep acts on: past due and not yet notified, or due from `today` to `soon` and
// not yet reminded.
db::Rows deadlines_to_sweep(db::Connection& db, const std::string& today, const std::string& soon);
void mark_overdue(db::Connection& db, std::int64_t id);
void mark_reminded(db::Connection& db, std::int64_t id);

// The visit's open data-upload deadlines, oldest first.
db::Rows open_upload_deadlines(db::Connection& db, std::int64_t visit_id);
// Cancels the visit's open data-upload deadline of one service type.
void cancel_open_upload(db::Connection& db, std::int64_t visit_id, std::int64_t service_type_version_id);

}  // namespace rw::services
