#pragma once
// The review of an environmental risk assessment as a workflow table: submitted → reviewed, by the insurer of
// the enterprise (its leads and reviewers), a regulator of its region or the platform ("review"), or as the
// consequence of an approved 环责险风险评估报告 ("approve_by_report", taken by reports/ through
// apply_reviewed_assessment). Entering `reviewed` sets the enterprise's risk level, date, source and label
// from its latest reviewed assessment; earlier assessments stay as they are.
#include <cstdint>
#include <optional>
#include <string>

#include "platform/db/database.hpp"
#include "workflow/machine.hpp"

namespace rw::envrisk {

struct AssessmentState {
  std::int64_t id = 0;
  std::string status;
  std::int64_t enterprise_id = 0;
  std::int64_t org_id = 0;
};

const workflow::Machine<AssessmentState>& assessment_machine();
const Vocabulary& assessment_statuses();
// The register's source of an enterprise's risk level that the assessment gave.
std::string risk_source(std::int64_t assessment_id);

// The assessment as the actor may see it; 404 otherwise.
AssessmentState load_assessment(db::Connection& db, const accounts::Actor& user, std::int64_t id);

// For the report review (h4's 环责险风险评估报告): the approved report's assessment becomes reviewed and the
// enterprise's level follows it. Nothing when it is reviewed already; 404 when the act's user cannot see it.
void apply_reviewed_assessment(workflow::Act& act, std::int64_t assessment_id);

}  // namespace rw::envrisk
