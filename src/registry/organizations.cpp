#include "registry/organizations.hpp"

#include <algorithm>
#include <set>

#include "access/visibility.hpp"
#include "accounts/scope.hpp"
#include "audit/audit_log.hpp"
#include "platform/json_input.hpp"
#include "platform/json_rows.hpp"
#include "platform/paging.hpp"
#include "registry/uscc.hpp"

namespace rw::registry {
namespace {

constexpr const char* kSelectOrganization =
    "SELECT o.id, o.name, o.type, o.parent_id, o.credit_code, o.contact_phone, o.active, o.created_at, "
    "o.updated_at "
    "FROM organizations o";
constexpr const char* kInsertOrganization =
    "INSERT INTO organizations (name, type, parent_id, credit_code, contact_phone, active, created_at, "
    "updated_at) "
    "VALUES (?, ?, ?, ?, ?, 1, ?, ?) RETURNING id";
constexpr const char* kUpdateOrganization =
    "UPDATE organizations SET name = ?, type = ?, parent_id = ?, credit_code = ?, contact_phone = ?, active "
    "= ?, "
    "updated_at = ? WHERE id = ?";
constexpr const char* kDescendants =
    "WITH RECURSIVE sub(id) AS (SELECT CAST(? AS BIGINT) UNION ALL "
    "SELECT o.id FROM organizations o JOIN sub ON o.parent_id = sub.id) SELECT 1 AS one FROM sub WHERE id = "
    "?";

nlohmann::json organization_json(const db::Row& row, std::vector<std::int64_t> region_ids) {
  return {{"id", row.integer("id")},
          {"name", row.text("name")},
          {"type", row.text("type")},
          {"parent_id", json_integer(row, "parent_id")},
          {"region_ids", std::move(region_ids)},
          {"credit_code", row.text("credit_code")},
          {"contact_phone", row.text("contact_phone")},
          {"active", row.integer("active") == 1},
          {"created_at", row.text("created_at")},
          {"updated_at", row.text("updated_at")}};
}

// Region ids of each organization in `ids`, in one query.
std::map<std::int64_t, std::vector<std::int64_t>> regions_of(db::Connection& db,
                                                             const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, std::vector<std::int64_t>> out;
  if (ids.empty()) return out;
  db::Params params(ids.begin(), ids.end());
  auto rows = db.query("SELECT org_id, region_id FROM organization_regions WHERE org_id IN (" +
                           placeholders(ids.size()) + ") ORDER BY region_id",
                       params);
  for (std::size_t i = 0; i < rows.size(); ++i)
    out[rows[i].integer("org_id")].push_back(rows[i].integer("region_id"));
  return out;
}

// The organization as JSON if `scope` (a filter on o.id) allows it; 404 otherwise.
nlohmann::json find_organization(db::Connection& db, const SqlFilter& scope, std::int64_t id) {
  SqlFilter where = scope;
  where.add("o.id = ?", id);
  auto rows = db.query(std::string(kSelectOrganization) + where.sql(), where.params());
  if (rows.empty()) throw not_found();
  return organization_json(rows[0], regions_of(db, {id})[id]);
}

void check_regions(db::Connection& db, Fields& fields, const std::vector<std::int64_t>& region_ids) {
  if (region_ids.empty()) return;
  db::Params params(region_ids.begin(), region_ids.end());
  auto found =
      db.query("SELECT COUNT(*) AS n FROM regions WHERE id IN (" + placeholders(region_ids.size()) + ")",
               params)[0]
          .integer("n");
  if (found != static_cast<std::int64_t>(region_ids.size()))
    fields.add_error("region_ids", "unknown_region", "包含不存在的区划",
                     "contains a region that does not exist");
}

void save_regions(db::Connection& db, std::int64_t org_id, const std::vector<std::int64_t>& region_ids) {
  db.execute("DELETE FROM organization_regions WHERE org_id = ?", {org_id});
  for (auto region_id : region_ids)
    db.execute("INSERT INTO organization_regions (org_id, region_id) VALUES (?, ?)", {org_id, region_id});
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
void check_parent(api::Context& context, Fields& fields, std::optional<std::int64_t> parent_id,
                  std::int64_t self_id) {
  const auto& me = context.me();
  if (!parent_id) {
    if (!me.is_platform_admin())
      fields.add_error("parent_id", "required", "须指定上级机构", "a parent organization is required");
    return;
  }
  if (!access::acts_for(context.db, me, *parent_id)) {
    fields.add_error("parent_id", "unknown_parent", "上级机构不存在",
                     "the parent organization does not exist");
    return;
  }
  if (self_id && !context.db.query(kDescendants, {self_id, *parent_id}).empty())
    fields.add_error("parent_id", "parent_cycle", "不能把机构挂到自己或下级机构之下",
                     "an organization cannot be placed under itself or its descendants");
}

http::Response list_organizations(api::Context& context) {
  const auto& me = context.me();
  accounts::require_permission(me, "org:read");
  const auto& query = context.request.query;
  const auto page = parse_page(query);
  // Whoever commissions agencies (POST /commissions) chooses among all of them, not only its own subtree.
  const bool any_agency = query_choice(query, "type", accounts::kOrgTypes) == "agency" &&
                          accounts::has_permission(me, "commission:write");
  SqlFilter where = any_agency ? SqlFilter() : access::read_filter(context.db, me, access::kOrganization);
  if (auto type = query_choice(query, "type", accounts::kOrgTypes)) where.add("o.type = ?", *type);
  if (auto parent = query_id(query, "parent_id")) where.add("o.parent_id = ?", *parent);
  if (auto active = query_bool(query, "active")) where.add("o.active = ?", std::int64_t{*active ? 1 : 0});
  if (auto q = query_text(query, "q"))
    where.add("(o.name LIKE ? ESCAPE '\\' OR o.credit_code LIKE ? ESCAPE '\\')",
              db::Params{db::like_contains(*q), db::like_contains(*q)});
  auto [rows, total] = select_page(context.db, kSelectOrganization,
                                   "SELECT COUNT(*) AS n FROM organizations o", where, "o.id", page);
  const auto ids = rows.integers("id");
  auto regions = regions_of(context.db, ids);
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) items.push_back(organization_json(rows[i], regions[ids[i]]));
  return api::json_ok(page_json(items, total, page));
}

http::Response get_organization(api::Context& context) {
  const auto& me = context.me();
  const auto id = context.id();
  // Everyone may read their own organization (an enterprise user's "my enterprise" page).
  if (id != me.org_id) accounts::require_permission(me, "org:read");
  return api::json_ok(
      find_organization(context.db, access::read_filter(context.db, me, access::kOrganization), id));
}

http::Response create_organization(api::Context& context) {
  const auto& me = context.me();
  auto body = context.body();
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
  check_parent(context, fields, parent_id, 0);
  check_regions(context.db, fields, region_ids);
  fields.finish();
  check_regions_within_parent(me, context.db, fields, parent_id, region_ids);
  fields.finish();
  const auto now = context.now_text();
  const auto id = context.db
                      .query(kInsertOrganization, {name, type, db::optional_value(parent_id),
                                                   credit_code.value_or(""), phone.value_or(""), now, now})[0]
                      .integer("id");
  save_regions(context.db, id, region_ids);
  auto created = find_organization(context.db, {}, id);
  audit::record(context.op(), {"organization", std::to_string(id), "create", id, audit::created(created)});
  return api::json_ok(created, 201);
}

http::Response update_organization(api::Context& context) {
  const auto& me = context.me();
  const auto id = context.id();
  auto before = find_organization(context.db, access::read_filter(context.db, me, access::kOrganization), id);
  if (!access::may_change(context.db, me, access::kOrganization, {{"id", id}})) throw forbidden();
  auto body = context.body();
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
    if (parent_id != optional_integer_of(before, "parent_id")) check_parent(context, fields, parent_id, id);
    after["parent_id"] = parent_id ? nlohmann::json(*parent_id) : nlohmann::json();
  }
  if (region_ids) check_regions(context.db, fields, *region_ids);
  if (active == false && id == me.org_id)
    fields.add_error("active", "cannot_deactivate_own_org", "不能停用自己所在的机构",
                     "you cannot deactivate your own organization");
  fields.finish();
  // Regions are checked against the parent the organization will have, also when only the parent moves.
  if (region_ids || optional_integer_of(after, "parent_id") != optional_integer_of(before, "parent_id"))
    check_regions_within_parent(me, context.db, fields, optional_integer_of(after, "parent_id"),
                                region_ids.value_or(before["region_ids"].get<std::vector<std::int64_t>>()));
  fields.finish();
  if (name) after["name"] = *name;
  if (type) after["type"] = *type;
  if (credit_code) after["credit_code"] = *credit_code;
  if (phone) after["contact_phone"] = *phone;
  if (active) after["active"] = *active;
  if (region_ids) after["region_ids"] = *region_ids;
  context.db.execute(kUpdateOrganization,
                     {after["name"].get<std::string>(), after["type"].get<std::string>(),
                      db::optional_value(optional_integer_of(after, "parent_id")),
                      after["credit_code"].get<std::string>(), after["contact_phone"].get<std::string>(),
                      std::int64_t{after["active"].get<bool>() ? 1 : 0}, context.now_text(), id});
  if (region_ids) save_regions(context.db, id, *region_ids);
  if (active == false)
    context.db.execute("DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE org_id = ?)", {id});
  auto saved = find_organization(context.db, {}, id);
  after.erase("updated_at");
  audit::record_update(context.op(), "organization", id, id, before, after);
  return api::json_ok(saved);
}

}  // namespace

void add_organization_routes(api::Routes& routes) {
  routes.get("/organizations", api::kSignedIn, list_organizations);
  routes.get("/organizations/{id}", api::kSignedIn, get_organization);
  routes.post("/organizations", "org:write", create_organization);
  routes.patch("/organizations/{id}", "org:write", update_organization);
}

}  // namespace rw::registry
