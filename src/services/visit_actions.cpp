// The status machine of a visit and the milestones after it (data uploaded, report reviewed), each
// opening or closing the deadlines that follow from it.
#include "accounts/scope.hpp"
#include "audit/audit_log.hpp"
#include "calendar/calendar_store.hpp"
#include "notify/notifications.hpp"
#include "platform/dates.hpp"
#include "platform/json_input.hpp"
#include "registry/enterprise_scope.hpp"
#include "services/commissions.hpp"
#include "services/deadline_rules.hpp"
#include "services/deadlines.hpp"
#include "services/status_history.hpp"
#include "services/visit_listing.hpp"
#include "services/visit_rules.hpp"
#include "services/visits.hpp"
#include "services/workflow_vocabularies.hpp"

namespace rw::services {
namespace {

bool leads_agency(app::Context& context, std::int64_t agency_org_id) {
  return accounts::has_permission(context.me(), "visit:write") &&
         accounts::acts_for(context.db, context.me(), agency_org_id);
}

bool on_team(app::Context& context, std::int64_t visit_id) {
  return accounts::has_permission(context.me(), "visit:work") &&
         !context.db
              .query(
                  "SELECT 1 AS one FROM visit_team t JOIN staff s ON s.id = t.staff_id WHERE t.visit_id = ? "
                  "AND s.user_id = ?",
                  {visit_id, context.me().id})
              .empty();
}

bool is_the_enterprise(app::Context& context, std::int64_t enterprise_id) {
  return accounts::has_permission(context.me(), "enterprise:self") &&
         registry::is_own_enterprise(context.db, context.me(), enterprise_id);
}

void require_party(app::Context& context, const db::Row& visit, std::string_view party) {
  const auto agency = visit.integer("agency_org_id");
  bool allowed = leads_agency(context, agency);
  if (party != "agency") allowed = allowed || on_team(context, visit.integer("id"));
  if (party == "enterprise") allowed = allowed || is_the_enterprise(context, visit.integer("enterprise_id"));
  if (!allowed) throw forbidden();
}

// The insurer that commissioned the visit's enterprise to the agency, if the visit answers a commission.
std::optional<std::int64_t> commissioning_insurer(db::Connection& db, const db::Row& visit) {
  if (visit.is_null("commission_item_id")) return std::nullopt;
  auto rows = db.query(
      "SELECT c.insurer_org_id FROM commission_items ci JOIN commissions c ON c.id = ci.commission_id "
      "WHERE ci.id = ?",
      {visit.integer("commission_item_id")});
  if (rows.empty()) return std::nullopt;
  return rows[0].integer("insurer_org_id");
}

std::vector<ServiceRules> visit_service_rules(db::Connection& db, std::int64_t visit_id) {
  return service_rules_of_versions(db, db.query("SELECT service_type_version_id FROM visit_service_types "
                                                "WHERE visit_id = ? ORDER BY service_type_version_id",
                                                {visit_id})
                                           .integers("service_type_version_id"));
}

// Done: one upload deadline per service type whose rule counts from the end of the service; the
// commission is served.
void on_done(app::Context& context, const db::Row& visit, calendar::Date today) {
  const auto calendar = calendar::load_calendar(context.db);
  const auto id = visit.integer("id");
  const auto insurer = commissioning_insurer(context.db, visit);
  bool on_site = false;
  for (const auto& type : visit_service_rules(context.db, id)) {
    on_site = on_site || type.on_site;
    // Counted from the filing receipt (wuxi's emergency plan), a date the visit does not know yet.
    if (!type.upload_working_days || type.upload_from != "service_end") continue;
    open_deadline(context.db,
                  {"data_upload", "visit", id, type.version_id, visit.integer("enterprise_id"),
                   visit.integer("agency_org_id"), insurer, format_date(today),
                   format_date(calendar.add_working_days(today, *type.upload_working_days)),
                   *type.upload_working_days, "working_days", type.upload_basis},
                  context.now_text());
  }
  if (on_site)
    complete_commission_items(context, visit.integer("enterprise_id"), visit.integer("agency_org_id"),
                              format_date(today));
}

void notify_not_entered(app::Context& context, const db::Row& visit, const std::string& reason,
                        const std::string& note) {
  const auto insurer = commissioning_insurer(context.db, visit);
  if (!insurer) return;
  const auto name = visit.text("enterprise_name");
  notify::notify_users(
      context.db, notify::org_users_with_roles(context.db, *insurer, {"admin", "manager"}),
      {"visit_not_entered", "无法入场：" + name, "Could not enter: " + name,
       not_entered_reasons().zh(reason) + (note.empty() ? "" : "：" + note),
       not_entered_reasons().en(reason) + (note.empty() ? "" : ": " + note), "visit", visit.integer("id")},
      context.now_text());
}

app::Handler transition_handler(std::string action) {
  return [action](app::Context& context) {
    accounts::require_permission(context.me(), "visit:read");
    const auto id = context.id();
    const auto visit = find_visit_row(context.db, context.me(), id);
    const auto from = visit.text("status");
    const auto transition = require_transition(visit_transitions(), action, from, visit_statuses());
    require_party(context, visit, transition.party);

    const auto body = context.body_or_empty();
    Fields fields(body);
    std::string reason, note;
    if (action == "could_not_enter") {
      reason = fields.required_choice("reason", not_entered_reasons().values());
      note = fields.optional_text("note", 1000).value_or("");
      if (fields.ok() && reason == "other" && note.empty())
        fields.add_error("note", "required", "请说明无法入场的情况", "describe why the team could not enter");
    } else {
      note = transition_reason(fields, transition, 1000);
    }
    fields.finish();

    const auto today = china_day(context.clock.now());
    const auto now = context.now_text();
    context.db.execute(
        "UPDATE visits SET status = ?, not_entered_reason = ?, status_note = ?, updated_at = ?, "
        "started_at = CASE WHEN ? = 'in_progress' THEN ? ELSE started_at END, "
        "done_on = CASE WHEN ? = 'done' THEN ? ELSE done_on END WHERE id = ?",
        {std::string(transition.to), reason, note, now, std::string(transition.to), now,
         std::string(transition.to), format_date(today), id});
    record_status_change(
        context,
        {"visit", id, action, from, std::string(transition.to),
         reason.empty() ? note : not_entered_reasons().zh(reason) + (note.empty() ? "" : "：" + note)},
        visit.integer("agency_org_id"));
    if (action == "finish") on_done(context, visit, today);
    if (action == "could_not_enter") notify_not_entered(context, visit, reason, note);
    return app::json_ok(find_visit(context.db, context.me(), id));
  };
}

// POST /visits/{id}/data-uploaded: the team uploaded the data (wuxi att.1 一(一)7); the insurer's
// review is due 10 working days later.
http::Response data_uploaded(app::Context& context) {
  accounts::require_permission(context.me(), "visit:read");
  const auto id = context.id();
  const auto visit = find_visit_row(context.db, context.me(), id);
  require_party(context, visit, "team");
  if (visit.text("status") != "done" || !visit.is_null("data_uploaded_on"))
    throw conflict("upload_not_expected", "只有已完成且尚未上传资料的服务可以标记上传",
                   "only a done visit whose data is not uploaded yet can be marked uploaded");
  const auto today = china_day(context.clock.now());
  const auto today_text = format_date(today);
  context.db.execute("UPDATE visits SET data_uploaded_on = ?, updated_at = ? WHERE id = ?",
                     {today_text, context.now_text(), id});
  close_deadlines(context.db, "visit", id, "data_upload", "met", today_text);
  if (const auto insurer = commissioning_insurer(context.db, visit)) {
    const auto calendar = calendar::load_calendar(context.db);
    open_deadline(context.db,
                  {"report_review", "visit", id, std::nullopt, visit.integer("enterprise_id"), *insurer,
                   visit.integer("agency_org_id"), today_text,
                   format_date(calendar.add_working_days(today, kReviewWorkingDays)), kReviewWorkingDays,
                   "working_days", "wuxi att.1 一(一)7"},
                  context.now_text());
    const auto name = visit.text("enterprise_name");
    notify::notify_users(context.db,
                         notify::org_users_with_roles(context.db, *insurer, {"admin", "manager", "reviewer"}),
                         {"review_requested", "待审核服务资料：" + name, "Service data to review: " + name,
                          "请在 10 个工作日内审核。", "Review within 10 working days.", "visit", id},
                         context.now_text());
  }
  audit::record(context, {"visit",
                          std::to_string(id),
                          "update",
                          visit.integer("agency_org_id"),
                          {{"data_uploaded_on", {{"from", nullptr}, {"to", today_text}}}}});
  return app::json_ok(find_visit(context.db, context.me(), id));
}

// POST /visits/{id}/reviewed: the commissioning insurer reviewed the uploaded data.
http::Response reviewed(app::Context& context) {
  accounts::require_permission(context.me(), "visit:review");
  const auto id = context.id();
  const auto visit = find_visit_row(context.db, context.me(), id);
  const auto insurer = commissioning_insurer(context.db, visit);
  if (!context.me().is_platform_admin() &&
      !(insurer && accounts::acts_for(context.db, context.me(), *insurer)))
    throw forbidden();
  if (visit.is_null("data_uploaded_on") || !visit.is_null("reviewed_on"))
    throw conflict("review_not_expected", "只有已上传资料且尚未审核的服务可以标记审核",
                   "only a visit whose data is uploaded and not yet reviewed can be marked reviewed");
  const auto today = format_date(china_day(context.clock.now()));
  context.db.execute("UPDATE visits SET reviewed_on = ?, updated_at = ? WHERE id = ?",
                     {today, context.now_text(), id});
  close_deadlines(context.db, "visit", id, "report_review", "met", today);
  audit::record(context, {"visit",
                          std::to_string(id),
                          "update",
                          insurer,
                          {{"reviewed_on", {{"from", nullptr}, {"to", today}}}}});
  return app::json_ok(find_visit(context.db, context.me(), id));
}

}  // namespace

void add_visit_action_routes(app::Routes& routes) {
  for (const auto& [path, action] : {std::pair{"confirm", "confirm"},
                                     {"start", "start"},
                                     {"finish", "finish"},
                                     {"could-not-enter", "could_not_enter"},
                                     {"cancel", "cancel"}})
    routes.post(std::string("/visits/{id}/") + path, transition_handler(action));
  routes.post("/visits/{id}/data-uploaded", data_uploaded);
  routes.post("/visits/{id}/reviewed", reviewed);
}

}  // namespace rw::services
