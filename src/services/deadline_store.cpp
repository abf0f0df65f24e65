#include "services/deadline_store.hpp"

#include "access/visibility.hpp"
#include "platform/json_input.hpp"
#include "services/workflow_vocabularies.hpp"

#include <stdexcept>

namespace rw::services {
namespace {

constexpr const char* kInsertDeadline =
    "INSERT INTO deadlines (kind, object_type, object_id, service_type_version_id, enterprise_id, "
    "responsible_org_id, "
    "watcher_org_id, starts_on, due_on, amount, unit, basis, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
    "?, ?, ?, ?, ?)";
constexpr const char* kCloseDeadlines =
    "UPDATE deadlines SET status = ?, met_on = ? WHERE object_type = ? AND object_id = ? AND kind = ? "
    "AND status = 'open'";
// After kSelectDeadline.
constexpr const char* kWhereToSweep =
    " WHERE d.status = 'open' AND ((d.due_on < ? AND d.overdue_notified = 0) OR "
    "(d.due_on >= ? AND d.due_on <= ? AND d.reminded = 0)) ORDER BY d.id";
constexpr const char* kMarkOverdue = "UPDATE deadlines SET overdue = 1, overdue_notified = 1 WHERE id = ?";
constexpr const char* kMarkReminded = "UPDATE deadlines SET reminded = 1 WHERE id = ?";
// After kSelectDeadline.
constexpr const char* kWhereOpenUploads =
    " WHERE d.object_type = 'visit' AND d.object_id = ? AND d.kind = 'data_upload' AND d.status = 'open'";
constexpr const char* kCancelOpenUpload =
    "UPDATE deadlines SET status = 'cancelled' WHERE object_type = 'visit' AND object_id = ? "
    "AND kind = 'data_upload' AND service_type_version_id = ? AND status = 'open'";

}  // namespace

const char* const kSelectDeadline =
    "SELECT d.*, e.name AS enterprise_name, r.name AS responsible_name, w.name AS watcher_name, "
    "stv.name_zh AS service_type_name_zh, stv.name_en AS service_type_name_en FROM deadlines d "
    "JOIN enterprises e ON e.id = d.enterprise_id JOIN organizations r ON r.id = d.responsible_org_id "
    "LEFT JOIN organizations w ON w.id = d.watcher_org_id "
    "LEFT JOIN service_type_versions stv ON stv.id = d.service_type_version_id";
const DeferredList kDeadlineList{kSelectDeadline, {"deadlines d"}, "d.id"};

void open_deadline(db::Connection& db, const NewDeadline& d, const std::string& now) {
  // The database does not constrain the kind (V026); an unlisted kind would have no label on the board.
  if (!deadline_kinds().values().contains(d.kind))
    throw std::logic_error("unlisted deadline kind: " + d.kind);
  db.execute(kInsertDeadline,
             {d.kind, d.object_type, d.object_id, db::optional_value(d.service_type_version_id),
              d.enterprise_id, d.responsible_org_id, db::optional_value(d.watcher_org_id), d.starts_on,
              d.due_on, std::int64_t{d.amount}, d.unit, d.basis, now});
}

void close_deadlines(db::Connection& db, const std::string& object_type, std::int64_t object_id,
                     const std::string& kind, const std::string& status, const std::string& on) {
  db.execute(kCloseDeadlines,
             {status, status == "met" ? db::Value(on) : db::null_value(), object_type, object_id, kind});
}

SqlFilter deadline_filter(db::Connection& db, const accounts::Actor& user,
                          const std::map<std::string, std::string>& query, const std::string& today) {
  SqlFilter where = access::read_filter(db, user, access::kDeadline);
  const auto status = query_choice(query, "status", {"open", "met", "cancelled", "all"}).value_or("open");
  if (status != "all") where.add("d.status = ?", status);
  if (auto v = query_date(query, "due_before")) where.add("d.due_on < ?", *v);
  if (auto v = query_bool(query, "overdue")) where.add(*v ? "d.due_on < ?" : "d.due_on >= ?", today);
  if (auto v = query_choice(query, "kind", deadline_kinds().values())) where.add("d.kind = ?", *v);
  if (auto v = query_id(query, "enterprise_id")) where.add("d.enterprise_id = ?", *v);
  if (auto v = query_text(query, "object_type", 30)) where.add("d.object_type = ?", *v);
  if (auto v = query_id(query, "object_id")) where.add("d.object_id = ?", *v);
  return where;
}

db::Rows deadlines_to_sweep(db::Connection& db, const std::string& today, const std::string& soon) {
  return db.query(std::string(kSelectDeadline) + kWhereToSweep, {today, today, soon});
}

void mark_overdue(db::Connection& db, std::int64_t id) { db.execute(kMarkOverdue, {id}); }

void mark_reminded(db::Connection& db, std::int64_t id) { db.execute(kMarkReminded, {id}); }

db::Rows open_upload_deadlines(db::Connection& db, std::int64_t visit_id) {
  return db.query(std::string(kSelectDeadline) + kWhereOpenUploads + " ORDER BY d.id", {visit_id});
}

void cancel_open_upload(db::Connection& db, std::int64_t visit_id, std::int64_t service_type_version_id) {
  db.execute(kCancelOpenUpload, {visit_id, service_type_version_id});
}

}  // namespace rw::services
