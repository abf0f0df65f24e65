#include "hazards/hazard_routes.hpp"

#include "access/visibility.hpp"
#include "api/downloads.hpp"
#include "hazards/hazard_files.hpp"
#include "hazards/hazard_flow.hpp"
#include "hazards/hazard_ledger.hpp"
#include "hazards/hazard_recheck.hpp"
#include "hazards/hazard_service.hpp"
#include "hazards/hazard_store.hpp"
#include "platform/heavy_work.hpp"
#include "platform/memory.hpp"
#include "services/step_routes.hpp"

namespace rw::hazards {
namespace {

http::Response list(api::Context& context) {
  return api::json_ok(list_hazards(context.op(), context.request.query));
}

http::Response detail(api::Context& context) { return api::json_ok(get_hazard(context.op(), context.id())); }

http::Response edit(api::Context& context) {
  const auto body = context.body();
  return api::json_ok(update_hazard(context.op(), context.id(), body));
}

http::Response of_visit(api::Context& context) {
  return api::json_ok(visit_hazards(context.op(), context.id()));
}

http::Response new_on_visit(api::Context& context) {
  const auto body = context.body();
  return api::json_ok(create_hazard(context.op(), context.id(), body), 201);
}

http::Response from_findings(api::Context& context) {
  const auto body = context.body_or_empty();
  return api::json_ok(hazards_from_inspection(context.op(), context.id(), body));
}

http::Response recheck(api::Context& context) {
  const auto body = context.body();
  return api::json_ok(recheck_hazard(context.op(), context.id(), context.id("hazard_id"), body));
}

http::Response escalations(api::Context& context) {
  return api::json_ok(list_escalations(context.op(), context.request.query));
}

// chengdu Table 9 as .xlsx or PDF for an enterprise, a region or an agency over a period.
http::Response ledger(api::Context& context) {
  const HeavyWork heavy;
  const ReturnFreeMemoryAfterwards trim;  // a PDF's pages, laid out whole
  auto file = hazard_ledger(context.op(), context.request.query);
  return api::download(std::move(file.bytes), file.format == "pdf" ? api::kPdf : api::kXlsx, file.format,
                       file.ascii_name, file.file_name);
}

}  // namespace

void add_hazard_routes(api::Routes& routes) {
  register_hazard_file_kind();
  routes.get("/hazards", "hazard:read", list);
  routes.get("/hazards/ledger", "hazard:read", ledger);
  routes.get("/hazards/{id}", "hazard:read", detail);
  routes.patch("/hazards/{id}", "hazard:manage", edit);
  routes.get("/visits/{id}/hazards", "hazard:read", of_visit);
  routes.post("/visits/{id}/hazards", "hazard:manage", new_on_visit);
  routes.post("/visits/{id}/hazards/{hazard_id}/recheck", "hazard:manage", recheck);
  routes.post("/inspections/{id}/hazards", "hazard:manage", from_findings);
  routes.get("/hazard-escalations", "hazard:read", escalations);
  services::add_step_routes(routes, "/hazards", hazard_machine(),
                            {{"notify", "notify"},
                             {"set-deadline", "set_deadline"},
                             {"submit-plan", "submit_plan"},
                             {"accept-plan", "accept_plan"},
                             {"return-plan", "return_plan"},
                             {"add-progress", "add_progress"},
                             {"submit-evidence", "submit_evidence"},
                             {"verify", "verify"},
                             {"reject-evidence", "reject_evidence"},
                             {"comment", "comment"}},
                            get_hazard);
}

}  // namespace rw::hazards
