#include "registry/organization_service.hpp"

#include <algorithm>
#include <set>

#include "access/visibility.hpp"
#include "accounts/scope.hpp"
#include "audit/audit_log.hpp"
#include "platform/json_input.hpp"
#include "platform/json_rows.hpp"
#include "platform/paging.hpp"
#include "registry/organization_store.hpp"
#include "registry/uscc.hpp"

namespace rw::registry {
namespace {

void check_regions(db::Connection& db, Fields& fields, const std::vector<std::int64_t>& region_ids) {
  if (!regions_exist(db, region_ids))
    fields.add_error("region_ids", "unknown_region", "包含不存在的区划",
                     "contains a region that does not exist");
}

void check_credit_code(Fields& fields, const std::optional<std::string>& code) {
  if (code && !code->empty() && !valid_uscc(*code))
    fields.add_error("credit_code", "invalid_uscc", "统一社会信用代码无效（位数或校验位不对）",
                     "is not a valid unified social credit code (length or check character)");
}

// Organization types only a platform admin may create or give: they carry reach over other tenants
// (a regulator reads its region) or stand for a party that must not be impersonated.
const std::set<std::string> kPlatformOnlyTypes = {"platform", "regulator", "enterprise", "park"};

// Anyone else creates branches of their own kind: an insurer's branch is an insurer, a bureau's district
// office a regulator. Administration never widens reach.
void check_type(const accounts::Actor& me, Fields& fields, const std::string& type) {
  if (me.is_platform_admin()) return;
  const bool own_kind = type == me.org_type;
  if (!own_kind || (kPlatformOnlyTypes.count(type) && type != "regulator"))
    fields.add_error(
        "type", "type_not_allowed", "只能创建与本机构同类型的下级机构，其他类型由平台管理员创建",
        "you may only create organizations of your own type; others are created by a platform admin");
}

// A child's regions lie inside its parent's (the parent's regions and their sub-regions), so a sub-office
// never reaches further than the office above it.
void check_regions_within_parent(const accounts::Actor& me, db::Connection& db, Fields& fields,
                                 std::optional<std::int64_t> parent_id,
                                 const std::vector<std::int64_t>& region_ids) {
  if (me.is_platform_admin() || region_ids.empty()) return;
  const auto allowed =
      parent_id ? accounts::region_subtree_of_org(db, *parent_id) : std::vector<std::int64_t>{};
  for (auto region_id : region_ids) {
    if (std::find(allowed.begin(), allowed.end(), region_id) == allowed.end()) {
      fields.add_error("region_ids", "region_outside_parent", "所辖区划必须在上级机构的区划之内",
                       "regions must lie inside the parent organization's regions");
      return;
    }
  }
}

// A parent the user may attach organizations to; errors go on the parent_id field.
void check_parent(const accounts::Operation& op, Fields& fields, std::optional<std::int64_t> parent_id,
                  std::int64_t self_id) {
  const auto& me = op.actor;
  if (!parent_id) {
    if (!me.is_platform_admin())
      fields.add_error("parent_id", "required", "须指定上级机构", "a parent organization is required");
    return;
  }
  if (!access::acts_for(op.db, me, *parent_id)) {
    fields.add_error("parent_id", "unknown_parent", "上级机构不存在",
                     "the parent organization does not exist");
    return;
  }
  if (self_id && is_within(op.db, self_id, *parent_id))
    fields.add_error("parent_id", "parent_cycle", "不能把机构挂到自己或下级机构之下",
                     "an organization cannot be placed under itself or its descendants");
}

OrganizationRow row_of(const nlohmann::json& organization) {
  return {organization["name"].get<std::string>(),          organization["type"].get<std::string>(),
          optional_integer_of(organization, "parent_id"),   organization["credit_code"].get<std::string>(),
          organization["contact_phone"].get<std::string>(), organization["active"].get<bool>()};
}

}  // namespace

nlohmann::json list_organizations(const accounts::Operation& op,
                                  const std::map<std::string, std::string>& query) {
  const auto& me = op.actor;
  accounts::require_permission(me, "org:read");
  const auto page = parse_page(query);
  // Whoever commissions agencies (POST /commissions) chooses among all of them, not only its own subtree.
  const bool any_agency = query_choice(query, "type", accounts::kOrgTypes) == "agency" &&
                          accounts::has_permission(me, "commission:write");
  SqlFilter where = any_agency ? SqlFilter() : access::read_filter(op.db, me, access::kOrganization);
  if (auto type = query_choice(query, "type", accounts::kOrgTypes)) where.add("o.type = ?", *type);
  if (auto parent = query_id(query, "parent_id")) where.add("o.parent_id = ?", *parent);
  if (auto active = query_bool(query, "active")) where.add("o.active = ?", std::int64_t{*active ? 1 : 0});
  if (auto q = query_text(query, "q")) where.add(organizations_holding(op.db, *q));
  auto [rows, total] = select_page(op.db, kSelectOrganization, kCountOrganization, where, "o.id", page);
  const auto ids = rows.integers("id");
  auto regions = regions_of(op.db, ids);
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) items.push_back(organization_json(rows[i], regions[ids[i]]));
  return page_json(items, total, page);
}

nlohmann::json get_organization(const accounts::Operation& op, std::int64_t id) {
  // Everyone may read their own organization (an enterprise user's "my enterprise" page).
  if (id != op.actor.org_id) accounts::require_permission(op.actor, "org:read");
  return find_organization(op.db, access::read_filter(op.db, op.actor, access::kOrganization), id);
}

nlohmann::json create_organization(const accounts::Operation& op, const nlohmann::json& body) {
  const auto& me = op.actor;
  Fields fields(body);
  const auto name = fields.required_text("name", 1, 100);
  const auto type = fields.required_choice("type", accounts::kOrgTypes);
  const auto parent_id = fields.optional_id("parent_id");
  const auto region_ids = fields.optional_ids("region_ids", 500).value_or(std::vector<std::int64_t>{});
  const auto credit_code = fields.optional_text("credit_code", 18);
  const auto phone = fields.optional_text("contact_phone", 30);
  check_credit_code(fields, credit_code);
  fields.finish();
  check_type(me, fields, type);
  check_parent(op, fields, parent_id, 0);
  check_regions(op.db, fields, region_ids);
  fields.finish();
  check_regions_within_parent(me, op.db, fields, parent_id, region_ids);
  fields.finish();
  const auto id = insert_organization(
      op.db, {name, type, parent_id, credit_code.value_or(""), phone.value_or(""), true}, op.now_text());
  save_regions(op.db, id, region_ids);
  auto created = find_organization(op.db, {}, id);
  audit::record(op, {"organization", std::to_string(id), "create", id, audit::created(created)});
  return created;
}

nlohmann::json update_organization(const accounts::Operation& op, std::int64_t id,
                                   const nlohmann::json& body) {
  const auto& me = op.actor;
  auto before = find_organization(op.db, access::read_filter(op.db, me, access::kOrganization), id);
  if (!access::may_change(op.db, me, access::kOrganization, {{"id", id}})) throw forbidden();
  Fields fields(body);
  auto name = fields.optional_nonempty_text("name", 100);
  auto type = fields.optional_choice("type", accounts::kOrgTypes);
  auto region_ids = fields.optional_ids("region_ids", 500);
  auto credit_code = fields.optional_text("credit_code", 18);
  auto phone = fields.optional_text("contact_phone", 30);
  auto active = fields.optional_bool("active");
  check_credit_code(fields, credit_code);
  fields.finish();
  auto after = before;
  // Re-typing is creating anew: the same rule decides.
  if (type && *type != before["type"]) check_type(me, fields, *type);
  if (fields.has("parent_id")) {
    auto parent_id = fields.optional_id("parent_id");
    fields.finish();
    if (parent_id != optional_integer_of(before, "parent_id")) check_parent(op, fields, parent_id, id);
    after["parent_id"] = parent_id ? nlohmann::json(*parent_id) : nlohmann::json();
  }
  if (region_ids) check_regions(op.db, fields, *region_ids);
  if (active == false && id == me.org_id)
    fields.add_error("active", "cannot_deactivate_own_org", "不能停用自己所在的机构",
                     "you cannot deactivate your own organization");
  fields.finish();
  // Regions are checked against the parent the organization will have, also when only the parent moves.
  if (region_ids || optional_integer_of(after, "parent_id") != optional_integer_of(before, "parent_id"))
    check_regions_within_parent(me, op.db, fields, optional_integer_of(after, "parent_id"),
                                region_ids.value_or(before["region_ids"].get<std::vector<std::int64_t>>()));
  fields.finish();
  if (name) after["name"] = *name;
  if (type) after["type"] = *type;
  if (credit_code) after["credit_code"] = *credit_code;
  if (phone) after["contact_phone"] = *phone;
  if (active) after["active"] = *active;
  if (region_ids) after["region_ids"] = *region_ids;
  update_organization_row(op.db, id, row_of(after), op.now_text());
  if (region_ids) save_regions(op.db, id, *region_ids);
  if (active == false) delete_sessions_of_org(op.db, id);
  auto saved = find_organization(op.db, {}, id);
  after.erase("updated_at");
  audit::record_update(op, "organization", id, id, before, after);
  return saved;
}

}  // namespace rw::registry
