#pragma once
// The report's steps in the visit's workflow table (services/visit_flow.cpp) — wuxi att.1 一(一)7 and
// chengdu 6.3.2.4: the agency submits the report of a done visit (none yet, or the last one returned) →
// the commissioning insurer's reviewer approves it, or returns it with comments → the agency submits again.
// Submitting is what marks the visit's data uploaded, approving what marks it reviewed. The guards read the
// latest submission's status; the hooks keep the deadlines, the submissions' review and the notifications.
#include <optional>

#include "services/visit_flow.hpp"

namespace rw::reports {

using VisitMove = workflow::Move<services::VisitState>;

extern const workflow::Refusal kSubmitNotExpected;
extern const workflow::Refusal kReviewNotExpected;

// submit_report: no submission yet, or the latest was returned.
std::optional<workflow::Refusal> report_submittable(const services::VisitState& visit);
// approve_report, return_report: the latest submission awaits review.
std::optional<workflow::Refusal> report_awaiting_review(const services::VisitState& visit);

// The first submission marks the data uploaded: the upload deadline is met, the insurer's review falls due
// 10 working days later (wuxi att.1 一(一)7). Every submission asks the reviewers. The submission's row
// itself is written by report_service, which rendered its PDF.
void on_report_submitted(VisitMove& move);
// Approved: the latest submission is final, the visit reviewed, the review and the screening's feedback
// deadlines met (chengdu 6.3.2.4); the agency and the enterprise are told.
void on_report_approved(VisitMove& move);
// Returned with the reviewer's comments: the agency is told what to change.
void on_report_returned(VisitMove& move);

}  // namespace rw::reports
