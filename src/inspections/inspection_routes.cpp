#include "inspections/inspection_routes.hpp"

#include "api/downloads.hpp"
#include "inspections/inspection_files.hpp"
#include "inspections/inspection_flow.hpp"
#include "inspections/inspection_service.hpp"
#include "inspections/template_service.hpp"
#include "inspections/training_service.hpp"
#include "services/step_routes.hpp"

namespace rw::inspections {
namespace {

http::Response templates(api::Context& context) {
  return api::json_ok(list_templates(context.op(), context.request.query));
}

http::Response template_detail(api::Context& context) {
  return api::json_ok(get_template(context.op(), context.id()));
}

http::Response new_template(api::Context& context) {
  return api::json_ok(create_template(context.op(), context.body()), 201);
}

// Named <code>-v<version>.xlsx, and for people by the template's name.
http::Response template_as_xlsform(api::Context& context) {
  auto workbook = template_xlsform(context.op(), context.id());
  const std::string version = "-v" + std::to_string(workbook.version);
  return api::xlsx_download(std::move(workbook.bytes), workbook.code + version, workbook.name + version);
}

http::Response new_template_from_xlsform(api::Context& context) {
  return api::json_ok(create_template_from_xlsform(context.op(), context.request.body_bytes()), 201);
}

http::Response list(api::Context& context) {
  return api::json_ok(list_inspections(context.op(), context.request.query));
}

http::Response detail(api::Context& context) {
  return api::json_ok_with_raw(get_inspection(context.op(), context.id()));
}

http::Response answer(api::Context& context) {
  const auto body = context.body();
  return api::json_ok(
      put_answer_checked_first(context.op(), context.id(), context.params.text("item"), body));
}

http::Response finding(api::Context& context) {
  const auto body = context.body();
  return api::json_ok(record_finding(context.op(), context.id(), body), 201);
}

http::Response photo_flags(api::Context& context) {
  return api::json_ok(inspection_photo_flags(context.op(), context.id()));
}

http::Response trainings(api::Context& context) {
  return api::json_ok(list_training_records(context.op(), context.id()));
}

http::Response new_training(api::Context& context) {
  const auto body = context.body();
  return api::json_ok(create_training_record(context.op(), context.id(), body), 201);
}

http::Response change_training(api::Context& context) {
  const auto body = context.body();
  return api::json_ok(update_training_record(context.op(), context.id(), body));
}

}  // namespace

void add_inspection_routes(api::Routes& routes) {
  register_inspection_file_kinds();
  routes.get("/checklist-templates", "catalog:read", templates);
  routes.get("/checklist-templates/{id}", "catalog:read", template_detail);
  routes.post("/checklist-templates", "catalog:write", new_template);
  routes.get("/checklist-templates/{id}/xlsform", "catalog:read", template_as_xlsform);
  // A form workbook is small: the JSON body cap, not the import one.
  routes.upload("/checklist-templates/xlsform", "catalog:write", new_template_from_xlsform,
                &api::Settings::max_body_bytes);
  routes.get("/inspections", "visit:read", list);
  routes.get("/inspections/{id}", "visit:read", detail);
  routes.get("/inspections/{id}/photo-flags", "visit:read", photo_flags);
  routes.put("/inspections/{id}/answers/{item}", "visit:read", answer, api::WriteScope::handler);
  routes.post("/inspections/{id}/findings", "visit:read", finding);
  routes.get("/visits/{id}/training-records", "visit:read", trainings);
  routes.post("/visits/{id}/training-records", "visit:read", new_training);
  routes.put("/training-records/{id}", "visit:read", change_training);
  services::add_step_routes(
      routes, "/inspections", inspection_machine(),
      {{"submit", "submit"}, {"reopen", "reopen"}, {"sign", "sign"}},
      [](const accounts::Operation& op, std::int64_t id) { return whole(get_inspection(op, id)); });
}

}  // namespace rw::inspections
