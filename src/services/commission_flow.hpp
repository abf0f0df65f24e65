#pragma once
// The life of one enterprise in a commission (wuxi §14(二), §15(二)) as a workflow table:
// pending → accepted | declined | cancel_requested (the agency); cancel_requested → cancelled | pending
// (the insurer); pending or accepted → withdrawn (the insurer; accepted only once overdue); accepted →
// completed (set off by the on-site visit, no caller takes it).
#include <cstdint>
#include <string>

#include "platform/db/database.hpp"
#include "workflow/machine.hpp"

namespace rw::services {

// What the table asks of a commission item.
struct CommissionItemState {
  std::int64_t id = 0;
  std::string status;
  std::int64_t insurer_org_id = 0;
  std::int64_t agency_org_id = 0;
  std::int64_t enterprise_id = 0;
  std::string enterprise_name;
  std::string agency_name;
  std::string due_on;
  bool overdue = false;  // accepted and past its due day
};

// From a row of kSelectCommissionItem, on `today` (YYYY-MM-DD).
CommissionItemState commission_item_state(const db::Row& row, const std::string& today);

const workflow::Machine<CommissionItemState>& commission_machine();

// An on-site visit by `agency_org_id` to the enterprise was done today: the accepted commission items
// it answers become completed and their deadline is met.
void complete_commission_items(workflow::Act& act, std::int64_t enterprise_id, std::int64_t agency_org_id);

}  // namespace rw::services
