#include "services/deadline_service.hpp"

#include "access/visibility.hpp"
#include "audit/audit_log.hpp"
#include "calendar/calendar_store.hpp"
#include "hazards/hazard_deadlines.hpp"
#include "notify/notification_service.hpp"
#include "platform/dates.hpp"
#include "platform/json_rows.hpp"
#include "platform/paging.hpp"
#include "services/deadline_rules.hpp"
#include "services/deadline_store.hpp"
#include "services/visit_listing.hpp"
#include "services/visit_store.hpp"
#include "services/workflow_vocabularies.hpp"

namespace rw::services {
namespace {

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

// Who hears about a deadline: the leads of the responsible organization, the reviewers of an
// insurer that must review, and the team of a visit whose data is due.
std::vector<std::int64_t> deadline_recipients(db::Connection& db, const db::Row& d) {
  auto users =
      notify::org_users_with_roles(db, d.integer("responsible_org_id"), {"admin", "manager", "reviewer"});
  // A hazard's rectification and an archived permit's renewal are the enterprise's: its own users act on
  // them.
  if (d.text("kind") == "hazard_rectification" || d.text("kind") == "archive_expiry") {
    const auto own = notify::org_users_with_roles(db, d.integer("responsible_org_id"), {"enterprise_user"});
    users.insert(users.end(), own.begin(), own.end());
  }
  if (d.text("object_type") == "visit" && d.text("kind") == "data_upload") {
    const auto team = team_user_ids(db, d.integer("object_id"));
    users.insert(users.end(), team.begin(), team.end());
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

// The visit's service types whose upload date is agreed with the enterprise (wuxi §14(九), att.1 一(一)7).
std::vector<ServiceRules> agreed_upload_types(db::Connection& db, const db::Row& visit) {
  std::vector<ServiceRules> out;
  for (auto& type : service_rules_of_versions(db, visit_type_versions(db, visit.integer("id"))))
    if (upload_due(type, visit.text("scale"), visit.integer("special_request") != 0) == UploadDue::agreed)
      out.push_back(std::move(type));
  return out;
}

}  // namespace

nlohmann::json list_deadlines(const accounts::Operation& op,
                              const std::map<std::string, std::string>& query) {
  const auto page = parse_page(query);
  const auto today = china_day(op.clock.now());
  const auto where = deadline_filter(op.db, op.actor, query, format_date(today));
  auto [rows, total] = select_page(op.db, kDeadlineList, where, "d.due_on, d.id", page);
  const auto calendar = calendar::kept_calendar(op.db, op.actor.calendar_generation);
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) items.push_back(deadline_json(rows[i], *calendar, today));
  return page_json(items, total, page);
}

nlohmann::json set_upload_due(const accounts::Operation& op, std::int64_t id, const nlohmann::json& body) {
  const auto visit = find_visit_row(op.db, op.actor, id);
  if (!access::may_change(op.db, op.actor, access::kVisit,
                          {{"agency_org_id", visit.integer("agency_org_id")}}))
    throw forbidden();
  Fields fields(body);
  const auto due_on = fields.optional_date("due_on");
  if (!due_on && fields.ok()) fields.add_error("due_on", "required", "必填", "is required");
  const auto today = china_day(op.clock.now());
  if (due_on && *due_on < format_date(today))
    fields.add_error("due_on", "in_the_past", "约定日期不能早于今天", "the agreed day is already past");
  fields.finish();
  if (visit.text("status") != "done" || !visit.is_null("data_uploaded_on"))
    throw conflict("upload_not_expected", "只有已完成且尚未上传资料的服务可以约定上传日期",
                   "only a done visit whose data is not uploaded yet can have an agreed upload date");
  const auto types = agreed_upload_types(op.db, visit);
  if (types.empty())
    throw conflict("upload_due_not_agreed", "该服务的资料上传期限按规定自动计算，无需约定",
                   "this visit's upload deadline follows from the rules; there is nothing to agree");

  const auto now = op.now_text();
  const auto today_text = format_date(today);
  const auto before = open_upload_deadlines(op.db, id);
  const auto calendar_days =
      (std::chrono::sys_days(*parse_date(*due_on)) - std::chrono::sys_days(today)).count();
  for (const auto& type : types) {
    cancel_open_upload(op.db, id, type.version_id);
    open_deadline(op.db,
                  {"data_upload", "visit", id, type.version_id, visit.integer("enterprise_id"),
                   visit.integer("agency_org_id"), visit.optional_integer("commission_insurer_org_id"),
                   today_text, *due_on, static_cast<int>(calendar_days), "calendar_days", kAgreedUploadBasis},
                  now);
  }
  audit::record(op,
                {"visit",
                 std::to_string(id),
                 "update",
                 visit.integer("agency_org_id"),
                 {{"upload_due_on",
                   {{"from", before.empty() ? nlohmann::json() : nlohmann::json(before[0].text("due_on"))},
                    {"to", *due_on}}}}});
  const auto calendar = calendar::kept_calendar(op.db, op.actor.calendar_generation);
  auto rows = open_upload_deadlines(op.db, id);
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) items.push_back(deadline_json(rows[i], *calendar, today));
  return {{"items", items}};
}

SweepResult sweep_deadlines(db::Connection& db, const calendar::WorkingCalendar& calendar,
                            calendar::Date today, const std::string& now) {
  SweepResult result;
  const auto today_text = format_date(today);
  const auto soon = format_date(calendar.add_working_days(today, 2));
  auto rows = deadlines_to_sweep(db, today_text, soon);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto d = rows[i];
    const bool overdue = d.text("due_on") < today_text;
    result.notifications += static_cast<int>(
        notify::notify_users(db, deadline_recipients(db, d), deadline_message(d, overdue), now));
    if (overdue) {
      mark_overdue(db, d.integer("id"));
      ++result.marked_overdue;
    } else {
      mark_reminded(db, d.integer("id"));
      ++result.reminders;
    }
  }
  // chengdu 6.3.2.3: hazards left overdue go to the regulators.
  const auto escalation = hazards::escalate_overdue(db, calendar, today, now);
  result.escalations = escalation.escalated;
  result.notifications += escalation.notifications;
  return result;
}

SweepResult sweep_deadlines_now(const accounts::Operation& op) {
  return sweep_deadlines(op.db, calendar::load_calendar(op.db), china_day(op.clock.now()), op.now_text());
}

}  // namespace rw::services
