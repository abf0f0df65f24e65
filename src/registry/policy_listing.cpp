#include "registry/policy_listing.hpp"

#include "access/visibility.hpp"
#include "platform/dates.hpp"
#include "platform/json_input.hpp"
#include "registry/policy_record.hpp"
#include "registry/vocabularies.hpp"

namespace rw::registry {

const char* const kSelectPolicy =
    "SELECT p.*, e.name AS enterprise_name, e.credit_code AS enterprise_credit_code, i.name AS insurer_name "
    "FROM policies p JOIN enterprises e ON e.id = p.enterprise_id JOIN organizations i ON i.id = "
    "p.insurer_org_id";
const CountFrom kCountPolicy{"policies p", {{"e", "JOIN enterprises e ON e.id = p.enterprise_id"}}};
const DeferredList kPolicyList{kSelectPolicy, kCountPolicy, "p.id"};

SqlFilter policy_filter(db::Connection& db, const accounts::Actor& user,
                        const std::map<std::string, std::string>& query) {
  SqlFilter where = access::read_filter(db, user, access::kPolicy);
  if (auto v = query_id(query, "enterprise_id")) where.add("p.enterprise_id = ?", *v);
  if (auto v = query_id(query, "insurer_id")) where.add("p.insurer_org_id = ?", *v);
  if (auto v = query_choice(query, "insurance_type", insurance_types().values()))
    where.add("p.insurance_type = ?", *v);
  if (auto v = query_choice(query, "status", policy_statuses().values())) where.add("p.status = ?", *v);
  if (auto v = query_text(query, "in_force_on", 10)) {
    if (!parse_date(*v))
      throw invalid_field("in_force_on", "invalid_query", "查询参数 in_force_on 应为日期",
                          "in_force_on must be a date");
    where.add("p.status = 'active' AND p.starts_on <= ? AND p.ends_on >= ?", db::Params{*v, *v});
  }
  if (auto v = query_text(query, "ends_before", 10)) {
    if (!parse_date(*v))
      throw invalid_field("ends_before", "invalid_query", "查询参数 ends_before 应为日期",
                          "ends_before must be a date");
    where.add("p.ends_on < ?", *v);
  }
  if (auto q = query_text(query, "q"))
    where.add_on_joined("e",
                        any_column_holds(db.dialect(), {"p.policy_number", "e.name", "e.credit_code"}, *q));
  return where;
}

std::string policy_order(const std::map<std::string, std::string>& query) {
  static const std::set<std::string> sortable = {"starts_on",     "-starts_on",     "ends_on", "-ends_on",
                                                 "policy_number", "-policy_number", "premium", "-premium"};
  const auto sort = query_choice(query, "sort", sortable).value_or("-starts_on");
  const bool descending = sort.front() == '-';
  auto column = "p." + (descending ? sort.substr(1) : sort);
  if (column == "p.premium") column = "p.premium_fen";
  return descending ? column + " DESC, p.id DESC" : column + ", p.id";
}

nlohmann::json policy_json(const db::Row& row, const std::string& today) {
  const auto record = policy_from_row(row);
  auto out = policy_record_json(record);
  out["id"] = row.integer("id");
  out["enterprise_name"] = row.text("enterprise_name");
  out["enterprise_credit_code"] = row.text("enterprise_credit_code");
  out["insurer_name"] = row.text("insurer_name");
  out["in_force"] = record.status == "active" && record.starts_on <= today && today <= record.ends_on;
  // The yearly survey of this period (V044): the day of the first done survey visit, or null.
  out["surveyed_on"] =
      row.is_null("surveyed_on") ? nlohmann::json() : nlohmann::json(row.text("surveyed_on"));
  out["created_at"] = row.text("created_at");
  out["updated_at"] = row.text("updated_at");
  return out;
}

db::Row find_policy_row(db::Connection& db, const accounts::Actor& user, std::int64_t id) {
  const auto where = access::one_visible(db, user, access::kPolicy, id);
  auto rows = db.query(std::string(kSelectPolicy) + where.sql(), where.params());
  if (rows.empty()) throw not_found();
  return rows[0];
}

}  // namespace rw::registry
