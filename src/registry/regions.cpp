#include "registry/regions.hpp"

#include "audit/audit_log.hpp"
#include "platform/json_input.hpp"
#include "platform/paging.hpp"

namespace rw::registry {
namespace {

constexpr const char* kSelectRegion = "SELECT id, code, name, level, parent_id FROM regions r";
constexpr const char* kInsertRegion =
    "INSERT INTO regions (code, name, level, parent_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
    "RETURNING id";

nlohmann::json region_json(const db::Row& row) {
  return {
      {"id", row.integer("id")},
      {"code", row.text("code")},
      {"name", row.text("name")},
      {"level", row.text("level")},
      {"parent_id", row.is_null("parent_id") ? nlohmann::json() : nlohmann::json(row.integer("parent_id"))}};
}

nlohmann::json find_region(db::Connection& db, std::int64_t id) {
  auto rows = db.query(std::string(kSelectRegion) + " WHERE r.id = ?", {id});
  if (rows.empty()) throw not_found();
  return region_json(rows[0]);
}

bool valid_code(const std::string& code) {
  if (code.size() < 2 || code.size() > 12) return false;
  for (char c : code)
    if (c < '0' || c > '9') return false;
  return true;
}

void check_code(db::Connection& db, Fields& fields, const std::string& code, std::int64_t own_id) {
  if (!valid_code(code)) {
    fields.add_error("code", "invalid_region_code", "区划代码应为 2–12 位数字", "must be 2–12 digits");
    return;
  }
  if (!db.query("SELECT 1 AS one FROM regions WHERE code = ? AND id <> ?", {code, own_id}).empty())
    throw conflict("duplicate_region_code", "区划代码已存在：" + code, "Region code already exists: " + code);
}

http::Response list_regions(api::Context& context) {
  const auto& query = context.request.query;
  const auto page = parse_page(query);
  SqlFilter where;
  if (auto parent = query_id(query, "parent_id")) where.add("r.parent_id = ?", *parent);
  if (auto level = query_choice(query, "level", kRegionLevels)) where.add("r.level = ?", *level);
  if (auto q = query_text(query, "q"))
    where.add("(r.name LIKE ? ESCAPE '\\' OR r.code LIKE ? ESCAPE '\\')",
              db::Params{db::like_contains(*q), db::like_contains(*q)});
  auto [rows, total] =
      select_page(context.db, kSelectRegion, "SELECT COUNT(*) AS n FROM regions r", where, "r.code", page);
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) items.push_back(region_json(rows[i]));
  return api::json_ok(page_json(items, total, page));
}

http::Response get_region(api::Context& context) {
  return api::json_ok(find_region(context.db, context.id()));
}

http::Response create_region(api::Context& context) {
  auto body = context.body();
  Fields fields(body);
  const auto code = fields.required_text("code", 2, 12);
  const auto name = fields.required_text("name", 1, 50);
  const auto level = fields.required_choice("level", kRegionLevels);
  const auto parent_id = fields.optional_id("parent_id");
  fields.finish();
  check_code(context.db, fields, code, 0);
  const auto wanted = parent_level(level);
  if (wanted.empty() && parent_id) {
    fields.add_error("parent_id", "parent_not_allowed", "省级区划没有上级", "a province has no parent");
  } else if (!wanted.empty()) {
    auto parent =
        parent_id ? context.db.query("SELECT level FROM regions WHERE id = ?", {*parent_id}) : db::Rows{};
    if (parent.empty())
      fields.add_error("parent_id", "unknown_parent", "上级区划不存在", "the parent region does not exist");
    else if (parent[0].text("level") != wanted)
      fields.add_error("parent_id", "wrong_parent_level", "上级区划的级别不对",
                       "the parent region has the wrong level");
  }
  fields.finish();
  const auto now = context.now_text();
  const auto id =
      context.db.query(kInsertRegion, {code, name, level, db::optional_value(parent_id), now, now})[0]
          .integer("id");
  auto region = find_region(context.db, id);
  audit::record(context.op(), {"region", std::to_string(id), "create", std::nullopt, audit::created(region)});
  return api::json_ok(region, 201);
}

http::Response update_region(api::Context& context) {
  const auto id = context.id();
  auto before = find_region(context.db, id);
  auto body = context.body();
  Fields fields(body);
  auto code = fields.optional_text("code", 12);
  auto name = fields.optional_nonempty_text("name", 50);
  fields.finish();
  if (code) check_code(context.db, fields, *code, id);
  fields.finish();
  auto after = before;
  if (code) after["code"] = *code;
  if (name) after["name"] = *name;
  context.db.execute(
      "UPDATE regions SET code = ?, name = ?, updated_at = ? WHERE id = ?",
      {after["code"].get<std::string>(), after["name"].get<std::string>(), context.now_text(), id});
  audit::record_update(context.op(), "region", id, std::nullopt, before, after);
  return api::json_ok(after);
}

http::Response delete_region(api::Context& context) {
  const auto id = context.id();
  auto before = find_region(context.db, id);
  const bool has_children =
      !context.db.query("SELECT 1 AS one FROM regions WHERE parent_id = ?", {id}).empty();
  const bool used =
      !context.db.query("SELECT 1 AS one FROM organization_regions WHERE region_id = ?", {id}).empty();
  if (has_children || used)
    throw conflict("region_in_use", "该区划下还有下级区划或机构，不能删除",
                   "The region still has sub-regions or organizations");
  context.db.execute("DELETE FROM regions WHERE id = ?", {id});
  audit::record(context.op(), {"region", std::to_string(id), "delete", std::nullopt, audit::deleted(before)});
  return http::no_content();
}

}  // namespace

std::string parent_level(const std::string& level) {
  if (level == "city") return "province";
  if (level == "district") return "city";
  if (level == "street") return "district";
  return "";
}

void add_region_routes(api::Routes& routes) {
  routes.get("/regions", "region:read", list_regions);
  routes.get("/regions/{id}", "region:read", get_region);
  routes.post("/regions", "region:write", create_region);
  routes.patch("/regions/{id}", "region:write", update_region);
  routes.del("/regions/{id}", "region:write", delete_region);
}

}  // namespace rw::registry
