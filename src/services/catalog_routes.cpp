#include "services/catalog_routes.hpp"

#include "audit/audit_log.hpp"
#include "platform/json_rows.hpp"
#include "platform/paging.hpp"
#include "services/catalog_store.hpp"

namespace rw::services {
namespace {

constexpr const char* kTypeOrder = "c.position, c.id, t.position, t.id";

// The type as it stands: its current version's rules plus its class and switch.
nlohmann::json type_json(const db::Row& row) {
  const auto rules = rules_from_row(row);
  auto out = rules_json(rules);
  out["id"] = rules.type_id;
  out["code"] = rules.code;
  out["class_code"] = rules.class_code;
  out["class_name_zh"] = row.text("class_name_zh");
  out["class_name_en"] = row.text("class_name_en");
  out["source"] = rules.source;
  out["active"] = row.integer("active") != 0;
  out["version"] = rules.version;
  out["version_id"] = rules.version_id;
  out["created_at"] = row.text("created_at");
  out["updated_at"] = row.text("updated_at");
  return out;
}

nlohmann::json version_summary_json(const db::Row& row) {
  return {{"id", row.integer("version_id")},
          {"version", row.integer("version")},
          {"created_at", row.text("version_created_at")},
          {"created_by", json_integer(row, "created_by")},
          {"created_by_name", row.text("created_by_name")}};
}

// One version's rules, as services made with it keep them.
nlohmann::json version_json(const db::Row& row) {
  auto out = rules_json(rules_from_row(row));
  out.update(version_summary_json(row));
  out["type_id"] = row.integer("type_id");
  out["code"] = row.text("code");
  return out;
}

db::Row find_current(db::Connection& db, std::int64_t id) {
  auto where = current_versions();
  where.add("t.id = ?", id);
  auto rows = db.query(std::string(kSelectTypeVersions) + where.sql(), where.params());
  if (rows.empty()) throw not_found();
  return rows[0];
}

nlohmann::json type_detail(db::Connection& db, std::int64_t id) {
  auto out = type_json(find_current(db, id));
  auto rows = db.query(std::string(kSelectTypeVersions) + " WHERE t.id = ? ORDER BY v.version DESC", {id});
  out["versions"] = nlohmann::json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) out["versions"].push_back(version_summary_json(rows[i]));
  return out;
}

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

SqlFilter type_filter(const std::map<std::string, std::string>& query) {
  SqlFilter where = current_versions();
  if (auto v = query_choice(query, "source", catalog_sources().values())) where.add("c.source = ?", *v);
  if (auto v = query_text(query, "class_code", 60)) where.add("c.code = ?", *v);
  if (auto v = query_choice(query, "insurance_type", service_insurance_types().values()))
    where.add("v.insurance_type = ?", *v);
  if (auto v = query_bool(query, "on_site")) where.add("v.on_site = ?", std::int64_t{*v});
  if (auto v = query_bool(query, "active")) where.add("t.active = ?", std::int64_t{*v});
  if (auto q = query_text(query, "q")) {
    auto pattern = db::like_contains(*q);
    where.add("(v.name_zh LIKE ? ESCAPE '\\' OR v.name_en LIKE ? ESCAPE '\\' OR t.code LIKE ? ESCAPE '\\')",
              db::Params{pattern, pattern, pattern});
  }
  return where;
}

http::Response list_service_classes(api::Context& context) {
  SqlFilter where;
  if (auto v = query_choice(context.request.query, "source", catalog_sources().values()))
    where.add("c.source = ?", *v);
  auto rows = context.db.query(
      "SELECT c.id, c.code, c.source, c.name_zh, c.name_en, c.reference, "
      "(SELECT COUNT(*) FROM service_types t WHERE t.class_id = c.id) AS type_count FROM service_classes c" +
          where.sql() + " ORDER BY c.position, c.id",
      where.params());
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = 0; i < rows.size(); ++i)
    items.push_back({{"id", rows[i].integer("id")},
                     {"code", rows[i].text("code")},
                     {"source", rows[i].text("source")},
                     {"name_zh", rows[i].text("name_zh")},
                     {"name_en", rows[i].text("name_en")},
                     {"reference", rows[i].text("reference")},
                     {"type_count", rows[i].integer("type_count")}});
  return api::json_ok({{"items", items}});
}

http::Response list_service_types(api::Context& context) {
  const auto& query = context.request.query;
  const auto page = parse_page(query);
  auto [rows, total] =
      select_page(context.db, kSelectTypeVersions, kCountTypeVersions, type_filter(query), kTypeOrder, page);
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) items.push_back(type_json(rows[i]));
  return api::json_ok(page_json(items, total, page));
}

http::Response get_service_type(api::Context& context) {
  return api::json_ok(type_detail(context.db, context.id()));
}

http::Response get_service_type_version(api::Context& context) {
  auto rows = context.db.query(std::string(kSelectTypeVersions) + " WHERE t.id = ? AND v.version = ?",
                               {context.id(), context.id("version")});
  if (rows.empty()) throw not_found();
  return api::json_ok(version_json(rows[0]));
}

http::Response create_service_type(api::Context& context) {
  const auto classes = class_ids(context.db);
  const auto object = overlay(nlohmann::json::object(), context.body(), service_type_keys());
  Fields fields(object);
  const auto input = read_service_type(fields, codes_of(classes));
  fields.finish();
  if (type_with_code(context.db, input.rules.code)) throw duplicate_code(input.rules.code);
  const auto id = insert_service_type(context.db, input, classes.at(input.rules.class_code), context.me().id,
                                      context.now_text());
  audit::record(context.op(), {"service_type", std::to_string(id), "create", std::nullopt,
                               audit::created(service_type_input_json(input))});
  return api::json_ok(type_detail(context.db, id), 201);
}

// A change of any rule makes a new version, so services made with the old one keep their rules;
// the class and the active switch change in place.
http::Response update_service_type_route(api::Context& context) {
  const auto id = context.id();
  const auto row = find_current(context.db, id);
  const ServiceTypeInput before{rules_from_row(row), row.integer("active") != 0};
  const auto classes = class_ids(context.db);
  const auto object = overlay(service_type_input_json(before), context.body(), service_type_keys());
  Fields fields(object);
  auto input = read_service_type(fields, codes_of(classes));
  // Other data names types by code.
  if (input.rules.code != before.rules.code)
    fields.add_error("code", "not_editable", "服务类型代码创建后不能修改",
                     "the code cannot change once created");
  fields.finish();
  input.rules.checklists = before.rules.checklists;
  const auto now = context.now_text();
  auto version = before.rules.version;
  if (rules_json(input.rules) != rules_json(before.rules))
    version = add_service_type_version(context.db, id, input.rules, context.me().id, now);
  if (input.active != before.active || input.rules.class_code != before.rules.class_code)
    update_service_type(context.db, id, classes.at(input.rules.class_code), input.active, now);
  auto old_fields = service_type_input_json(before);
  auto new_fields = service_type_input_json(input);
  old_fields["version"] = before.rules.version;
  new_fields["version"] = version;
  audit::record_update(context.op(), "service_type", id, std::nullopt, old_fields, new_fields);
  return api::json_ok(type_detail(context.db, id));
}

}  // namespace

void add_catalog_routes(api::Routes& routes) {
  routes.get("/service-classes", "catalog:read", list_service_classes);
  routes.get("/service-types", "catalog:read", list_service_types);
  routes.get("/service-types/{id}", "catalog:read", get_service_type);
  routes.get("/service-types/{id}/versions/{version}", "catalog:read", get_service_type_version);
  routes.post("/service-types", "catalog:write", create_service_type);
  routes.patch("/service-types/{id}", "catalog:write", update_service_type_route);
}

}  // namespace rw::services
