#include "reports/report_routes.hpp"

#include "api/downloads.hpp"
#include "platform/json_input.hpp"
#include "reports/report_service.hpp"
#include "services/step_routes.hpp"
#include "services/visit_flow.hpp"

namespace rw::reports {
namespace {

http::Response get(api::Context& context) { return api::json_ok(visit_report(context.op(), context.id())); }

// ?format=pdf (the default) or docx.
http::Response document(api::Context& context) {
  const auto format = query_text(context.request.query, "format", 10).value_or("pdf");
  auto report = render_visit_report(context.op(), context.files, context.id(), format);
  return api::download(std::move(report.bytes), format == "pdf" ? api::kPdf : api::kDocx, format,
                       report.ascii_name, report.file_name);
}

// Renders before the write transaction, so other writers do not wait for the PDF.
http::Response submit(api::Context& context) {
  const auto op = context.op();
  const auto prepared = prepare_submission(op, context.files, context.id());
  db::Transaction transaction(context.db, true);
  auto report = record_submission(op, prepared);
  transaction.commit();
  return api::json_ok(report, 201);
}

http::Response submitted(api::Context& context) {
  const auto version = context.id("version");
  if (version > 100000) throw not_found();
  auto report = submitted_report(context.op(), context.files, context.id(), static_cast<int>(version));
  return api::download(std::move(report.bytes), api::kPdf, "pdf", report.ascii_name, report.file_name);
}

}  // namespace

void add_report_routes(api::Routes& routes) {
  routes.get("/visits/{id}/report", "visit:read", get);
  routes.get("/visits/{id}/report/document", "visit:read", document);
  routes.post("/visits/{id}/report/submissions", "visit:read", submit, api::WriteScope::handler);
  routes.get("/visits/{id}/report/submissions/{version}/document", "visit:read", submitted);
  // The workflow table decides who reviews (the commissioning insurer's reviewers); a return needs a reason.
  services::add_step_routes(routes, "/visits", services::visit_machine(),
                            {{"report/approve", "approve_report"}, {"report/return", "return_report"}},
                            visit_report);
}

}  // namespace rw::reports
