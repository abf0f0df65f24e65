#include "services/commissions.hpp"

#include "access/visibility.hpp"
#include "audit/audit_log.hpp"
#include "calendar/calendar_store.hpp"
#include "notify/notifications.hpp"
#include "platform/dates.hpp"
#include "platform/json_input.hpp"
#include "platform/paging.hpp"
#include "services/catalog.hpp"
#include "services/commission_flow.hpp"
#include "services/commission_listing.hpp"
#include "services/service_type_ref.hpp"
#include "services/status_history.hpp"
#include "services/step_routes.hpp"
#include "services/workflow_vocabularies.hpp"

namespace rw::services {
namespace {

constexpr std::size_t kMaxEnterprisesPerCommission = 500;

std::int64_t org_of_type(db::Connection& db, std::int64_t org_id, const char* type) {
  auto rows =
      db.query("SELECT id FROM organizations WHERE id = ? AND type = ? AND active = 1", {org_id, type});
  return rows.empty() ? 0 : rows[0].integer("id");
}

struct CommissionRequest {
  std::int64_t insurer_org_id = 0;
  std::int64_t agency_org_id = 0;
  std::vector<std::int64_t> enterprise_ids;
  std::vector<ServiceRules> service_types;
  std::string notes;
};

// The policy that makes the enterprise the insurer's insured on `today`, if any.
std::optional<std::int64_t> policy_in_force(db::Connection& db, std::int64_t insurer, std::int64_t enterprise,
                                            const std::string& today) {
  auto rows = db.query(
      "SELECT id FROM policies WHERE insurer_org_id = ? AND enterprise_id = ? AND status = 'active' "
      "AND starts_on <= ? AND ends_on >= ? ORDER BY starts_on DESC, id DESC LIMIT 1",
      {insurer, enterprise, today, today});
  if (rows.empty()) return std::nullopt;
  return rows[0].integer("id");
}

CommissionRequest read_commission(api::Context& context, const std::string& today) {
  const auto& me = context.me();
  auto body = context.body();
  Fields fields(body);
  CommissionRequest request;
  request.insurer_org_id = fields.optional_id("insurer_org_id").value_or(me.org_id);
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

  if (!access::may_change(context.db, me, access::kCommission,
                          {{"insurer_org_id", request.insurer_org_id}}) ||
      !org_of_type(context.db, request.insurer_org_id, "insurer"))
    fields.add_error("insurer_org_id", "unknown_insurer", "保险机构不存在或无权代其委托",
                     "the insurer does not exist or you may not commission for it");
  if (!org_of_type(context.db, request.agency_org_id, "agency"))
    fields.add_error("agency_org_id", "unknown_agency", "第三方服务机构不存在", "the agency does not exist");
  fields.finish();
  request.service_types = current_service_rules(context.db, type_ids, "service_type_ids");

  for (std::size_t i = 0; i < request.enterprise_ids.size(); ++i) {
    const auto enterprise = request.enterprise_ids[i];
    const auto field = "enterprise_ids[" + std::to_string(i) + "]";
    if (!policy_in_force(context.db, request.insurer_org_id, enterprise, today)) {
      fields.add_error(field, "not_insured", "该企业没有本机构在保的保单",
                       "the enterprise has no policy of this insurer in force");
      continue;
    }
    auto open = context.db.query(
        std::string("SELECT ci.status FROM commission_items ci JOIN commissions c ON c.id = ci.commission_id "
                    "WHERE ci.enterprise_id = ? AND c.insurer_org_id = ? AND ") +
            kOpenCommissionItem,
        {enterprise, request.insurer_org_id});
    if (!open.empty())
      fields.add_error(field, "already_commissioned", "该企业已有进行中的委托，请先撤回",
                       "the enterprise is already in an open commission; withdraw it first");
  }
  fields.finish();
  return request;
}

nlohmann::json commission_json(db::Connection& db, const db::Row& row) {
  nlohmann::json types = nlohmann::json::array();
  const auto versions =
      db.query(
            "SELECT service_type_version_id FROM commission_service_types WHERE commission_id = ? "
            "ORDER BY service_type_version_id",
            {row.integer("id")})
          .integers("service_type_version_id");
  for (const auto& rules : service_rules_of_versions(db, versions)) types.push_back(service_type_ref(rules));
  nlohmann::json counts = nlohmann::json::object();
  for (const auto& status : commission_item_statuses().values()) counts[status] = 0;
  auto count_rows =
      db.query("SELECT status, COUNT(*) AS n FROM commission_items WHERE commission_id = ? GROUP BY status",
               {row.integer("id")});
  for (std::size_t i = 0; i < count_rows.size(); ++i)
    counts[count_rows[i].text("status")] = count_rows[i].integer("n");
  return {{"id", row.integer("id")},
          {"insurer", {{"id", row.integer("insurer_org_id")}, {"name", row.text("insurer_name")}}},
          {"agency", {{"id", row.integer("agency_org_id")}, {"name", row.text("agency_name")}}},
          {"service_types", types},
          {"notes", row.text("notes")},
          {"created_at", row.text("created_at")},
          {"item_counts", counts},
          {"overdue_count", row.integer("overdue_count")}};
}

std::string select_commission(const std::string& today) {
  return "SELECT c.*, i.name AS insurer_name, a.name AS agency_name, (SELECT COUNT(*) FROM commission_items "
         "oi "
         "WHERE oi.commission_id = c.id AND oi.status = 'accepted' AND oi.due_on < '" +
         today +
         "') AS overdue_count FROM commissions c JOIN organizations i ON i.id = c.insurer_org_id "
         "JOIN organizations a ON a.id = c.agency_org_id";
}

http::Response list_commissions(api::Context& context) {
  const auto& query = context.request.query;
  const auto page = parse_page(query);
  const auto today = china_date(context.clock.now());
  SqlFilter where = access::read_filter(context.db, context.me(), access::kCommission);
  if (auto v = query_id(query, "agency_org_id")) where.add("c.agency_org_id = ?", *v);
  if (auto v = query_id(query, "insurer_org_id")) where.add("c.insurer_org_id = ?", *v);
  if (query_bool(query, "overdue").value_or(false))
    where.add(
        "EXISTS (SELECT 1 FROM commission_items oi WHERE oi.commission_id = c.id AND oi.status = 'accepted' "
        "AND oi.due_on < ?)",
        today);
  if (query_bool(query, "pending").value_or(false))
    where.add(
        "EXISTS (SELECT 1 FROM commission_items pi WHERE pi.commission_id = c.id AND pi.status IN "
        "('pending', 'cancel_requested'))",
        db::Params{});
  auto [rows, total] = select_page(context.db, select_commission(today),
                                   "SELECT COUNT(*) AS n FROM commissions c", where, "c.id DESC", page);
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) items.push_back(commission_json(context.db, rows[i]));
  return api::json_ok(page_json(items, total, page));
}

nlohmann::json find_commission(api::Context& context, std::int64_t id) {
  const auto today = china_date(context.clock.now());
  SqlFilter where = access::read_filter(context.db, context.me(), access::kCommission);
  where.add("c.id = ?", id);
  auto rows = context.db.query(select_commission(today) + where.sql(), where.params());
  if (rows.empty()) throw not_found();
  auto out = commission_json(context.db, rows[0]);
  const auto calendar = calendar::load_calendar(context.db);
  const workflow::Caller caller(context.db, context.me());
  auto item_rows = context.db.query(
      std::string(kSelectCommissionItem) + " WHERE ci.commission_id = ? ORDER BY e.name, ci.id", {id});
  out["items"] = nlohmann::json::array();
  for (std::size_t i = 0; i < item_rows.size(); ++i)
    out["items"].push_back(
        commission_item_json(item_rows[i], calendar, china_day(context.clock.now()), caller));
  return out;
}

http::Response get_commission(api::Context& context) {
  return api::json_ok(find_commission(context, context.id()));
}

http::Response create_commission(api::Context& context) {
  const auto today = china_date(context.clock.now());
  const auto request = read_commission(context, today);
  const auto now = context.now_text();
  const auto id =
      context.db
          .query(
              "INSERT INTO commissions (insurer_org_id, agency_org_id, notes, created_by, created_at) "
              "VALUES (?, ?, ?, ?, ?) RETURNING id",
              {request.insurer_org_id, request.agency_org_id, request.notes, context.me().id, now})[0]
          .integer("id");
  for (const auto& rules : request.service_types)
    context.db.execute(
        "INSERT INTO commission_service_types (commission_id, service_type_version_id) VALUES (?, ?)",
        {id, rules.version_id});
  for (auto enterprise : request.enterprise_ids)
    context.db.execute(
        "INSERT INTO commission_items (commission_id, enterprise_id, policy_id, status, updated_at) "
        "VALUES (?, ?, ?, 'pending', ?)",
        {id, enterprise, *policy_in_force(context.db, request.insurer_org_id, enterprise, today), now});
  auto created = find_commission(context, id);
  audit::record(context.op(), {"commission", std::to_string(id), "create", request.insurer_org_id,
                               audit::created({{"agency_org_id", request.agency_org_id},
                                               {"enterprise_ids", request.enterprise_ids},
                                               {"notes", request.notes}})});
  const auto count = std::to_string(request.enterprise_ids.size());
  notify::notify_users(context.db,
                       notify::org_users_with_roles(context.db, request.agency_org_id, {"admin", "manager"}),
                       {"commission_received", "收到新的服务委托", "New commission received",
                        created["insurer"]["name"].get<std::string>() + "委托了 " + count +
                            " 家企业，请确认企业信息并逐一接受或拒绝。",
                        created["insurer"]["name"].get<std::string>() + " commissioned " + count +
                            " enterprises; check their data and accept or decline each.",
                        "commission", id},
                       now);
  return api::json_ok(created, 201);
}

http::Response list_items(api::Context& context) {
  const auto& query = context.request.query;
  const auto page = parse_page(query);
  const auto today = china_day(context.clock.now());
  const auto where = commission_item_filter(context.db, context.me(), query, format_date(today));
  auto [rows, total] =
      select_page(context.db, kSelectCommissionItem, kCountCommissionItem, where, "ci.id DESC", page);
  const auto calendar = calendar::load_calendar(context.db);
  const workflow::Caller caller(context.db, context.me());
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = 0; i < rows.size(); ++i)
    items.push_back(commission_item_json(rows[i], calendar, today, caller));
  return api::json_ok(page_json(items, total, page));
}

nlohmann::json item_with_history(const accounts::Operation& op, std::int64_t id) {
  const auto row = find_commission_item(op.db, op.actor, id);
  auto out = commission_item_json(row, calendar::load_calendar(op.db), china_day(op.clock.now()),
                                  workflow::Caller(op.db, op.actor));
  out["history"] = status_history(op.db, "commission_item", id);
  return out;
}

http::Response get_item(api::Context& context) {
  return api::json_ok(item_with_history(context.op(), context.id()));
}

}  // namespace

void add_commission_routes(api::Routes& routes) {
  routes.get("/commissions", "commission:read", list_commissions);
  routes.post("/commissions", "commission:write", create_commission);
  routes.get("/commissions/{id}", "commission:read", get_commission);
  routes.get("/commission-items", "commission:read", list_items);
  routes.get("/commission-items/{id}", "commission:read", get_item);
  add_step_routes(routes, "/commission-items", commission_machine(),
                  {{"accept", "accept"},
                   {"decline", "decline"},
                   {"request-cancel", "request_cancel"},
                   {"approve-cancel", "approve_cancel"},
                   {"reject-cancel", "reject_cancel"},
                   {"withdraw", "withdraw"}},
                  item_with_history);
}

}  // namespace rw::services
