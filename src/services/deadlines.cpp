#include "services/deadlines.hpp"

#include "access/visibility.hpp"
#include "audit/audit_log.hpp"
#include "calendar/calendar_store.hpp"
#include "notify/notifications.hpp"
#include "platform/dates.hpp"
#include "platform/json_rows.hpp"
#include "platform/paging.hpp"
#include "services/deadline_rules.hpp"
#include "services/visit_listing.hpp"
#include "services/workflow_vocabularies.hpp"

namespace rw::services {

void open_deadline(db::Connection& db, const NewDeadline& d, const std::string& now) {
  db.execute(
      "INSERT INTO deadlines (kind, object_type, object_id, service_type_version_id, enterprise_id, "
      "responsible_org_id, "
      "watcher_org_id, starts_on, due_on, amount, unit, basis, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?, ?, ?, ?)",
      {d.kind, d.object_type, d.object_id, db::optional_value(d.service_type_version_id), d.enterprise_id,
       d.responsible_org_id, db::optional_value(d.watcher_org_id), d.starts_on, d.due_on,
       std::int64_t{d.amount}, d.unit, d.basis, now});
}

void close_deadlines(db::Connection& db, const std::string& object_type, std::int64_t object_id,
                     const std::string& kind, const std::string& status, const std::string& on) {
  db.execute(
      "UPDATE deadlines SET status = ?, met_on = ? WHERE object_type = ? AND object_id = ? AND kind = ? "
      "AND status = 'open'",
      {status, status == "met" ? db::Value(on) : db::null_value(), object_type, object_id, kind});
}

namespace {

const char* const kSelectDeadline =
    "SELECT d.*, e.name AS enterprise_name, r.name AS responsible_name, w.name AS watcher_name, "
    "stv.name_zh AS service_type_name_zh, stv.name_en AS service_type_name_en FROM deadlines d "
    "JOIN enterprises e ON e.id = d.enterprise_id JOIN organizations r ON r.id = d.responsible_org_id "
    "LEFT JOIN organizations w ON w.id = d.watcher_org_id "
    "LEFT JOIN service_type_versions stv ON stv.id = d.service_type_version_id";
const char* const kCountDeadline =
    "SELECT COUNT(*) AS n FROM deadlines d JOIN enterprises e ON e.id = d.enterprise_id";

// The calendar guessed Monday–Friday somewhere in the count: the due date (from its start) or the days left.
bool counted_by_fallback(const calendar::WorkingCalendar& calendar, calendar::Date starts, calendar::Date due,
                         calendar::Date today, bool open) {
  const bool ahead = std::chrono::sys_days(today) <= std::chrono::sys_days(due);
  return calendar.uses_fallback(starts, due) ||
         (open && calendar.uses_fallback(ahead ? today : due, ahead ? due : today));
}

nlohmann::json deadline_json(const db::Row& row, const calendar::WorkingCalendar& calendar,
                             calendar::Date today) {
  const auto due = *parse_date(row.text("due_on"));
  const bool open = row.text("status") == "open";
  const auto starts = *parse_date(row.text("starts_on"));
  return {
      {"id", row.integer("id")},
      {"kind", row.text("kind")},
      {"object_type", row.text("object_type")},
      {"object_id", row.integer("object_id")},
      {"enterprise", {{"id", row.integer("enterprise_id")}, {"name", row.text("enterprise_name")}}},
      {"responsible", {{"id", row.integer("responsible_org_id")}, {"name", row.text("responsible_name")}}},
      {"watcher", row.is_null("watcher_org_id") ? nlohmann::json()
                                                : nlohmann::json{{"id", row.integer("watcher_org_id")},
                                                                 {"name", row.text("watcher_name")}}},
      {"service_type", row.is_null("service_type_version_id")
                           ? nlohmann::json()
                           : nlohmann::json{{"version_id", row.integer("service_type_version_id")},
                                            {"name_zh", row.text("service_type_name_zh")},
                                            {"name_en", row.text("service_type_name_en")}}},
      {"rule", {{"amount", row.integer("amount")}, {"unit", row.text("unit")}, {"basis", row.text("basis")}}},
      {"starts_on", row.text("starts_on")},
      {"due_on", row.text("due_on")},
      {"status", row.text("status")},
      {"met_on", json_text(row, "met_on")},
      {"overdue", open && std::chrono::sys_days(today) > std::chrono::sys_days(due)},
      {"working_days_left",
       open ? nlohmann::json(working_days_left(calendar, today, due)) : nlohmann::json()},
      // A year without holiday data counts Monday–Friday only; the user is told (按周一至周五估算).
      {"fallback", counted_by_fallback(calendar, starts, due, today, open)}};
}

// GET /deadlines?due_before=&overdue=&kind=&enterprise_id=&status=open|met|cancelled|all
http::Response list_deadlines(api::Context& context) {
  const auto& query = context.request.query;
  const auto page = parse_page(query);
  const auto today = china_day(context.clock.now());
  const auto today_text = format_date(today);
  SqlFilter where = access::read_filter(context.db, context.me(), access::kDeadline);
  const auto status = query_choice(query, "status", {"open", "met", "cancelled", "all"}).value_or("open");
  if (status != "all") where.add("d.status = ?", status);
  if (auto v = query_date(query, "due_before")) where.add("d.due_on < ?", *v);
  if (auto v = query_bool(query, "overdue")) where.add(*v ? "d.due_on < ?" : "d.due_on >= ?", today_text);
  if (auto v = query_choice(query, "kind", deadline_kinds().values())) where.add("d.kind = ?", *v);
  if (auto v = query_id(query, "enterprise_id")) where.add("d.enterprise_id = ?", *v);
  if (auto v = query_text(query, "object_type", 30)) where.add("d.object_type = ?", *v);
  if (auto v = query_id(query, "object_id")) where.add("d.object_id = ?", *v);
  auto [rows, total] =
      select_page(context.db, kSelectDeadline, kCountDeadline, where, "d.due_on, d.id", page);
  const auto calendar = calendar::load_calendar(context.db);
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) items.push_back(deadline_json(rows[i], calendar, today));
  return api::json_ok(page_json(items, total, page));
}

// Who hears about a deadline: the leads of the responsible organization, the reviewers of an
// insurer that must review, and the team of a visit whose data is due.
std::vector<std::int64_t> deadline_recipients(db::Connection& db, const db::Row& d) {
  auto users =
      notify::org_users_with_roles(db, d.integer("responsible_org_id"), {"admin", "manager", "reviewer"});
  if (d.text("object_type") == "visit" && d.text("kind") == "data_upload") {
    auto team = db.query(
        "SELECT s.user_id FROM visit_team t JOIN staff s ON s.id = t.staff_id "
        "WHERE t.visit_id = ? AND s.user_id IS NOT NULL",
        {d.integer("object_id")});
    for (std::size_t i = 0; i < team.size(); ++i) users.push_back(team[i].integer("user_id"));
  }
  return users;
}

notify::Message deadline_message(const db::Row& d, bool overdue) {
  const auto kind = d.text("kind");
  const auto what = deadline_kinds().zh(kind) + "：" + d.text("enterprise_name");
  const auto what_en = deadline_kinds().en(kind) + ": " + d.text("enterprise_name");
  const auto due = d.text("due_on");
  if (overdue)
    return {"deadline_overdue",           "已逾期 · " + what,
            "Overdue · " + what_en,       "期限为 " + due + "，请尽快处理。",
            "It was due on " + due + ".", d.text("object_type"),
            d.integer("object_id")};
  return {"deadline_due_soon",         "即将到期 · " + what,  "Due soon · " + what_en, "期限为 " + due + "。",
          "It is due on " + due + ".", d.text("object_type"), d.integer("object_id")};
}

const char* const kSelectVisitVersions =
    "SELECT service_type_version_id FROM visit_service_types WHERE visit_id = ? ORDER BY "
    "service_type_version_id";
const std::string kSelectOpenUploads =
    std::string(kSelectDeadline) +
    " WHERE d.object_type = 'visit' AND d.object_id = ? AND d.kind = 'data_upload' AND d.status = 'open'";
const char* const kCancelOpenUpload =
    "UPDATE deadlines SET status = 'cancelled' WHERE object_type = 'visit' AND object_id = ? "
    "AND kind = 'data_upload' AND service_type_version_id = ? AND status = 'open'";

// The visit's service types whose upload date is agreed with the enterprise (wuxi §14(九), att.1 一(一)7).
std::vector<ServiceRules> agreed_upload_types(db::Connection& db, const db::Row& visit) {
  const auto versions =
      db.query(kSelectVisitVersions, {visit.integer("id")}).integers("service_type_version_id");
  std::vector<ServiceRules> out;
  for (auto& type : service_rules_of_versions(db, versions))
    if (upload_due(type, visit.text("scale"), visit.integer("special_request") != 0) == UploadDue::agreed)
      out.push_back(std::move(type));
  return out;
}

// PUT /visits/{id}/upload-due {"due_on"}: the agency records the upload date it agreed with the enterprise
// for a large enterprise's deep assessment or a special request, which opens (or moves) the deadline.
http::Response set_upload_due(api::Context& context) {
  const auto id = context.id();
  const auto visit = find_visit_row(context.db, context.me(), id);
  if (!access::may_change(context.db, context.me(), access::kVisit,
                          {{"agency_org_id", visit.integer("agency_org_id")}}))
    throw forbidden();
  const auto body = context.body();
  Fields fields(body);
  const auto due_on = fields.optional_date("due_on");
  if (!due_on && fields.ok()) fields.add_error("due_on", "required", "必填", "is required");
  const auto today = china_day(context.clock.now());
  if (due_on && *due_on < format_date(today))
    fields.add_error("due_on", "in_the_past", "约定日期不能早于今天", "the agreed day is already past");
  fields.finish();
  if (visit.text("status") != "done" || !visit.is_null("data_uploaded_on"))
    throw conflict("upload_not_expected", "只有已完成且尚未上传资料的服务可以约定上传日期",
                   "only a done visit whose data is not uploaded yet can have an agreed upload date");
  const auto types = agreed_upload_types(context.db, visit);
  if (types.empty())
    throw conflict("upload_due_not_agreed", "该服务的资料上传期限按规定自动计算，无需约定",
                   "this visit's upload deadline follows from the rules; there is nothing to agree");

  const auto now = context.now_text();
  const auto today_text = format_date(today);
  const auto before = context.db.query(kSelectOpenUploads + " ORDER BY d.id LIMIT 1", {id});
  const auto calendar_days =
      (std::chrono::sys_days(*parse_date(*due_on)) - std::chrono::sys_days(today)).count();
  for (const auto& type : types) {
    context.db.execute(kCancelOpenUpload, {id, type.version_id});
    open_deadline(context.db,
                  {"data_upload", "visit", id, type.version_id, visit.integer("enterprise_id"),
                   visit.integer("agency_org_id"), visit.optional_integer("commission_insurer_org_id"),
                   today_text, *due_on, static_cast<int>(calendar_days), "calendar_days", kAgreedUploadBasis},
                  now);
  }
  audit::record(context.op(),
                {"visit",
                 std::to_string(id),
                 "update",
                 visit.integer("agency_org_id"),
                 {{"upload_due_on",
                   {{"from", before.empty() ? nlohmann::json() : nlohmann::json(before[0].text("due_on"))},
                    {"to", *due_on}}}}});
  const auto calendar = calendar::load_calendar(context.db);
  auto rows = context.db.query(kSelectOpenUploads + " ORDER BY d.id", {id});
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) items.push_back(deadline_json(rows[i], calendar, today));
  return api::json_ok({{"items", items}});
}

http::Response run_sweep(api::Context& context) {
  const auto result = sweep_deadlines(context.db, calendar::load_calendar(context.db),
                                      china_day(context.clock.now()), context.now_text());
  return api::json_ok({{"marked_overdue", result.marked_overdue},
                       {"reminders", result.reminders},
                       {"notifications", result.notifications}});
}

}  // namespace

SweepResult sweep_deadlines(db::Connection& db, const calendar::WorkingCalendar& calendar,
                            calendar::Date today, const std::string& now) {
  SweepResult result;
  const auto today_text = format_date(today);
  const auto soon = format_date(calendar.add_working_days(today, 2));
  auto rows = db.query(std::string(kSelectDeadline) +
                           " WHERE d.status = 'open' AND ((d.due_on < ? AND d.overdue_notified = 0) OR "
                           "(d.due_on >= ? AND d.due_on <= ? AND d.reminded = 0)) ORDER BY d.id",
                       {today_text, today_text, soon});
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto d = rows[i];
    const bool overdue = d.text("due_on") < today_text;
    result.notifications += static_cast<int>(
        notify::notify_users(db, deadline_recipients(db, d), deadline_message(d, overdue), now));
    if (overdue) {
      db.execute("UPDATE deadlines SET overdue = 1, overdue_notified = 1 WHERE id = ?", {d.integer("id")});
      ++result.marked_overdue;
    } else {
      db.execute("UPDATE deadlines SET reminded = 1 WHERE id = ?", {d.integer("id")});
      ++result.reminders;
    }
  }
  return result;
}

void add_deadline_routes(api::Routes& routes) {
  routes.get("/deadlines", "deadline:read", list_deadlines);
  routes.post("/jobs/deadline-sweep", "jobs:run", run_sweep);
  routes.put("/visits/{id}/upload-due", "visit:write", set_upload_due);
}

}  // namespace rw::services
