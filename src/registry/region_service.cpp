#include "registry/region_service.hpp"

#include <set>

#include "audit/audit_log.hpp"
#include "platform/json_input.hpp"
#include "platform/paging.hpp"
#include "registry/region_store.hpp"

namespace rw::registry {
namespace {

const std::set<std::string> kRegionLevels = {"province", "city", "district", "street"};

// The level a parent of `level` must have; "" for a province (no parent).
std::string parent_level(const std::string& level) {
  if (level == "city") return "province";
  if (level == "district") return "city";
  if (level == "street") return "district";
  return "";
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
  if (region_code_taken(db, code, own_id))
    throw conflict("duplicate_region_code", "区划代码已存在：" + code, "Region code already exists: " + code);
}

}  // namespace

nlohmann::json list_regions(const accounts::Operation& op, const std::map<std::string, std::string>& query) {
  const auto page = parse_page(query);
  SqlFilter where;
  if (auto parent = query_id(query, "parent_id")) where.add("r.parent_id = ?", *parent);
  if (auto level = query_choice(query, "level", kRegionLevels)) where.add("r.level = ?", *level);
  if (auto q = query_text(query, "q")) where.add(any_column_holds(op.db.dialect(), {"r.name", "r.code"}, *q));
  auto [rows, total] = select_page(op.db, kSelectRegion, kCountRegion, where, "r.code", page);
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) items.push_back(region_json(rows[i]));
  return page_json(items, total, page);
}

nlohmann::json get_region(const accounts::Operation& op, std::int64_t id) { return find_region(op.db, id); }

nlohmann::json create_region(const accounts::Operation& op, const nlohmann::json& body) {
  Fields fields(body);
  const auto code = fields.required_text("code", 2, 12);
  const auto name = fields.required_text("name", 1, 50);
  const auto level = fields.required_choice("level", kRegionLevels);
  const auto parent_id = fields.optional_id("parent_id");
  fields.finish();
  check_code(op.db, fields, code, 0);
  const auto wanted = parent_level(level);
  if (wanted.empty() && parent_id) {
    fields.add_error("parent_id", "parent_not_allowed", "省级区划没有上级", "a province has no parent");
  } else if (!wanted.empty()) {
    const auto parent = parent_id ? region_level(op.db, *parent_id) : std::nullopt;
    if (!parent)
      fields.add_error("parent_id", "unknown_parent", "上级区划不存在", "the parent region does not exist");
    else if (*parent != wanted)
      fields.add_error("parent_id", "wrong_parent_level", "上级区划的级别不对",
                       "the parent region has the wrong level");
  }
  fields.finish();
  const auto id = insert_region(op.db, {code, name, level, parent_id}, op.now_text());
  auto region = find_region(op.db, id);
  audit::record(op, {"region", std::to_string(id), "create", std::nullopt, audit::created(region)});
  return region;
}

nlohmann::json update_region(const accounts::Operation& op, std::int64_t id, const nlohmann::json& body) {
  auto before = find_region(op.db, id);
  Fields fields(body);
  auto code = fields.optional_text("code", 12);
  auto name = fields.optional_nonempty_text("name", 50);
  fields.finish();
  if (code) check_code(op.db, fields, *code, id);
  fields.finish();
  auto after = before;
  if (code) after["code"] = *code;
  if (name) after["name"] = *name;
  rename_region(op.db, id, after["code"].get<std::string>(), after["name"].get<std::string>(), op.now_text());
  audit::record_update(op, "region", id, std::nullopt, before, after);
  return after;
}

void delete_region(const accounts::Operation& op, std::int64_t id) {
  auto before = find_region(op.db, id);
  if (region_in_use(op.db, id))
    throw conflict("region_in_use", "该区划下还有下级区划或机构，不能删除",
                   "The region still has sub-regions or organizations");
  delete_region_row(op.db, id);
  audit::record(op, {"region", std::to_string(id), "delete", std::nullopt, audit::deleted(before)});
}

}  // namespace rw::registry
