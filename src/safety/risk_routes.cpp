#include "safety/risk_routes.hpp"

#include "api/downloads.hpp"
#include "platform/json_input.hpp"
#include "safety/risk_service.hpp"

namespace rw::safety {
namespace {

constexpr const char* kBase = "/enterprises/{id}/safety-risk";

std::string route(const char* tail) { return std::string(kBase) + tail; }

http::Response overview(api::Context& context) {
  return api::json_ok(get_safety_risk(context.op(), context.id()));
}

http::Response create(api::Context& context) {
  const auto body = context.body();
  return api::json_ok(create_record(context.op(), context.id(), context.params.text("kind"), body), 201);
}

http::Response update(api::Context& context) {
  const auto body = context.body();
  return api::json_ok(
      update_record(context.op(), context.id(), context.params.text("kind"), context.id("item"), body));
}

http::Response remove(api::Context& context) {
  delete_record(context.op(), context.id(), context.params.text("kind"), context.id("item"));
  return http::no_content();
}

http::Response site_plan(api::Context& context) {
  const auto body = context.body();
  return api::json_ok(set_site_plan(context.op(), context.id(), body));
}

// ?format=svg (the default) or png.
http::Response map(api::Context& context) {
  const auto format = query_choice(context.request.query, "format", {"svg", "png"}).value_or("svg");
  auto file = risk_map(context.op(), context.files, context.id(), format);
  return api::download(std::move(file.bytes), format == "png" ? "image/png" : "image/svg+xml", file.format,
                       file.ascii_name, file.file_name);
}

// ?format=xlsx (the default) or pdf.
http::Response list_file(api::Context& context) {
  const auto format = query_choice(context.request.query, "format", {"xlsx", "pdf"}).value_or("xlsx");
  auto file = risk_list_file(context.op(), context.id(), format);
  return api::download(std::move(file.bytes), format == "pdf" ? api::kPdf : api::kXlsx, file.format,
                       file.ascii_name, file.file_name);
}

http::Response grade(api::Context& context) {
  const auto body = context.body();
  return api::json_ok(evaluate(context.op(), body));
}

http::Response mapping(api::Context& context) { return api::json_ok(organization_mapping(context.op())); }

http::Response replace_mapping(api::Context& context) {
  const auto body = context.body();
  return api::json_ok(set_organization_mapping(context.op(), body));
}

}  // namespace

void add_safety_risk_routes(api::Routes& routes) {
  // Reading follows the enterprise's visibility; writing needs safety_risk:write and the access model's
  // kSafetyRiskKeeper (the service checks both).
  routes.get(kBase, "enterprise:read", overview);
  routes.get(route("/map"), "enterprise:read", map);
  routes.get(route("/list"), "enterprise:read", list_file);
  routes.put(route("/site-plan"), "safety_risk:write", site_plan);
  routes.post(route("/{kind}"), "safety_risk:write", create);
  routes.put(route("/{kind}/{item}"), "safety_risk:write", update);
  routes.del(route("/{kind}/{item}"), "safety_risk:write", remove);
  routes.post("/safety-risk/evaluate", "enterprise:read", grade);
  routes.get("/safety-risk/mapping", "enterprise:read", mapping);
  routes.put("/safety-risk/mapping", "org:write", replace_mapping);
}

}  // namespace rw::safety
