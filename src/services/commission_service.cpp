#include "services/commission_service.hpp"

#include "access/visibility.hpp"
#include "audit/audit_log.hpp"
#include "calendar/calendar_store.hpp"
#include "notify/notification_service.hpp"
#include "platform/dates.hpp"
#include "platform/json_input.hpp"
#include "platform/paging.hpp"
#include "registry/party_store.hpp"
#include "services/catalog.hpp"
#include "services/commission_listing.hpp"
#include "services/commission_store.hpp"
#include "services/service_type_ref.hpp"
#include "services/status_history.hpp"
#include "services/workflow_vocabularies.hpp"

namespace rw::services {
namespace {

constexpr std::size_t kMaxEnterprisesPerCommission = 500;

struct CommissionRequest {
  std::int64_t insurer_org_id = 0;
  std::int64_t agency_org_id = 0;
  std::vector<std::int64_t> enterprise_ids;
  std::vector<ServiceRules> service_types;
  std::string notes;
};

CommissionRequest read_commission(const accounts::Operation& op, const nlohmann::json& body,
                                  const std::string& today) {
  Fields fields(body);
  CommissionRequest request;
  request.insurer_org_id = fields.optional_id("insurer_org_id").value_or(op.actor.org_id);
  request.agency_org_id = fields.required_id("agency_org_id");
  request.enterprise_ids = fields.optional_ids("enterprise_ids", kMaxEnterprisesPerCommission)
                               .value_or(std::vector<std::int64_t>{});
  const auto type_ids = fields.optional_ids("service_type_ids", 50).value_or(std::vector<std::int64_t>{});
  request.notes = fields.optional_text("notes", 2000).value_or("");
  if (fields.ok() && request.enterprise_ids.empty())
    fields.add_error("enterprise_ids", "required", "请选择至少一家企业", "choose at least one enterprise");
  if (fields.ok() && type_ids.empty())
    fields.add_error("service_type_ids", "required", "请选择至少一项服务",
                     "choose at least one service type");
  fields.finish();

  if (!access::may_change(op.db, op.actor, access::kCommission,
                          {{"insurer_org_id", request.insurer_org_id}}) ||
      !registry::is_active_org(op.db, request.insurer_org_id, "insurer"))
    fields.add_error("insurer_org_id", "unknown_insurer", "保险机构不存在或无权代其委托",
                     "the insurer does not exist or you may not commission for it");
  if (!registry::is_active_org(op.db, request.agency_org_id, "agency"))
    fields.add_error("agency_org_id", "unknown_agency", "第三方服务机构不存在", "the agency does not exist");
  fields.finish();
  request.service_types = current_service_rules(op.db, type_ids, "service_type_ids");

  for (std::size_t i = 0; i < request.enterprise_ids.size(); ++i) {
    const auto enterprise = request.enterprise_ids[i];
    const auto field = "enterprise_ids[" + std::to_string(i) + "]";
    if (!policy_in_force(op.db, request.insurer_org_id, enterprise, today)) {
      fields.add_error(field, "not_insured", "该企业没有本机构在保的保单",
                       "the enterprise has no policy of this insurer in force");
      continue;
    }
    if (in_open_commission(op.db, enterprise, request.insurer_org_id))
      fields.add_error(field, "already_commissioned", "该企业已有进行中的委托，请先撤回",
                       "the enterprise is already in an open commission; withdraw it first");
  }
  fields.finish();
  return request;
}

// The commissions of `rows` as JSON. Their service types and item counts are read for all of them at once: a
// page read them per commission, 60 statements (an insurer's first page at province scale, 1.9 ms of CPU).
nlohmann::json commissions_json(db::Connection& db, const db::Rows& rows) {
  const auto ids = rows.integers("id");
  const auto version_rows = commission_type_versions(db, ids);
  const auto refs = service_type_refs(db, version_rows.integers("service_type_version_id"));
  nlohmann::json no_items = nlohmann::json::object();
  for (const auto& status : commission_item_statuses().values()) no_items[status] = 0;
  std::map<std::int64_t, nlohmann::json> types, counts;
  for (auto id : ids) {
    types[id] = nlohmann::json::array();
    counts[id] = no_items;
  }
  for (std::size_t i = 0; i < version_rows.size(); ++i)
    types[version_rows[i].integer("commission_id")].push_back(refs[i]);
  const auto count_rows = commission_item_counts(db, ids);
  for (std::size_t i = 0; i < count_rows.size(); ++i) {
    const auto row = count_rows[i];
    counts[row.integer("commission_id")][row.text("status")] = row.integer("n");
  }
  nlohmann::json out = nlohmann::json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto row = rows[i];
    const auto id = row.integer("id");
    out.push_back({{"id", id},
                   {"insurer", {{"id", row.integer("insurer_org_id")}, {"name", row.text("insurer_name")}}},
                   {"agency", {{"id", row.integer("agency_org_id")}, {"name", row.text("agency_name")}}},
                   {"service_types", types[id]},
                   {"notes", row.text("notes")},
                   {"created_at", row.text("created_at")},
                   {"item_counts", counts[id]},
                   {"overdue_count", row.integer("overdue_count")}});
  }
  return out;
}

}  // namespace

nlohmann::json list_commissions(const accounts::Operation& op,
                                const std::map<std::string, std::string>& query) {
  const auto page = parse_page(query);
  const auto today = china_date(op.clock.now());
  const auto where = commission_filter(op.db, op.actor, query, today);
  auto [rows, total] =
      select_page(op.db, select_commission(today), kCountCommission, where, "c.id DESC", page);
  return page_json(commissions_json(op.db, rows), total, page);
}

nlohmann::json get_commission(const accounts::Operation& op, std::int64_t id) {
  auto out = commissions_json(op.db, find_commission_row(op.db, op.actor, id, china_date(op.clock.now())))[0];
  const auto calendar = calendar::kept_calendar(op.db, op.actor.calendar_generation);
  const workflow::Caller caller(op.db, op.actor);
  auto item_rows = commission_item_rows(op.db, id);
  out["items"] = nlohmann::json::array();
  for (std::size_t i = 0; i < item_rows.size(); ++i)
    out["items"].push_back(commission_item_json(item_rows[i], *calendar, china_day(op.clock.now()), caller));
  return out;
}

nlohmann::json create_commission(const accounts::Operation& op, const nlohmann::json& fields) {
  const auto today = china_date(op.clock.now());
  const auto request = read_commission(op, fields, today);
  const auto now = op.now_text();
  const auto id = insert_commission(op.db, request.insurer_org_id, request.agency_org_id, request.notes,
                                    op.actor.id, now);
  for (const auto& rules : request.service_types) insert_commission_type(op.db, id, rules.version_id);
  for (auto enterprise : request.enterprise_ids)
    insert_commission_item(op.db, id, enterprise,
                           *policy_in_force(op.db, request.insurer_org_id, enterprise, today), now);
  auto created = get_commission(op, id);
  audit::record(op, {"commission", std::to_string(id), "create", request.insurer_org_id,
                     audit::created({{"agency_org_id", request.agency_org_id},
                                     {"enterprise_ids", request.enterprise_ids},
                                     {"notes", request.notes}})});
  const auto count = std::to_string(request.enterprise_ids.size());
  notify::notify_users(op.db,
                       notify::org_users_with_roles(op.db, request.agency_org_id, {"admin", "manager"}),
                       {"commission_received", "收到新的服务委托", "New commission received",
                        created["insurer"]["name"].get<std::string>() + "委托了 " + count +
                            " 家企业，请确认企业信息并逐一接受或拒绝。",
                        created["insurer"]["name"].get<std::string>() + " commissioned " + count +
                            " enterprises; check their data and accept or decline each.",
                        "commission", id},
                       now);
  return created;
}

nlohmann::json list_commission_items(const accounts::Operation& op,
                                     const std::map<std::string, std::string>& query) {
  const auto page = parse_page(query);
  const auto today = china_day(op.clock.now());
  const auto where = commission_item_filter(op.db, op.actor, query, format_date(today));
  auto [rows, total] = select_page(op.db, kCommissionItemList, where, "ci.id DESC", page);
  const auto calendar = calendar::kept_calendar(op.db, op.actor.calendar_generation);
  const workflow::Caller caller(op.db, op.actor);
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = 0; i < rows.size(); ++i)
    items.push_back(commission_item_json(rows[i], *calendar, today, caller));
  return page_json(items, total, page);
}

nlohmann::json commission_item_with_history(const accounts::Operation& op, std::int64_t id) {
  const auto row = find_commission_item(op.db, op.actor, id);
  auto out = commission_item_json(row, *calendar::kept_calendar(op.db, op.actor.calendar_generation),
                                  china_day(op.clock.now()), workflow::Caller(op.db, op.actor));
  out["history"] = status_history(op.db, "commission_item", id);
  return out;
}

}  // namespace rw::services
