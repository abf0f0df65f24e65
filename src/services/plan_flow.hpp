#pragma once
// The life of a service plan (wuxi §14(三), chengdu 5.3.1) as a workflow table: drafted and edited by
// its writers (the plan's agency or insurer), proposed to the enterprise, agreed or returned with
// comments by the enterprise, reopened by a writer with a reason when it must change.
#include <cstdint>
#include <optional>
#include <string>

#include "platform/db/database.hpp"
#include "workflow/machine.hpp"

namespace rw::services {

// What the table asks of a plan.
struct PlanState {
  std::int64_t id = 0;
  std::string status;
  std::int64_t agency_org_id = 0;
  std::optional<std::int64_t> insurer_org_id;
  std::int64_t enterprise_id = 0;
  std::optional<std::int64_t> enterprise_org_id;  // the enterprise's own organization, once it has one
  std::int64_t created_by_org_id = 0;
  std::int64_t year = 0;
  std::string enterprise_name;
  std::string agency_name;
};

// From a row of kSelectPlan.
PlanState plan_state(const db::Row& row);

// edit (PATCH, no status change), propose, agree, return, reopen.
const workflow::Machine<PlanState>& plan_machine();

}  // namespace rw::services
