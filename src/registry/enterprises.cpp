#include "registry/enterprises.hpp"

#include "access/visibility.hpp"
#include "audit/audit_log.hpp"
#include "platform/json_rows.hpp"
#include "platform/paging.hpp"
#include "registry/enterprise_listing.hpp"
#include "registry/enterprise_record.hpp"
#include "registry/uscc.hpp"

namespace rw::registry {
namespace {

// The enterprise as the user may see it, with the agencies serving it; 404 outside the user's scope.
nlohmann::json find_enterprise(db::Connection& db, const accounts::Actor& user, std::int64_t id) {
  SqlFilter where = access::read_filter(db, user, access::kEnterprise);
  where.add("e.id = ?", id);
  auto rows = db.query(std::string(kSelectEnterprise) + where.sql(), where.params());
  if (rows.empty()) throw not_found();
  auto out = enterprise_json(rows[0]);
  auto agencies = db.query(
      "SELECT DISTINCT o.id, o.name FROM commission_items ci JOIN commissions c ON c.id = ci.commission_id "
      "JOIN organizations o ON o.id = c.agency_org_id WHERE ci.enterprise_id = ? AND ci.status IN " +
          std::string(access::kServingStatuses) + " ORDER BY o.id",
      {id});
  out["agencies"] = nlohmann::json::array();
  for (std::size_t i = 0; i < agencies.size(); ++i)
    out["agencies"].push_back({{"id", agencies[i].integer("id")}, {"name", agencies[i].text("name")}});
  return out;
}

// Writers change enterprises they can see; an enterprise's own users change a few fields of their own.
bool may_write_all_fields(const accounts::Actor& user) {
  return accounts::has_permission(user, "enterprise:write");
}

// An enterprise's own users may resend unchanged values (a whole form), but change only their fields.
void require_self_keys_only(const nlohmann::json& body, const nlohmann::json& current) {
  const auto& allowed = enterprise_self_keys();
  std::vector<FieldError> errors;
  for (const auto& key : enterprise_keys())
    if (body.contains(key) && body[key] != current[key] &&
        std::find(allowed.begin(), allowed.end(), key) == allowed.end())
      errors.push_back(
          {key, "not_editable", "企业用户不能修改此项", "enterprise users cannot change this field"});
  if (!errors.empty()) throw validation_failed(errors);
}

// `before`: the stored enterprise (null for a new one) under the request's changes.
EnterpriseRecord checked_record(api::Context& context, const nlohmann::json& before,
                                const nlohmann::json& body, std::int64_t self_id) {
  const auto object = overlay(before.is_null() ? nlohmann::json::object() : before, body, enterprise_keys());
  Fields fields(object);
  auto record = read_enterprise(fields);
  fields.finish();
  EnterpriseChecks(context.db, context.me())
      .check(fields, record, self_id, optional_integer_of(before, "org_id"));
  fields.finish();
  auto holder = enterprise_with_credit_code(context.db, record.credit_code);
  if (holder && *holder != self_id) throw duplicate_credit_code();
  return record;
}

http::Response list_enterprises(api::Context& context) {
  const auto& query = context.request.query;
  const auto page = parse_page(query);
  const auto where = enterprise_filter(context.db, context.me(), query);
  auto [rows, total] = select_page(context.db, kEnterpriseList, where, enterprise_order(query), page);
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) items.push_back(enterprise_json(rows[i]));
  return api::json_ok(page_json(items, total, page));
}

http::Response get_enterprise(api::Context& context) {
  return api::json_ok(find_enterprise(context.db, context.me(), context.id()));
}

http::Response create_enterprise(api::Context& context) {
  const auto record = checked_record(context, nullptr, context.body(), 0);
  const auto id = insert_enterprise(context.db, record, context.me().org_id, context.now_text());
  auto created = find_enterprise(context.db, context.me(), id);
  audit::record(context.op(),
                {"enterprise", std::to_string(id), "create", context.me().org_id, audit::created(created)});
  return api::json_ok(created, 201);
}

http::Response update_enterprise_route(api::Context& context) {
  const auto& me = context.me();
  const auto id = context.id();
  auto before = find_enterprise(context.db, me, id);
  const auto body = context.body();
  if (!may_write_all_fields(me)) {
    if (!accounts::has_permission(me, "enterprise:self") || before["org_id"] != me.org_id) throw forbidden();
    require_self_keys_only(body, before);
  }
  const auto record = checked_record(context, before, body, id);
  update_enterprise(context.db, id, record, context.now_text());
  auto after = find_enterprise(context.db, me, id);
  audit::record_update(context.op(), "enterprise", id, me.org_id, before, record_json(record));
  return api::json_ok(after);
}

http::Response set_archived(api::Context& context, bool archived) {
  accounts::require_permission(context.me(), "enterprise:write");
  const auto id = context.id();
  const auto current = find_enterprise(context.db, context.me(), id);
  // Archiving an archived enterprise (or restoring a live one) changes nothing and must not be audited as if
  // it did.
  if (current["archived"].get<bool>() == archived)
    throw archived ? conflict("already_archived", "该企业已归档", "The enterprise is already archived")
                   : conflict("not_archived", "该企业未归档，无需恢复", "The enterprise is not archived");
  context.db.execute("UPDATE enterprises SET archived = ?, updated_at = ? WHERE id = ?",
                     {std::int64_t{archived ? 1 : 0}, context.now_text(), id});
  audit::record(context.op(), {"enterprise",
                               std::to_string(id),
                               archived ? "archive" : "restore",
                               context.me().org_id,
                               {{"archived", {{"from", !archived}, {"to", archived}}}}});
  return archived ? http::no_content() : api::json_ok(find_enterprise(context.db, context.me(), id));
}

http::Response archive_enterprise(api::Context& context) { return set_archived(context, true); }
http::Response restore_enterprise(api::Context& context) { return set_archived(context, false); }

// GET /enterprises/credit-code-check?code=: for forms that check as the user types.
http::Response check_credit_code(api::Context& context) {
  const auto code = normalize_uscc(query_text(context.request.query, "code", 30).value_or(""));
  const bool valid = valid_uscc(code);
  const auto holder = valid ? enterprise_with_credit_code(context.db, code) : std::nullopt;
  return api::json_ok({{"code", code}, {"valid", valid}, {"registered", holder.has_value()}});
}

}  // namespace

void add_enterprise_routes(api::Routes& routes) {
  routes.get("/enterprises", "enterprise:read", list_enterprises);
  routes.get("/enterprises/credit-code-check", "enterprise:read", check_credit_code);
  routes.get("/enterprises/{id}", "enterprise:read", get_enterprise);
  routes.post("/enterprises", "enterprise:write", create_enterprise);
  routes.patch("/enterprises/{id}", "enterprise:read", update_enterprise_route);
  routes.del("/enterprises/{id}", "enterprise:write", archive_enterprise);
  routes.post("/enterprises/{id}/restore", "enterprise:write", restore_enterprise);
}

}  // namespace rw::registry
