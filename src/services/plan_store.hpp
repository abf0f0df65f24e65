#pragma once
// The SQL of service plans: a plan as stored, as the API carries it, and the checks of its parties.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "accounts/actor.hpp"
#include "platform/paging.hpp"
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

std::int64_t insert_plan(db::Connection& db, const PlanInput& plan, std::int64_t created_by_org,
                         const std::string& now);
void update_plan_row(db::Connection& db, std::int64_t id, const PlanInput& plan, const std::string& now);

// Filters of GET /service-plans on service_plans `sp`, within what the user may see: enterprise_id,
// agency_org_id, year, status, q (enterprise name).
SqlFilter plan_filter(db::Connection& db, const accounts::Actor& user,
                      const std::map<std::string, std::string>& query);
extern const char* const kSelectPlan;
// By year and enterprise name (the plan carries it, V040): the page's ids first, then the display joins for
// those alone (platform/paging.hpp).
extern const char* const kPlanOrder;
extern const DeferredList kPlanList;
// The plan with the `actions` the caller may take on it now.
nlohmann::json plan_json(db::Connection& db, const db::Row& row, const workflow::Caller& caller);
// A page of plans with their items and staff, read in one query each (not per plan).
nlohmann::json plans_json(db::Connection& db, const db::Rows& rows, const workflow::Caller& caller);
db::Row find_plan_row(db::Connection& db, const accounts::Actor& user, std::int64_t id);
PlanInput stored_plan(db::Connection& db, std::int64_t id);

// The enterprise already has the agency's plan for the year.
bool plan_exists(db::Connection& db, std::int64_t enterprise_id, int year, std::int64_t agency_org_id);
// The policy is the enterprise's.
bool policy_of(db::Connection& db, std::int64_t policy_id, std::int64_t enterprise_id);
// The organization of an active staff member.
std::optional<std::int64_t> active_staff_org(db::Connection& db, std::int64_t staff_id);
// 422 unless every item says what will be done (its measures): the enterprise agrees to those.
void require_measures_to_propose(const PlanInput& plan);

}  // namespace rw::services
