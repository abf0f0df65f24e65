#include "notices/notice_routes.hpp"

#include "api/downloads.hpp"
#include "notices/notice_flow.hpp"
#include "notices/notice_service.hpp"
#include "notices/number_service.hpp"
#include "services/step_routes.hpp"

namespace rw::notices {
namespace {

http::Response numbering(api::Context& context) {
  return api::json_ok(numbering_of(context.op(), context.id()));
}

http::Response change_numbering(api::Context& context) {
  const auto body = context.body();
  return api::json_ok(set_numbering(context.op(), context.id(), context.params.text("kind"), body));
}

http::Response list(api::Context& context) {
  return api::json_ok(list_notices(context.op(), context.request.query));
}

http::Response detail(api::Context& context) { return api::json_ok(get_notice(context.op(), context.id())); }

http::Response by_hand(api::Context& context) {
  const auto body = context.body();
  return api::json_ok(create_notice(context.op(), body), 201);
}

http::Response from_visit(api::Context& context) {
  const auto body = context.body();
  return api::json_ok(create_visit_notice(context.op(), context.id(), body), 201);
}

http::Response edit(api::Context& context) {
  const auto body = context.body();
  return api::json_ok(update_notice(context.op(), context.id(), body));
}

// Rendered on the request's worker thread, like every handler (platform/http/server.cpp).
http::Response document(api::Context& context) {
  const auto found = context.request.query.find("format");
  const std::string format = found == context.request.query.end() ? "pdf" : found->second;
  auto rendered = render_notice(context.op(), context.files, context.id(), format);
  return api::download(std::move(rendered.bytes), format == "pdf" ? api::kPdf : api::kDocx, format,
                       rendered.ascii_name, rendered.name);
}

}  // namespace

void add_notice_routes(api::Routes& routes) {
  register_notice_file_kind();
  routes.get("/organizations/{id}/notice-numbering", api::kSignedIn, numbering);
  routes.put("/organizations/{id}/notice-numbering/{kind}", "org:write", change_numbering);
  routes.get("/notices", "notice:read", list);
  routes.post("/notices", "notice:issue", by_hand);
  routes.get("/notices/{id}", "notice:read", detail);
  routes.patch("/notices/{id}", "notice:issue", edit);
  routes.get("/notices/{id}/document", "notice:read", document);
  routes.post("/visits/{id}/notices", "notice:issue", from_visit);
  services::add_step_routes(routes, "/notices", notice_machine(),
                            {{"issue", "issue"}, {"receipt", "receive"}, {"cancel", "cancel"}}, get_notice);
}

}  // namespace rw::notices
