#pragma once
// The life of an inspection as a workflow table (inspection_flow.cpp): open → submitted (the team checks
// required items and the findings are raised) → signed (the enterprise's representative signs on the phone);
// submitted → open again before the signature. Answers change while it is open ("answer", the team) and,
// once signed, only by a reviewer with a reason ("amend": the commissioning insurer, the agency's reviewers
// or the platform).
#include <cstdint>
#include <optional>
#include <vector>

#include "forms/form_rules.hpp"
#include "platform/db/database.hpp"
#include "workflow/machine.hpp"

namespace rw::inspections {

struct InspectionState {
  std::int64_t id = 0;
  std::string status;
  std::string visit_status;
  std::int64_t agency_org_id = 0;
  std::optional<std::int64_t> insurer_org_id;
  std::vector<std::int64_t> team_user_ids;
  db::Row row;  // of kSelectInspection
};

const workflow::Machine<InspectionState>& inspection_machine();

// The findings its answers raise and its score, written for the inspection (on submitting, and when a
// reviewer amends a signed one). The caller has its template and answers at hand.
void settle_outcome(db::Connection& db, const InspectionState& s, const forms::Template& form,
                    const forms::Answers& answers, std::int64_t by, const std::string& now);

// The inspection as the actor may see it (404 otherwise), with what its workflow asks.
InspectionState load_inspection(db::Connection& db, const accounts::Actor& user, std::int64_t id);
// load_inspection and the reads of the inspection's parts (statements by its id), read with its row
// (access::visible_row_with).
struct InspectionWithParts {
  InspectionState state;
  std::vector<db::Rows> parts;  // in the order asked
};
InspectionWithParts load_inspection_with(db::Connection& db, const accounts::Actor& user, std::int64_t id,
                                         std::vector<db::Statement> parts);

}  // namespace rw::inspections
