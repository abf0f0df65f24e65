// GET /survey-gaps: insured enterprises without their yearly on-site survey (wuxi §15(一): 每年一次; chengdu
// §6: 每年提供1次安全风险辨识、评估…或…隐患排查). A policy in force on the given day (default today) is
// covered when a done visit to its enterprise during the policy period included a yearly-survey service type
// of the policy's own insurance: an environmental survey does not serve a work-safety policy, nor the
// reverse.
#include "services/survey_gap_service.hpp"

#include "access/visibility.hpp"
#include "platform/dates.hpp"
#include "platform/paging.hpp"
#include "registry/policy_listing.hpp"
#include "registry/vocabularies.hpp"

namespace rw::services {
namespace {

constexpr const char* kNoSurveyYet =
    "NOT EXISTS (SELECT 1 FROM visits sv JOIN visit_service_types svt ON svt.visit_id = sv.id "
    "JOIN service_type_versions stv ON stv.id = svt.service_type_version_id WHERE sv.enterprise_id = "
    "p.enterprise_id "
    "AND sv.status = 'done' AND stv.annual_survey = 1 AND stv.insurance_type = p.insurance_type "
    "AND sv.done_on >= p.starts_on AND sv.done_on <= "
    "p.ends_on)";

}  // namespace

nlohmann::json list_survey_gaps(const accounts::Operation& op,
                                const std::map<std::string, std::string>& query) {
  accounts::require_permission(op.actor, "policy:read");
  const auto page = parse_page(query);
  const auto on = query_date(query, "on").value_or(china_date(op.clock.now()));
  SqlFilter where = access::read_filter(op.db, op.actor, access::kPolicy);
  where.add("p.status = 'active' AND p.starts_on <= ? AND p.ends_on >= ?", db::Params{on, on});
  where.add(kNoSurveyYet, db::Params{});
  if (auto v = query_choice(query, "insurance_type", registry::insurance_types().values()))
    where.add("p.insurance_type = ?", *v);
  if (auto v = query_id(query, "insurer_org_id")) where.add("p.insurer_org_id = ?", *v);
  auto [rows, total] = select_page(op.db, registry::kSelectPolicy, registry::kCountPolicy, where,
                                   "p.ends_on, e.name, p.id", page);
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
