#include "services/visit_flow.hpp"

#include <algorithm>

#include "calendar/calendar_store.hpp"
#include "hazards/hazard_recheck.hpp"
#include "hazards/hazard_rules.hpp"
#include "inspections/inspection_store.hpp"
#include "notify/notification_service.hpp"
#include "platform/dates.hpp"
#include "reports/report_flow.hpp"
#include "services/commission_flow.hpp"
#include "services/deadline_rules.hpp"
#include "services/deadline_store.hpp"
#include "services/visit_listing.hpp"
#include "services/visit_store.hpp"
#include "services/workflow_vocabularies.hpp"
#include "workflow/engine.hpp"

namespace rw::services {
namespace {

using Visit = VisitState;
using Move = workflow::Move<Visit>;
using workflow::Caller;
using workflow::Refusal;

constexpr const char* kUpdateStatus =
    "UPDATE visits SET status = ?, not_entered_reason = ?, status_note = ?, updated_at = ?, "
    "started_at = CASE WHEN ? = 'in_progress' THEN ? ELSE started_at END, "
    "done_on = CASE WHEN ? = 'done' THEN ? ELSE done_on END WHERE id = ?";

// The agency's leads: everything the team does, and cancelling and editing.
const workflow::Grant<Visit> kLead{
    {"agency", "platform"}, "visit:write", [](const Caller& caller, const Visit& visit) {
      return caller.acts_for(visit.agency_org_id);
    }};
// A member of the visit's team.
const workflow::Grant<Visit> kTeam{{"agency"}, "visit:work", [](const Caller& caller, const Visit& visit) {
                                     const auto& team = visit.team_user_ids;
                                     return std::find(team.begin(), team.end(), caller.user().id) !=
                                            team.end();
                                   }};
// The visited enterprise's own users.
const workflow::Grant<Visit> kEnterprise{
    {"enterprise"}, "enterprise:self", [](const Caller& caller, const Visit& visit) {
      return visit.enterprise_org_id == caller.user().org_id;
    }};
// The insurer that commissioned the visit.
const workflow::Grant<Visit> kReviewer{
    {"insurer", "platform"}, "visit:review", [](const Caller& caller, const Visit& visit) {
      return caller.user().is_platform_admin() || caller.acts_for(visit.insurer_org_id);
    }};

const Refusal kNotEditable{"visit_not_editable", "服务已开始或已结束，不能修改安排",
                           "the visit has started or ended; it cannot change"};

// Could not enter: a reason from the list, and a note ("other" needs one).
void read_not_entered(Fields& fields, workflow::Input& input) {
  input.code = fields.required_choice("reason", not_entered_reasons().values());
  input.text = fields.optional_text("note", 1000).value_or("");
  if (fields.ok() && input.code == "other" && input.text.empty())
    fields.add_error("note", "required", "请说明无法入场的情况", "describe why the team could not enter");
  input.history = not_entered_reasons().zh(input.code) + (input.text.empty() ? "" : "：" + input.text);
}

void store(Move& move) {
  const auto to = std::string(move.step.to);
  move.db.execute(kUpdateStatus, {to, move.input.code, move.input.text, move.now, to, move.now, to,
                                  china_date(move.clock.now()), move.subject.id});
}

// Starting opens one checklist per template the visit's service types use (yueqing "进一次门、查多项事"), and
// lists the enterprise's earlier hazards for re-check when it had 重大 ones (wuxi 第十五条（五）).
void on_started(Move& move) {
  inspections::open_visit_inspections(move.db, move.subject.id, move.now);
  hazards::list_rechecks_on_start(move.db, move.subject.id, move.subject.row.integer("enterprise_id"),
                                  move.now);
}

// chengdu 6.3.2.4: a hazard screening's report is reviewed and fed back to the enterprise within 7 working
// days of the on-site service — by the insurer's business office, or the agency when no insurer commissioned
// it.
void open_screening_feedback(Move& move, const std::vector<ServiceRules>& types,
                             const calendar::WorkingCalendar& cal, calendar::Date today) {
  const auto screening = std::find_if(types.begin(), types.end(), [](const ServiceRules& t) {
    return t.code == hazards::kScreeningServiceType;
  });
  if (screening == types.end()) return;
  const auto& visit = move.subject.row;
  const auto agency = visit.integer("agency_org_id");
  open_deadline(
      move.db,
      {"screening_feedback", "visit", move.subject.id, screening->version_id, visit.integer("enterprise_id"),
       move.subject.insurer_org_id.value_or(agency), agency, format_date(today),
       format_date(cal.add_working_days(today, hazards::kScreeningFeedbackWorkingDays)),
       hazards::kScreeningFeedbackWorkingDays, "working_days", "chengdu 6.3.2.4"},
      move.now);
}

const Refusal kTrainingClosed{"training_record_closed", "服务资料已上传，不能再记录培训",
                              "the visit's data is uploaded; training can no longer be recorded"};

// Training is recorded on site or until the visit's data is uploaded, which is what the insurer reviews.
std::optional<Refusal> training_still_open(const Visit& visit) {
  if (visit.data_uploaded) return kTrainingClosed;
  return std::nullopt;
}

const Refusal kConsentRecorded{"photo_consent_recorded", "本次服务已记录拍照同意",
                               "photo consent is already recorded for this visit"};

// wuxi att.1 一(一)5: photos are taken "征求意见同意后" — once per visit, naming who agreed.
void read_consent(Fields& fields, workflow::Input& input) {
  input.text = fields.required_text("consenting_person", 1, 100);
}

void record_consent(Move& move) {
  const auto id = move.subject.id;
  if (inspections::photo_consent(move.db, id)) workflow::refuse(kConsentRecorded);
  inspections::record_photo_consent(move.db, id, move.input.text, move.user.id, move.now);
  move.journal.push_back({"visit",
                          id,
                          move.subject.agency_org_id,
                          {{"photo_consent", {{"from", nullptr}, {"to", move.input.text}}}}});
}

// Done: one upload deadline per service type whose rule counts from the end of the service; a screening's
// feedback deadline (chengdu 6.3.2.4); the commission is served.
void on_done(Move& move) {
  const auto& visit = move.subject.row;
  const auto today = china_day(move.clock.now());
  const auto calendar = calendar::load_calendar(move.db);
  const auto id = move.subject.id;
  bool on_site = false;
  const auto types = service_rules_of_versions(move.db, visit_type_versions(move.db, id));
  for (const auto& type : types) {
    on_site = on_site || type.on_site;
    // Only types counted from the visit: not from the filing receipt (wuxi's emergency plan), nor by a date
    // agreed with the enterprise (PUT /visits/{id}/upload-due).
    if (upload_due(type, visit.text("scale"), visit.integer("special_request") != 0) !=
        UploadDue::after_visit)
      continue;
    open_deadline(move.db,
                  {"data_upload", "visit", id, type.version_id, visit.integer("enterprise_id"),
                   visit.integer("agency_org_id"), move.subject.insurer_org_id, format_date(today),
                   format_date(calendar.add_working_days(today, *type.upload_working_days)),
                   *type.upload_working_days, "working_days", type.upload_basis},
                  move.now);
  }
  open_screening_feedback(move, types, calendar, today);
  if (on_site)
    complete_commission_items(move, visit.integer("enterprise_id"), visit.integer("agency_org_id"));
}

// Could not enter: the commissioning insurer is told why.
void tell_insurer_not_entered(Move& move) {
  const auto insurer = move.subject.insurer_org_id;
  if (!insurer) return;
  const auto name = move.subject.row.text("enterprise_name");
  const auto& reason = move.input.code;
  const auto& note = move.input.text;
  notify::notify_users(
      move.db, notify::org_users_with_roles(move.db, *insurer, {"admin", "manager"}),
      {"visit_not_entered", "无法入场：" + name, "Could not enter: " + name,
       not_entered_reasons().zh(reason) + (note.empty() ? "" : "：" + note),
       not_entered_reasons().en(reason) + (note.empty() ? "" : ": " + note), "visit", move.subject.id},
      move.now);
}

Visit load(db::Connection& db, const accounts::Actor& user, const Clock&, std::int64_t id) {
  return visit_state(find_visit_row(db, user, id), team_user_ids(db, id));
}

}  // namespace

VisitState visit_state(const db::Row& row, std::vector<std::int64_t> team_user_ids) {
  return {row.integer("id"),
          row.text("status"),
          row.integer("agency_org_id"),
          row.optional_integer("enterprise_org_id"),
          row.optional_integer("commission_insurer_org_id"),
          std::move(team_user_ids),
          !row.is_null("data_uploaded_on"),
          row.optional_text("report_status").value_or(""),
          row};
}

const workflow::Machine<VisitState>& visit_machine() {
  using workflow::Reason;
  static const workflow::Machine<Visit> machine{
      "visit",
      visit_statuses(),
      "visit:read",
      1000,
      {
          {.action = "edit",
           .from = {"planned", "confirmed"},
           .who = {kLead},
           .reason = Reason::none,
           .unavailable = &kNotEditable},
          {.action = "confirm", .from = {"planned"}, .to = "confirmed", .who = {kLead, kTeam, kEnterprise}},
          {.action = "start",
           .from = {"planned", "confirmed"},
           .to = "in_progress",
           .who = {kLead, kTeam},
           .on_enter = on_started},
          // The training given during the visit (检训合一); the record is written by
          // inspections/training_service.
          {.action = "record_training",
           .from = {"in_progress", "done"},
           .who = {kLead, kTeam},
           .reason = Reason::none,
           .guard = training_still_open,
           .unavailable = &kTrainingClosed},
          {.action = "record_photo_consent",
           .from = {"in_progress"},
           .who = {kLead, kTeam},
           .reason = Reason::none,
           .read = read_consent,
           .on_enter = record_consent},
          {.action = "finish",
           .from = {"in_progress"},
           .to = "done",
           .who = {kLead, kTeam},
           .on_enter = on_done},
          {.action = "could_not_enter",
           .from = {"planned", "confirmed", "in_progress"},
           .to = "could_not_enter",
           .who = {kLead, kTeam},
           .read = read_not_entered,
           .on_enter = tell_insurer_not_entered},
          {.action = "cancel",
           .from = {"planned", "confirmed"},
           .to = "cancelled",
           .who = {kLead},
           .reason = Reason::required},
          // The report's steps (reports/report_flow.hpp). A submission is taken by reports::submit_report,
          // which renders the report and records it with the step; no route takes it bare.
          {.action = "submit_report",
           .from = {"done"},
           .who = {kLead, kTeam},
           .reason = Reason::none,
           .guard = reports::report_submittable,
           .unavailable = &reports::kSubmitNotExpected,
           .on_enter = reports::on_report_submitted},
          {.action = "approve_report",
           .from = {"done"},
           .who = {kReviewer},
           .guard = reports::report_awaiting_review,
           .unavailable = &reports::kReviewNotExpected,
           .on_enter = reports::on_report_approved},
          {.action = "return_report",
           .from = {"done"},
           .who = {kReviewer},
           .reason = Reason::required,
           .guard = reports::report_awaiting_review,
           .unavailable = &reports::kReviewNotExpected,
           .on_enter = reports::on_report_returned,
           .reason_missing_zh = "请填写退回意见",
           .reason_missing_en = "give the reviewer's comments"},
      },
      load,
      store,
      [](const Visit& visit) -> std::optional<std::int64_t> { return visit.agency_org_id; }};
  return machine;
}

}  // namespace rw::services
