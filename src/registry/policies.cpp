#include "registry/policies.hpp"

#include "access/visibility.hpp"
#include "audit/audit_log.hpp"
#include "platform/dates.hpp"
#include "platform/paging.hpp"
#include "registry/policy_listing.hpp"
#include "registry/policy_record.hpp"

namespace rw::registry {
namespace {

std::string today(const api::Context& context) { return china_date(context.clock.now()); }

nlohmann::json find_policy(api::Context& context, std::int64_t id) {
  SqlFilter where = access::read_filter(context.db, context.me(), access::kPolicy);
  where.add("p.id = ?", id);
  auto rows = context.db.query(std::string(kSelectPolicy) + where.sql(), where.params());
  if (rows.empty()) throw not_found();
  return policy_json(rows[0], today(context));
}

// A policy is written by its insurer (or a platform admin), for an enterprise the writer can see.
PolicyRecord checked_policy(api::Context& context, const nlohmann::json& object, std::int64_t self_id) {
  Fields fields(object);
  auto record = read_policy(fields, context.me());
  fields.finish();
  if (!may_write_policies_of(context.db, context.me(), record.insurer_org_id))
    fields.add_error("insurer_org_id", "unknown_insurer", "保险机构不存在或无权为其录入保单",
                     "the insurer does not exist or you may not write its policies");
  fields.finish();
  try {
    access::require_visible(context.db, context.me(), access::kEnterprise, record.enterprise_id);
  } catch (const ApiError&) {
    throw invalid_field("enterprise_id", "unknown_enterprise", "企业不存在", "the enterprise does not exist");
  }
  auto holder = policy_with_number(context.db, record.insurer_org_id, record.policy_number);
  if (holder && *holder != self_id) throw duplicate_policy_number();
  return record;
}

void check_writable(api::Context& context, const nlohmann::json& policy) {
  if (!may_write_policies_of(context.db, context.me(), policy["insurer_org_id"].get<std::int64_t>()))
    throw forbidden();
}

http::Response list_policies(api::Context& context) {
  const auto& query = context.request.query;
  const auto page = parse_page(query);
  const auto where = policy_filter(context.db, context.me(), query);
  auto [rows, total] = select_page(context.db, kSelectPolicy, kCountPolicy, where, policy_order(query), page);
  nlohmann::json items = nlohmann::json::array();
  const auto now = today(context);
  for (std::size_t i = 0; i < rows.size(); ++i) items.push_back(policy_json(rows[i], now));
  return api::json_ok(page_json(items, total, page));
}

http::Response get_policy(api::Context& context) { return api::json_ok(find_policy(context, context.id())); }

http::Response create_policy(api::Context& context) {
  const auto record =
      checked_policy(context, overlay(nlohmann::json::object(), context.body(), policy_keys()), 0);
  const auto id = insert_policy(context.db, record, context.now_text());
  auto created = find_policy(context, id);
  audit::record(context.op(),
                {"policy", std::to_string(id), "create", record.insurer_org_id, audit::created(created)});
  return api::json_ok(created, 201);
}

http::Response update_policy_route(api::Context& context) {
  const auto id = context.id();
  auto before = find_policy(context, id);
  // Another party may see the policy through the enterprise; only its insurer changes it.
  check_writable(context, before);
  const auto record = checked_policy(context, overlay(before, context.body(), policy_keys()), id);
  update_policy(context.db, id, record, context.now_text());
  audit::record_update(context.op(), "policy", id, record.insurer_org_id, before, policy_record_json(record));
  return api::json_ok(find_policy(context, id));
}

http::Response delete_policy(api::Context& context) {
  const auto id = context.id();
  auto before = find_policy(context, id);
  check_writable(context, before);
  context.db.execute("DELETE FROM policies WHERE id = ?", {id});
  audit::record(context.op(), {"policy", std::to_string(id), "delete",
                               before["insurer_org_id"].get<std::int64_t>(), audit::deleted(before)});
  return http::no_content();
}

}  // namespace

void add_policy_routes(api::Routes& routes) {
  routes.get("/policies", "policy:read", list_policies);
  routes.get("/policies/{id}", "policy:read", get_policy);
  routes.post("/policies", "policy:write", create_policy);
  routes.patch("/policies/{id}", "policy:write", update_policy_route);
  routes.del("/policies/{id}", "policy:write", delete_policy);
}

}  // namespace rw::registry
