#pragma once
// A service plan as stored and as the API carries it.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/context.hpp"
#include "platform/sql_filter.hpp"
#include "services/catalog.hpp"
#include "workflow/caller.hpp"

namespace rw::services {

struct PlanItem {
  ServiceRules service_type;
  std::string measures;
  std::string frequency;
  std::string expected_results;
};

struct PlanInput {
  std::int64_t enterprise_id = 0;
  int year = 0;
  std::int64_t agency_org_id = 0;
  std::optional<std::int64_t> insurer_org_id;
  std::optional<std::int64_t> policy_id;
  std::string enterprise_overview;
  std::string facilities_and_processes;
  std::string accident_history;
  std::vector<PlanItem> items;
  nlohmann::json training_plan = nlohmann::json::array();  // App. C table 1 rows
  std::vector<std::int64_t> staff_ids;
  std::string safeguards;
  std::string notes;
};

// Reads and checks a plan; `base` is the stored plan for a PATCH. Throws 422 with every error.
PlanInput read_plan(api::Context& context, const nlohmann::json& body, const PlanInput* base);
std::int64_t insert_plan(db::Connection& db, const PlanInput& plan, std::int64_t created_by_org,
                         const std::string& now);
void update_plan(db::Connection& db, std::int64_t id, const PlanInput& plan, const std::string& now);

// Parties of a plan see it: its agency and insurer (with sub-organizations), the enterprise itself,
// regulators of the enterprise's region. A condition on service_plans `sp` joined to enterprises `e`.

extern const char* const kSelectPlan;
extern const char* const kCountPlan;
// The plan with the `actions` the caller may take on it now.
nlohmann::json plan_json(db::Connection& db, const db::Row& row, const workflow::Caller& caller);
db::Row find_plan_row(db::Connection& db, const accounts::Actor& user, std::int64_t id);
PlanInput stored_plan(db::Connection& db, std::int64_t id);
// 422 unless every item says what will be done (its measures): the enterprise agrees to those.
void require_measures_to_propose(const PlanInput& plan);

}  // namespace rw::services
