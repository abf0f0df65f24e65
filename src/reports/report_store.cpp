#include "reports/report_store.hpp"

namespace rw::reports {
namespace {

constexpr const char* kSelectParticulars =
    "SELECT name, credit_code, legal_representative, registered_address, business_address, contacts, "
    "industry_code, scale, risk_level, production_status FROM enterprises WHERE id = ?";
constexpr const char* kInsertSubmission =
    "INSERT INTO report_submissions (visit_id, version, kind, title, pdf_sha256, pdf_size, submitted_by, "
    "submitted_at, env_risk_assessment_id) SELECT ?, COALESCE(MAX(version), 0) + 1, ?, ?, ?, ?, ?, ?, ? "
    "FROM report_submissions WHERE visit_id = ? RETURNING version";
constexpr const char* kSelectSubmissions =
    "SELECT s.*, su.display_name AS submitted_by_name, ru.display_name AS reviewed_by_name "
    "FROM report_submissions s JOIN users su ON su.id = s.submitted_by "
    "LEFT JOIN users ru ON ru.id = s.reviewed_by WHERE s.visit_id = ? ";
constexpr const char* kReviewLatest =
    "UPDATE report_submissions SET status = ?, reviewed_by = ?, reviewed_at = ?, review_comment = ? "
    "WHERE visit_id = ? AND status = 'submitted' "
    "AND version = (SELECT MAX(version) FROM report_submissions WHERE visit_id = ?)";

}  // namespace

std::optional<db::Row> enterprise_particulars(db::Connection& db, std::int64_t enterprise_id) {
  auto rows = db.query(kSelectParticulars, {enterprise_id});
  if (rows.empty()) return std::nullopt;
  return rows[0];
}

int insert_submission(db::Connection& db, const NewSubmission& s, const std::string& now) {
  return static_cast<int>(
      db.query(kInsertSubmission, {s.visit_id, s.kind, s.title, s.pdf_sha256, s.pdf_size, s.submitted_by, now,
                                   db::optional_value(s.env_risk_assessment_id), s.visit_id})[0]
          .integer("version"));
}

db::Rows submissions_of(db::Connection& db, std::int64_t visit_id) {
  return db.query(std::string(kSelectSubmissions) + "ORDER BY s.version", {visit_id});
}

std::optional<db::Row> submission(db::Connection& db, std::int64_t visit_id, int version) {
  auto rows =
      db.query(std::string(kSelectSubmissions) + "AND s.version = ?", {visit_id, std::int64_t{version}});
  if (rows.empty()) return std::nullopt;
  return rows[0];
}

void review_latest(db::Connection& db, std::int64_t visit_id, const std::string& status, std::int64_t by,
                   const std::string& comment, const std::string& now) {
  db.execute(kReviewLatest, {status, by, now, comment, visit_id, visit_id});
}

}  // namespace rw::reports
