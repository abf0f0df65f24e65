#pragma once
// The SQL of visit reports: the enterprise's particulars a report prints, and the report's submissions.
#include <cstdint>
#include <optional>
#include <string>

#include "platform/db/database.hpp"

namespace rw::reports {

std::optional<db::Row> enterprise_particulars(db::Connection& db, std::int64_t enterprise_id);

struct NewSubmission {
  std::int64_t visit_id = 0;
  std::string kind;
  std::string title;
  std::string pdf_sha256;
  std::int64_t pdf_size = 0;
  std::int64_t submitted_by = 0;
  std::optional<std::int64_t> env_risk_assessment_id;  // the HJ 941 assessment the PDF printed
};
// The new submission's version: one after the visit's last. A concurrent submission of the same version
// breaks the (visit_id, version) key: db::ConstraintViolation.
int insert_submission(db::Connection& db, const NewSubmission& submission, const std::string& now);
// The visit's submissions, oldest first, with who submitted and reviewed each.
db::Rows submissions_of(db::Connection& db, std::int64_t visit_id);
std::optional<db::Row> submission(db::Connection& db, std::int64_t visit_id, int version);
// The reviewer's decision on the visit's latest submission, if it is still submitted.
void review_latest(db::Connection& db, std::int64_t visit_id, const std::string& status, std::int64_t by,
                   const std::string& comment, const std::string& now);

}  // namespace rw::reports
