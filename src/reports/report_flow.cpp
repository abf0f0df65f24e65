#include "reports/report_flow.hpp"

#include "calendar/calendar_store.hpp"
#include "envrisk/assessment_flow.hpp"
#include "notify/notification_service.hpp"
#include "platform/dates.hpp"
#include "reports/report_store.hpp"
#include "services/deadline_rules.hpp"
#include "services/deadline_store.hpp"
#include "workflow/engine.hpp"

namespace rw::reports {
namespace {

constexpr const char* kUpdateUploaded = "UPDATE visits SET data_uploaded_on = ?, updated_at = ? WHERE id = ?";
constexpr const char* kUpdateReviewed = "UPDATE visits SET reviewed_on = ?, updated_at = ? WHERE id = ?";

void review(VisitMove& move, const char* status) {
  review_latest(move.db, move.subject.id, status, move.user.id, move.input.text, move.now);
  move.journal.push_back({"visit",
                          move.subject.id,
                          move.subject.insurer_org_id,
                          {{"report_status", {{"from", "submitted"}, {"to", status}}}}});
}

// The report's steps keep the visit's status (done) but are its history: who submitted, approved or returned
// it, when, and the reviewer's comments; the history's rows are also the webhooks' events.
void record_in_history(VisitMove& move) {
  workflow::record_status(move, "visit", move.subject.id, move.subject.agency_org_id, move.step.action,
                          move.subject.status, move.subject.status, move.input.history);
}

// The agency's people who follow the report: its leads and the visit's team.
std::vector<std::int64_t> agency_people(VisitMove& move) {
  auto people = notify::org_users_with_roles(move.db, move.subject.agency_org_id, {"admin", "manager"});
  people.insert(people.end(), move.subject.team_user_ids.begin(), move.subject.team_user_ids.end());
  return people;
}

}  // namespace

const workflow::Refusal kSubmitNotExpected{
    "report_submit_not_expected", "只有已完成、报告尚未提交或已被退回的服务可以提交报告",
    "only a done visit whose report is not submitted yet, or was returned, can submit its report"};
const workflow::Refusal kReviewNotExpected{"report_review_not_expected", "只有已提交待审核的报告可以审核",
                                           "only a submitted report awaiting review can be reviewed"};

std::optional<workflow::Refusal> report_submittable(const services::VisitState& visit) {
  if (visit.report_status.empty() || visit.report_status == "returned") return std::nullopt;
  return kSubmitNotExpected;
}

std::optional<workflow::Refusal> report_awaiting_review(const services::VisitState& visit) {
  if (visit.report_status == "submitted") return std::nullopt;
  return kReviewNotExpected;
}

void on_report_submitted(VisitMove& move) {
  record_in_history(move);
  const auto& visit = move.subject.row;
  const auto id = move.subject.id;
  const auto today = china_day(move.clock.now());
  const auto today_text = format_date(today);
  const auto insurer = move.subject.insurer_org_id;
  if (!move.subject.data_uploaded) {
    move.db.execute(kUpdateUploaded, {today_text, move.now, id});
    services::close_deadlines(move.db, "visit", id, "data_upload", "met", today_text);
    if (insurer) {
      const auto calendar = calendar::load_calendar(move.db);
      services::open_deadline(move.db,
                              {"report_review", "visit", id, std::nullopt, visit.integer("enterprise_id"),
                               *insurer, visit.integer("agency_org_id"), today_text,
                               format_date(calendar.add_working_days(today, services::kReviewWorkingDays)),
                               services::kReviewWorkingDays, "working_days", "wuxi att.1 一(一)7"},
                              move.now);
    }
    move.journal.push_back({"visit",
                            id,
                            move.subject.agency_org_id,
                            {{"data_uploaded_on", {{"from", nullptr}, {"to", today_text}}}}});
  }
  if (!insurer) return;
  const auto name = visit.text("enterprise_name");
  notify::notify_users(move.db,
                       notify::org_users_with_roles(move.db, *insurer, {"admin", "manager", "reviewer"}),
                       {"review_requested", "待审核服务报告：" + name, "Service report to review: " + name,
                        "请在 10 个工作日内审核。", "Review within 10 working days.", "visit", id},
                       move.now);
}

namespace {

// The 环责险风险评估报告 approved: the assessment its PDF printed is reviewed with it, and the enterprise's
// level, date, source and label follow (envrisk's approve_by_report; nothing when reviewed already).
void review_printed_assessment(VisitMove& move) {
  const auto submissions = submissions_of(move.db, move.subject.id);
  if (submissions.empty()) return;
  const auto& latest = submissions[submissions.size() - 1];
  if (const auto assessment = latest.optional_integer("env_risk_assessment_id"))
    envrisk::apply_reviewed_assessment(move, *assessment);
}

}  // namespace

void on_report_approved(VisitMove& move) {
  record_in_history(move);
  const auto id = move.subject.id;
  const auto today = china_date(move.clock.now());
  review_printed_assessment(move);
  review(move, "approved");
  move.db.execute(kUpdateReviewed, {today, move.now, id});
  services::close_deadlines(move.db, "visit", id, "report_review", "met", today);
  services::close_deadlines(move.db, "visit", id, "screening_feedback", "met", today);
  move.journal.push_back(
      {"visit", id, move.subject.insurer_org_id, {{"reviewed_on", {{"from", nullptr}, {"to", today}}}}});
  const auto name = move.subject.row.text("enterprise_name");
  auto people = agency_people(move);
  if (const auto enterprise = move.subject.enterprise_org_id) {
    const auto users =
        notify::org_users_with_roles(move.db, *enterprise, {"enterprise_user", "admin", "manager"});
    people.insert(people.end(), users.begin(), users.end());
  }
  notify::notify_users(move.db, people,
                       {"report_approved", "服务报告已审核通过：" + name, "Service report approved: " + name,
                        "报告已定稿，可下载。", "The report is final and can be downloaded.", "visit", id},
                       move.now);
}

void on_report_returned(VisitMove& move) {
  record_in_history(move);
  review(move, "returned");
  const auto name = move.subject.row.text("enterprise_name");
  notify::notify_users(
      move.db, agency_people(move),
      {"report_returned", "服务报告被退回：" + name, "Service report returned: " + name,
       "退回意见：" + move.input.text, "Reviewer's comments: " + move.input.text, "visit", move.subject.id},
      move.now);
}

}  // namespace rw::reports
