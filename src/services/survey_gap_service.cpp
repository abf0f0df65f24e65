// GET /survey-gaps: insured enterprises without their yearly on-site survey (wuxi §15(一): 每年一次; chengdu
// §6: 每年提供1次安全风险辨识、评估…或…隐患排查). A policy in force on the given day (default today) is
// covered when a done visit to its enterprise during the policy period included a yearly-survey service type
// of the policy's own insurance: an environmental survey does not serve a work-safety policy, nor the
// reverse. The policy keeps the day of that visit (surveyed_on, kept by V044's triggers).
#include "services/survey_gap_service.hpp"

#include <limits>

#include "access/visibility.hpp"
#include "platform/dates.hpp"
#include "platform/paging.hpp"
#include "registry/policy_listing.hpp"
#include "registry/vocabularies.hpp"

namespace rw::services {
namespace {

// The gaps are in the order of expiry, then the enterprise's name, which reads each gap's enterprise to sort
// them (a city's regulator, 7,259 gaps: 25 of its 28 ms in the CLI). Only gaps that expire no later than
// the page's last by expiry alone can be on the page: that day, read from the index of expiry, bounds the
// rows the page sorts. None when fewer gaps than the page's end.
std::optional<std::string> last_expiry_of_page(db::Connection& db, const SqlFilter& where, const Page& page) {
  if (page.offset > std::numeric_limits<std::int64_t>::max() - page.limit) return std::nullopt;
  const db::PlanEachRun planned(db);  // as the list's own count and page (platform/paging.cpp)
  const auto rows = db.query("SELECT p.ends_on FROM " + registry::kCountPolicy.tables_for(where) +
                                 where.sql() + " ORDER BY p.ends_on LIMIT 1 OFFSET ?",
                             where.params_with({page.offset + page.limit - 1}));
  if (rows.empty()) return std::nullopt;
  return rows[0].text("ends_on");
}

}  // namespace

nlohmann::json list_survey_gaps(const accounts::Operation& op,
                                const std::map<std::string, std::string>& query) {
  accounts::require_permission(op.actor, "policy:read");
  const auto page = parse_page(query);
  const auto on = query_date(query, "on").value_or(china_date(op.clock.now()));
  SqlFilter where = access::read_filter(op.db, op.actor, access::kPolicy);
  where.add("p.status = 'active' AND p.starts_on <= ? AND p.ends_on >= ?", db::Params{on, on});
  where.add("p.surveyed_on IS NULL", db::Params{});
  if (auto v = query_choice(query, "insurance_type", registry::insurance_types().values()))
    where.add("p.insurance_type = ?", *v);
  if (auto v = query_id(query, "insurer_org_id")) where.add("p.insurer_org_id = ?", *v);
  auto paged = where;
  if (const auto last = last_expiry_of_page(op.db, where, page)) paged.add("p.ends_on <= ?", *last);
  auto [rows, total] =
      select_page(op.db, registry::kPolicyList, ListFilters{where, paged}, "p.ends_on, e.name, p.id", page);
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto row = rows[i];
    items.push_back(
        {{"policy",
          {{"id", row.integer("id")},
           {"policy_number", row.text("policy_number")},
           {"insurance_type", row.text("insurance_type")},
           {"starts_on", row.text("starts_on")},
           {"ends_on", row.text("ends_on")}}},
         {"enterprise",
          {{"id", row.integer("enterprise_id")},
           {"name", row.text("enterprise_name")},
           {"credit_code", row.text("enterprise_credit_code")}}},
         {"insurer", {{"id", row.integer("insurer_org_id")}, {"name", row.text("insurer_name")}}}});
  }
  auto body = page_json(items, total, page);
  body["on"] = on;
  return body;
}

}  // namespace rw::services
