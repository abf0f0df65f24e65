#include "files/named_objects_store.hpp"

namespace rw::files {
namespace {

constexpr const char* kSelectNamed =
    "SELECT sha256 AS h FROM files UNION SELECT small_sha256 FROM files WHERE small_sha256 IS NOT NULL "
    "UNION SELECT large_sha256 FROM files WHERE large_sha256 IS NOT NULL "
    "UNION SELECT pdf_sha256 FROM report_submissions UNION SELECT file_sha256 FROM archive_documents";
constexpr const char* kSelectNaming =
    "SELECT 1 AS one FROM files WHERE sha256 = ? OR small_sha256 = ? OR large_sha256 = ? "
    "UNION ALL SELECT 1 FROM report_submissions WHERE pdf_sha256 = ? "
    "UNION ALL SELECT 1 FROM archive_documents WHERE file_sha256 = ?";

}  // namespace

std::unordered_set<std::string> named_objects(db::Connection& db) {
  const auto rows = db.query(kSelectNamed);
  std::unordered_set<std::string> out;
  for (std::size_t i = 0; i < rows.size(); ++i) out.insert(rows[i].text("h"));
  return out;
}

bool is_named(db::Connection& db, const std::string& sha256) {
  return !db.query(kSelectNaming, {sha256, sha256, sha256, sha256, sha256}).empty();
}

}  // namespace rw::files
