#pragma once
// The life of a visit as a workflow table (visit_flow.cpp): planned → confirmed (the enterprise, the
// team or the agency) → in_progress → done (the team); planned, confirmed or in progress →
// could_not_enter (the team, with a reason from the list); planned or confirmed → cancelled (the
// agency). Then the report of a done visit (reports/report_flow.hpp): submitted by the team, which marks
// the data uploaded, approved or returned by the commissioning insurer; approval marks it reviewed. "edit"
// (PATCH) is the agency's while the visit is planned or confirmed.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/db/database.hpp"
#include "workflow/machine.hpp"

namespace rw::services {

// What the table asks of a visit, and the visit as read (for the hooks).
struct VisitState {
  std::int64_t id = 0;
  std::string status;
  std::int64_t agency_org_id = 0;
  std::optional<std::int64_t> enterprise_org_id;  // the enterprise's own organization, once it has one
  std::optional<std::int64_t> insurer_org_id;     // that commissioned the visit, if it answers a commission
  std::vector<std::int64_t> team_user_ids;        // the accounts of the team's members
  bool data_uploaded = false;
  std::string report_status;  // of the latest report submission: submitted | returned | approved; "" none
  db::Row row;                // of kSelectVisit
};

// From a row of kSelectVisit and the accounts of its team.
VisitState visit_state(const db::Row& row, std::vector<std::int64_t> team_user_ids);

const workflow::Machine<VisitState>& visit_machine();

}  // namespace rw::services
