#include "services/catalog_service.hpp"

#include "audit/audit_log.hpp"
#include "platform/paging.hpp"
#include "services/catalog_store.hpp"

namespace rw::services {
namespace {

constexpr const char* kTypeOrder = "c.position, c.id, t.position, t.id";

std::set<std::string> codes_of(const std::map<std::string, std::int64_t>& classes) {
  std::set<std::string> codes;
  for (const auto& [code, id] : classes) codes.insert(code);
  return codes;
}

ApiError duplicate_code(const std::string& code) {
  return ApiError(ErrorKind::conflict, "duplicate_service_type_code", "服务类型代码已存在：" + code,
                  "the service type code already exists: " + code,
                  {{"code", "duplicate_service_type_code", "代码已被使用", "is already used"}});
}

SqlFilter type_filter(db::Dialect dialect, const std::map<std::string, std::string>& query) {
  SqlFilter where = current_versions();
  if (auto v = query_choice(query, "source", catalog_sources().values())) where.add("c.source = ?", *v);
  if (auto v = query_text(query, "class_code", 60)) where.add("c.code = ?", *v);
  if (auto v = query_choice(query, "insurance_type", service_insurance_types().values()))
    where.add("v.insurance_type = ?", *v);
  if (auto v = query_bool(query, "on_site")) where.add("v.on_site = ?", std::int64_t{*v});
  if (auto v = query_bool(query, "active")) where.add("t.active = ?", std::int64_t{*v});
  if (auto q = query_text(query, "q"))
    where.add(any_column_holds(dialect, {"v.name_zh", "v.name_en", "t.code"}, *q));
  return where;
}

}  // namespace

nlohmann::json list_service_classes(const accounts::Operation& op,
                                    const std::map<std::string, std::string>& query) {
  SqlFilter where;
  if (auto v = query_choice(query, "source", catalog_sources().values())) where.add("c.source = ?", *v);
  auto rows = select_service_classes(op.db, where);
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) items.push_back(service_class_json(rows[i]));
  return {{"items", items}};
}

nlohmann::json list_service_types(const accounts::Operation& op,
                                  const std::map<std::string, std::string>& query) {
  const auto page = parse_page(query);
  auto [rows, total] = select_page(op.db, kSelectTypeVersions, kCountTypeVersions,
                                   type_filter(op.db.dialect(), query), kTypeOrder, page);
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) items.push_back(type_json(rows[i]));
  return page_json(items, total, page);
}

nlohmann::json get_service_type(const accounts::Operation& op, std::int64_t id) {
  return type_detail(op.db, id);
}

nlohmann::json get_service_type_version(const accounts::Operation& op, std::int64_t id,
                                        std::int64_t version) {
  return version_json(find_type_version(op.db, id, version));
}

nlohmann::json create_service_type(const accounts::Operation& op, const nlohmann::json& body) {
  const auto classes = class_ids(op.db);
  const auto object = overlay(nlohmann::json::object(), body, service_type_keys());
  Fields fields(object);
  const auto input = read_service_type(fields, codes_of(classes));
  fields.finish();
  if (type_with_code(op.db, input.rules.code)) throw duplicate_code(input.rules.code);
  const auto id =
      insert_service_type(op.db, input, classes.at(input.rules.class_code), op.actor.id, op.now_text());
  audit::record(op, {"service_type", std::to_string(id), "create", std::nullopt,
                     audit::created(service_type_input_json(input))});
  return type_detail(op.db, id);
}

nlohmann::json update_service_type(const accounts::Operation& op, std::int64_t id,
                                   const nlohmann::json& body) {
  const auto row = find_current_type(op.db, id);
  const ServiceTypeInput before{rules_from_row(row), row.integer("active") != 0};
  const auto classes = class_ids(op.db);
  const auto object = overlay(service_type_input_json(before), body, service_type_keys());
  Fields fields(object);
  auto input = read_service_type(fields, codes_of(classes));
  // Other data names types by code.
  if (input.rules.code != before.rules.code)
    fields.add_error("code", "not_editable", "服务类型代码创建后不能修改",
                     "the code cannot change once created");
  fields.finish();
  input.rules.checklists = before.rules.checklists;
  const auto now = op.now_text();
  auto version = before.rules.version;
  if (rules_json(input.rules) != rules_json(before.rules))
    version = add_service_type_version(op.db, id, input.rules, op.actor.id, now);
  if (input.active != before.active || input.rules.class_code != before.rules.class_code)
    update_service_type_row(op.db, id, classes.at(input.rules.class_code), input.active, now);
  auto old_fields = service_type_input_json(before);
  auto new_fields = service_type_input_json(input);
  old_fields["version"] = before.rules.version;
  new_fields["version"] = version;
  audit::record_update(op, "service_type", id, std::nullopt, old_fields, new_fields);
  return type_detail(op.db, id);
}

}  // namespace rw::services
