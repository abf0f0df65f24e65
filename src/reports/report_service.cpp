#include "reports/report_service.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "documents/document.hpp"
#include "platform/errors.hpp"
#include "platform/json_rows.hpp"
#include "reports/report_content.hpp"
#include "reports/report_flow.hpp"
#include "reports/report_rules.hpp"
#include "reports/report_store.hpp"
#include "services/step_service.hpp"
#include "services/visit_flow.hpp"
#include "services/visit_listing.hpp"
#include "services/visit_store.hpp"

namespace rw::reports {
namespace {

using nlohmann::json;

constexpr std::string_view kReportSteps[] = {"submit_report", "approve_report", "return_report"};

bool is_enterprise(const accounts::Actor& actor) { return actor.org_type == "enterprise"; }

// What the enterprise may see of the report: its approved version, once the insurer has reviewed it.
bool shown_to(const accounts::Actor& actor, const db::Row& submission) {
  return !is_enterprise(actor) || submission.text("status") == "approved";
}

json user_ref(const db::Row& row, const char* id, const char* name) {
  if (row.is_null(id)) return nullptr;
  return {{"id", row.integer(id)}, {"name", row.text(name)}};
}

json submission_json(const db::Row& s) {
  return {{"version", s.integer("version")},
          {"kind", s.text("kind")},
          {"title", s.text("title")},
          {"status", s.text("status")},
          {"sha256", s.text("pdf_sha256")},
          {"size", s.integer("pdf_size")},
          {"submitted_by", user_ref(s, "submitted_by", "submitted_by_name")},
          {"submitted_at", s.text("submitted_at")},
          {"reviewed_by", user_ref(s, "reviewed_by", "reviewed_by_name")},
          {"reviewed_at", json_text(s, "reviewed_at")},
          {"comment", s.text("review_comment")}};
}

// The visit's report kind and title (its service types decide both).
std::pair<std::string, std::string> kind_of_visit(db::Connection& db, std::int64_t visit_id) {
  const auto types = services::service_rules_of_versions(db, services::visit_type_versions(db, visit_id));
  const auto kind = report_kind(types);
  return {kind, report_title(kind, assesses_env_risk(types))};
}

std::string ascii_name(std::int64_t visit_id) { return "visit-" + std::to_string(visit_id) + "-report"; }

}  // namespace

json visit_report(const accounts::Operation& op, std::int64_t visit_id) {
  const auto row = services::find_visit_row(op.db, op.actor, visit_id);
  const auto state = services::visit_state(row, services::team_user_ids(op.db, visit_id));
  const workflow::Caller caller(op.db, op.actor);
  json actions = json::array();
  for (const auto& action : workflow::actions(caller, services::visit_machine(), state))
    if (std::find(std::begin(kReportSteps), std::end(kReportSteps), action) != std::end(kReportSteps))
      actions.push_back(action);
  json submissions = json::array();
  const auto rows = submissions_of(op.db, visit_id);
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (shown_to(op.actor, rows[i])) submissions.push_back(submission_json(rows[i]));
  const auto [kind, title] = kind_of_visit(op.db, visit_id);
  const bool hide_status = is_enterprise(op.actor) && state.report_status != "approved";
  return {{"visit_id", visit_id},
          {"kind", kind},
          {"title", title},
          {"status", state.report_status.empty() || hide_status ? "none" : state.report_status},
          {"actions", actions},
          {"submissions", submissions}};
}

RenderedReport render_visit_report(const accounts::Operation& op, const files::FileStore& files,
                                   std::int64_t visit_id, const std::string& format) {
  if (format != "pdf" && format != "docx")
    throw invalid_field("format", "invalid_choice", "格式只能是 pdf 或 docx", "format is pdf or docx");
  services::find_visit_row(op.db, op.actor, visit_id);
  // The draft is the agency's and the insurer's; the enterprise gets the approved report.
  if (is_enterprise(op.actor)) throw forbidden();
  const auto document = report_document(gather_report(op, files, visit_id));
  return {format == "pdf" ? documents::render_pdf(document) : documents::render_docx(document),
          document.title, ascii_name(visit_id)};
}

NewSubmission prepare_submission(const accounts::Operation& op, files::FileStore& files,
                                 std::int64_t visit_id) {
  workflow::require(op.db, op.actor, op.clock, services::visit_machine(), visit_id, "submit_report");
  const auto content = gather_report(op, files, visit_id);
  const auto document = report_document(content);
  const auto pdf = documents::render_pdf(document);
  const auto stored = files.put(pdf);
  return {visit_id,
          content.kind,
          document.title,
          stored.sha256,
          static_cast<std::int64_t>(stored.size),
          op.actor.id,
          content.env_risk ? content.env_risk->assessment_id : std::nullopt};
}

json record_submission(const accounts::Operation& op, const NewSubmission& prepared) {
  services::take_step(op, services::visit_machine(), prepared.visit_id, "submit_report", json::object());
  try {
    insert_submission(op.db, prepared, op.now_text());
  } catch (const db::ConstraintViolation&) {
    // Another submission of the same version was recorded meanwhile (PostgreSQL reads the status without
    // waiting for the other transaction).
    throw conflict(reports::kSubmitNotExpected.code, reports::kSubmitNotExpected.zh,
                   reports::kSubmitNotExpected.en);
  }
  return visit_report(op, prepared.visit_id);
}

RenderedReport submitted_report(const accounts::Operation& op, const files::FileStore& files,
                                std::int64_t visit_id, int version) {
  services::find_visit_row(op.db, op.actor, visit_id);
  const auto row = submission(op.db, visit_id, version);
  if (!row || !shown_to(op.actor, *row)) throw not_found();
  return {files.read(row->text("pdf_sha256")), row->text("title") + "（第" + std::to_string(version) + "版）",
          ascii_name(visit_id) + "-v" + std::to_string(version)};
}

}  // namespace rw::reports
