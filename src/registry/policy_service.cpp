#include "registry/policy_service.hpp"

#include "access/visibility.hpp"
#include "audit/audit_log.hpp"
#include "platform/dates.hpp"
#include "platform/paging.hpp"
#include "registry/policy_listing.hpp"
#include "registry/policy_record.hpp"

namespace rw::registry {
namespace {

std::string today(const accounts::Operation& op) { return china_date(op.clock.now()); }

// A policy is written by its insurer (or a platform admin), for an enterprise the writer can see.
PolicyRecord checked_policy(const accounts::Operation& op, const nlohmann::json& object,
                            std::int64_t self_id) {
  Fields fields(object);
  auto record = read_policy(fields, op.actor);
  fields.finish();
  if (!may_write_policies_of(op.db, op.actor, record.insurer_org_id))
    fields.add_error("insurer_org_id", "unknown_insurer", "保险机构不存在或无权为其录入保单",
                     "the insurer does not exist or you may not write its policies");
  fields.finish();
  try {
    access::require_visible(op.db, op.actor, access::kEnterprise, record.enterprise_id);
  } catch (const ApiError&) {
    throw invalid_field("enterprise_id", "unknown_enterprise", "企业不存在", "the enterprise does not exist");
  }
  auto holder = policy_with_number(op.db, record.insurer_org_id, record.policy_number);
  if (holder && *holder != self_id) throw duplicate_policy_number();
  return record;
}

void check_writable(const accounts::Operation& op, const nlohmann::json& policy) {
  if (!may_write_policies_of(op.db, op.actor, policy["insurer_org_id"].get<std::int64_t>()))
    throw forbidden();
}

}  // namespace

nlohmann::json list_policies(const accounts::Operation& op, const std::map<std::string, std::string>& query) {
  const auto page = parse_page(query);
  const auto where = policy_filter(op.db, op.actor, query);
  auto [rows, total] = select_page(op.db, kPolicyList, where, policy_order(query), page);
  nlohmann::json items = nlohmann::json::array();
  const auto now = today(op);
  for (std::size_t i = 0; i < rows.size(); ++i) items.push_back(policy_json(rows[i], now));
  return page_json(items, total, page);
}

nlohmann::json get_policy(const accounts::Operation& op, std::int64_t id) {
  return policy_json(find_policy_row(op.db, op.actor, id), today(op));
}

nlohmann::json create_policy(const accounts::Operation& op, const nlohmann::json& fields) {
  const auto record = checked_policy(op, overlay(nlohmann::json::object(), fields, policy_keys()), 0);
  const auto id = insert_policy(op.db, record, op.now_text());
  auto created = get_policy(op, id);
  audit::record(op, {"policy", std::to_string(id), "create", record.insurer_org_id, audit::created(created)});
  return created;
}

nlohmann::json update_policy(const accounts::Operation& op, std::int64_t id, const nlohmann::json& changes) {
  auto before = get_policy(op, id);
  // Another party may see the policy through the enterprise; only its insurer changes it.
  check_writable(op, before);
  const auto record = checked_policy(op, overlay(before, changes, policy_keys()), id);
  update_policy_row(op.db, id, record, op.now_text());
  audit::record_update(op, "policy", id, record.insurer_org_id, before, policy_record_json(record));
  return get_policy(op, id);
}

void delete_policy(const accounts::Operation& op, std::int64_t id) {
  auto before = get_policy(op, id);
  check_writable(op, before);
  delete_policy_row(op.db, id);
  audit::record(op, {"policy", std::to_string(id), "delete", before["insurer_org_id"].get<std::int64_t>(),
                     audit::deleted(before)});
}

}  // namespace rw::registry
