#include "registry/enterprise_service.hpp"

#include "access/visibility.hpp"
#include "audit/audit_log.hpp"
#include "platform/json_rows.hpp"
#include "platform/paging.hpp"
#include "registry/enterprise_listing.hpp"
#include "registry/enterprise_record.hpp"
#include "registry/uscc.hpp"

namespace rw::registry {
namespace {

const std::string kServingAgencies =
    "SELECT DISTINCT o.id, o.name FROM commission_items ci JOIN organizations o ON o.id = ci.agency_org_id "
    "WHERE ci.enterprise_id = ? AND ci.status IN " +
    std::string(access::kServingStatuses) + " ORDER BY o.id";
const char* const kSetArchived = "UPDATE enterprises SET archived = ?, updated_at = ? WHERE id = ?";

// The enterprise as the user may see it, with the agencies serving it; 404 outside the user's scope.
nlohmann::json find_enterprise(db::Connection& db, const accounts::Actor& user, std::int64_t id) {
  const auto record = access::visible_row_with(db, user, access::kEnterprise, kSelectEnterprise, id,
                                               {{kServingAgencies, {id}}});
  auto out = enterprise_json(record.row());
  const auto& agencies = record.parts[0];
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
EnterpriseRecord checked_record(const accounts::Operation& op, const nlohmann::json& before,
                                const nlohmann::json& body, std::int64_t self_id) {
  const auto object = overlay(before.is_null() ? nlohmann::json::object() : before, body, enterprise_keys());
  Fields fields(object);
  auto record = read_enterprise(fields);
  fields.finish();
  EnterpriseChecks(op.db, op.actor).check(fields, record, self_id, optional_integer_of(before, "org_id"));
  fields.finish();
  auto holder = enterprise_with_credit_code(op.db, record.credit_code);
  if (holder && *holder != self_id) throw duplicate_credit_code();
  return record;
}

}  // namespace

nlohmann::json list_enterprises(const accounts::Operation& op,
                                const std::map<std::string, std::string>& query) {
  const auto page = parse_page(query);
  const auto filters = enterprise_filters(op.db, op.actor, query);
  auto [rows, total] = select_page(op.db, kEnterpriseList, filters, enterprise_order(query), page);
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) items.push_back(enterprise_json(rows[i]));
  return page_json(items, total, page);
}

nlohmann::json get_enterprise(const accounts::Operation& op, std::int64_t id) {
  return find_enterprise(op.db, op.actor, id);
}

nlohmann::json create_enterprise(const accounts::Operation& op, const nlohmann::json& fields) {
  const auto record = checked_record(op, nullptr, fields, 0);
  const auto id = insert_enterprise(op.db, record, op.actor.org_id, op.now_text());
  auto created = find_enterprise(op.db, op.actor, id);
  audit::record(op, {"enterprise", std::to_string(id), "create", op.actor.org_id, audit::created(created)});
  return created;
}

nlohmann::json update_enterprise(const accounts::Operation& op, std::int64_t id,
                                 const nlohmann::json& changes) {
  const auto& me = op.actor;
  auto before = find_enterprise(op.db, me, id);
  if (!may_write_all_fields(me)) {
    if (!accounts::has_permission(me, "enterprise:self") || before["org_id"] != me.org_id) throw forbidden();
    require_self_keys_only(changes, before);
  }
  const auto record = checked_record(op, before, changes, id);
  update_enterprise_row(op.db, id, record, op.now_text());
  audit::record_update(op, "enterprise", id, me.org_id, before, record_json(record));
  return find_enterprise(op.db, me, id);
}

nlohmann::json set_archived(const accounts::Operation& op, std::int64_t id, bool archived) {
  accounts::require_permission(op.actor, "enterprise:write");
  const auto current = find_enterprise(op.db, op.actor, id);
  // Archiving an archived enterprise (or restoring a live one) changes nothing and must not be audited as if
  // it did.
  if (current["archived"].get<bool>() == archived)
    throw archived ? conflict("already_archived", "该企业已归档", "The enterprise is already archived")
                   : conflict("not_archived", "该企业未归档，无需恢复", "The enterprise is not archived");
  op.db.execute(kSetArchived, {std::int64_t{archived ? 1 : 0}, op.now_text(), id});
  audit::record(op, {"enterprise",
                     std::to_string(id),
                     archived ? "archive" : "restore",
                     op.actor.org_id,
                     {{"archived", {{"from", !archived}, {"to", archived}}}}});
  return find_enterprise(op.db, op.actor, id);
}

nlohmann::json check_credit_code(db::Connection& db, const std::string& code) {
  const auto normalized = normalize_uscc(code);
  const bool valid = valid_uscc(normalized);
  const auto holder = valid ? enterprise_with_credit_code(db, normalized) : std::nullopt;
  return {{"code", normalized}, {"valid", valid}, {"registered", holder.has_value()}};
}

}  // namespace rw::registry
