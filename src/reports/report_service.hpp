#pragma once
// A visit's report 隐患排查报告 / 现场勘查评估报告: rendered on demand from the visit as it is now, submitted
// by the agency as a frozen PDF (a version with its SHA-256), and reviewed by the commissioning insurer
// through the visit's workflow (report_flow.hpp). Operations with the access model's rules: the visit must be
// visible (404); the enterprise sees approved reports only — what is fed back to it (chengdu 6.3.2.4). No
// HTTP.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>

#include "accounts/operation.hpp"
#include "platform/files/file_store.hpp"
#include "reports/report_store.hpp"

namespace rw::reports {

// {visit_id, kind, title, status (none|submitted|returned|approved), actions (the report steps the caller
// may take), submissions: [{version, status, sha256, size, submitted_by {id, name}, submitted_at,
// reviewed_by, reviewed_at, comment}]}.
nlohmann::json visit_report(const accounts::Operation& op, std::int64_t visit_id);

struct RenderedReport {
  std::string bytes;
  std::string file_name;   // 乐清市星河化工有限公司隐患排查报告 (without the extension)
  std::string ascii_name;  // visit-12-report, for clients that cannot read the other
};
// The report of the visit as it is now, as "pdf" or "docx" (422 otherwise). Rendering is CPU work: the
// caller is on a worker thread.
RenderedReport render_visit_report(const accounts::Operation& op, const files::FileStore& files,
                                   std::int64_t visit_id, const std::string& format);

// Submitting, in two parts so the rendering holds no write lock: `prepare_submission` checks the caller may
// submit now (404/403/409), renders the PDF and puts it in the file store; `record_submission`, in the
// write transaction, takes the step (checked again) and records the submission as the next version.
NewSubmission prepare_submission(const accounts::Operation& op, files::FileStore& files,
                                 std::int64_t visit_id);
nlohmann::json record_submission(const accounts::Operation& op, const NewSubmission& prepared);

// The stored PDF of submission `version`, its bytes as submitted (404 when there is none the caller sees).
RenderedReport submitted_report(const accounts::Operation& op, const files::FileStore& files,
                                std::int64_t visit_id, int version);

}  // namespace rw::reports
