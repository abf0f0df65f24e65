#include "services/commission_listing.hpp"

#include "access/visibility.hpp"
#include "platform/dates.hpp"
#include "platform/errors.hpp"
#include "platform/json_input.hpp"
#include "platform/json_rows.hpp"
#include "registry/industries.hpp"
#include "services/commission_flow.hpp"
#include "services/deadline_rules.hpp"
#include "services/workflow_vocabularies.hpp"
#include "workflow/engine.hpp"

namespace rw::services {
namespace {

constexpr std::size_t kMaxEnterpriseIds = 100;

// enterprise_ids=1,2,3: a picker asks about the enterprises it lists, at most 100 at a time.
std::vector<std::int64_t> query_ids(const std::map<std::string, std::string>& query, const std::string& key) {
  std::vector<std::int64_t> ids;
  auto it = query.find(key);
  if (it == query.end() || it->second.empty()) return ids;
  std::size_t start = 0;
  while (start <= it->second.size()) {
    const auto end = std::min(it->second.find(',', start), it->second.size());
    const auto piece = it->second.substr(start, end - start);
    ids.push_back(*query_id({{key, piece.empty() ? "-" : piece}}, key));  // an empty piece is refused too
    start = end + 1;
  }
  if (ids.size() > kMaxEnterpriseIds)
    throw invalid_field(key, "invalid_query", "查询参数 " + key + " 最多 100 个",
                        "query parameter " + key + " takes at most 100 ids");
  return ids;
}

}  // namespace

const char* const kOpenCommissionItem = "ci.status IN ('pending', 'accepted', 'cancel_requested')";

const char* const kSelectCommissionItem =
    "SELECT ci.*, c.created_at AS commissioned_at, c.notes AS "
    "commission_notes, "
    "e.name AS enterprise_name, e.credit_code, e.business_address, e.scale, e.risk_level, e.industry_code, "
    "i.name AS insurer_name, a.name AS agency_name, p.policy_number "
    "FROM commission_items ci JOIN commissions c ON c.id = ci.commission_id "
    "JOIN enterprises e ON e.id = ci.enterprise_id JOIN organizations i ON i.id = ci.insurer_org_id "
    "JOIN organizations a ON a.id = ci.agency_org_id LEFT JOIN policies p ON p.id = ci.policy_id";
const DeferredList kCommissionItemList{
    kSelectCommissionItem,
    {"commission_items ci", {{"e", "JOIN enterprises e ON e.id = ci.enterprise_id"}}},
    "ci.id"};

SqlFilter commission_item_filter(db::Connection& db, const accounts::Actor& user,
                                 const std::map<std::string, std::string>& query, const std::string& today) {
  SqlFilter where = access::read_filter(db, user, access::kCommissionItem);
  if (auto v = query_id(query, "commission_id")) where.add("ci.commission_id = ?", *v);
  if (auto v = query_id(query, "enterprise_id")) where.add("ci.enterprise_id = ?", *v);
  if (const auto ids = query_ids(query, "enterprise_ids"); !ids.empty()) {
    std::string marks;
    for (std::size_t i = 0; i < ids.size(); ++i) marks += i ? ", ?" : "?";
    where.add("ci.enterprise_id IN (" + marks + ")", db::Params(ids.begin(), ids.end()));
  }
  // open: the items that keep an enterprise from another commission of the same insurer
  if (auto v = query_bool(query, "open"))
    where.add(std::string(*v ? "" : "NOT ") + kOpenCommissionItem, db::Params{});
  if (auto v = query_id(query, "agency_org_id")) where.add("ci.agency_org_id = ?", *v);
  if (auto v = query_id(query, "insurer_org_id")) where.add("ci.insurer_org_id = ?", *v);
  if (auto v = query_choice(query, "status", commission_item_statuses().values()))
    where.add("ci.status = ?", *v);
  if (auto v = query_bool(query, "overdue")) {
    if (*v)
      where.add("ci.status = 'accepted' AND ci.due_on < ?", today);
    else
      where.add("NOT (ci.status = 'accepted' AND ci.due_on < ?)", today);
  }
  if (auto q = query_text(query, "q"))
    where.add_on_joined("e", any_column_holds(db.dialect(), {"e.name", "e.credit_code"}, *q));
  return where;
}

nlohmann::json commission_item_json(const db::Row& row, const calendar::WorkingCalendar& calendar,
                                    calendar::Date today, const workflow::Caller& caller) {
  const auto status = row.text("status");
  nlohmann::json out = {
      {"id", row.integer("id")},
      {"commission_id", row.integer("commission_id")},
      {"enterprise",
       {{"id", row.integer("enterprise_id")},
        {"name", row.text("enterprise_name")},
        {"credit_code", row.text("credit_code")},
        {"business_address", row.text("business_address")},
        {"scale", row.text("scale")},
        {"risk_level", row.text("risk_level")},
        {"industry_code", row.text("industry_code")},
        {"industry_name", registry::industry_name_of(row.text("industry_code"))}}},
      {"policy", row.is_null("policy_id") ? nlohmann::json()
                                          : nlohmann::json{{"id", row.integer("policy_id")},
                                                           {"policy_number", row.text("policy_number")}}},
      {"insurer", {{"id", row.integer("insurer_org_id")}, {"name", row.text("insurer_name")}}},
      {"agency", {{"id", row.integer("agency_org_id")}, {"name", row.text("agency_name")}}},
      {"status", status},
      {"commissioned_at", row.text("commissioned_at")},
      {"accepted_on", json_text(row, "accepted_on")},
      {"due_on", json_text(row, "due_on")},
      {"completed_on", json_text(row, "completed_on")},
      {"reason", row.text("reason")},
      {"overdue", false},
      {"working_days_left", nullptr},
      {"actions",
       workflow::actions(caller, commission_machine(), commission_item_state(row, format_date(today)))}};
  if (status == "accepted") {
    const auto due = *parse_date(row.text("due_on"));
    const int left = working_days_left(calendar, today, due);
    out["overdue"] = std::chrono::sys_days(today) > std::chrono::sys_days(due);
    out["working_days_left"] = left;
  }
  return out;
}

db::Row find_commission_item(db::Connection& db, const accounts::Actor& user, std::int64_t item_id) {
  const auto where = access::one_visible(db, user, access::kCommissionItem, item_id);
  auto rows = db.query(std::string(kSelectCommissionItem) + where.sql(), where.params());
  if (rows.empty()) throw not_found();
  return rows[0];
}

}  // namespace rw::services
