#include "inspections/template_service.hpp"

#include <nlohmann/json.hpp>

#include "audit/audit_log.hpp"
#include "forms/xlsform.hpp"
#include "inspections/template_store.hpp"
#include "platform/errors.hpp"
#include "platform/json_input.hpp"

namespace rw::inspections {
namespace {

using nlohmann::json;

json summary(std::int64_t id, const forms::Template& form, bool shipped, const std::string& created_at) {
  return {{"id", id},
          {"code", form.code},
          {"version", form.version},
          {"name", form.name},
          {"service_types", form.service_types},
          {"source", form.body.at("source")},
          {"sections", form.sections.size()},
          {"items", form.items.size()},
          {"shipped", shipped},
          {"created_at", created_at}};
}

}  // namespace

json list_templates(const accounts::Operation& op, const std::map<std::string, std::string>& query) {
  json items = json::array();
  const auto rows = template_rows(op.db, query_bool(query, "all_versions").value_or(false));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto stored = find_template(op.db, rows[i].integer("id"));
    items.push_back(summary(stored->id, stored->form, stored->shipped, stored->created_at));
  }
  return {{"items", items}, {"total", items.size()}};
}

json get_template(const accounts::Operation& op, std::int64_t id) {
  const auto stored = find_template(op.db, id);
  if (!stored) throw not_found();
  auto out = summary(stored->id, stored->form, stored->shipped, stored->created_at);
  out["body"] = stored->form.body;
  return out;
}

json create_template(const accounts::Operation& op, const json& body) {
  const auto form = forms::parse_template(body);
  if (const auto newest = newest_version(op.db, form.code); newest && *newest >= form.version)
    throw conflict("template_version_exists", "该模板已有同一或更新的版本（" + std::to_string(*newest) + "）",
                   "the template already has this or a newer version (" + std::to_string(*newest) + ")");
  const auto id = insert_template(op.db, form, false, op.actor.id, op.now_text());
  audit::record(op, {"checklist_template", std::to_string(id), "create", std::nullopt,
                     audit::created({{"code", form.code}, {"version", form.version}, {"name", form.name}})});
  return get_template(op, id);
}

TemplateWorkbook template_xlsform(const accounts::Operation& op, std::int64_t id) {
  const auto stored = find_template(op.db, id);
  if (!stored) throw not_found();
  const auto& form = stored->form;
  return {forms::template_to_xlsform(form), form.code, form.name, form.version};
}

json create_template_from_xlsform(const accounts::Operation& op, std::string_view xlsx) {
  return create_template(op, forms::xlsform_to_template_json(xlsx));
}

}  // namespace rw::inspections
