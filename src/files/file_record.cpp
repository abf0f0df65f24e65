#include "files/file_record.hpp"

#include "files/perceptual_hash.hpp"

namespace rw::files {
namespace {

constexpr const char* kFileColumns =
    "SELECT id, sha256, media_type, size, width, height, taken_at, latitude, longitude, phash, small_sha256, "
    "large_sha256, uploaded_by, uploader_org_id, client_id, created_at FROM files f ";
constexpr const char* kWhereId = "WHERE id = ?";
constexpr const char* kWhereUploaderSha = "WHERE uploaded_by = ? AND sha256 = ?";
constexpr const char* kWhereUploaderClientId = "WHERE uploaded_by = ? AND client_id = ?";
constexpr const char* kWhereSha = "WHERE sha256 = ? ORDER BY id LIMIT 1";
constexpr const char* kWhereOwner =
    "WHERE id IN (SELECT file_id FROM file_links WHERE owner_kind = ? AND owner_id = ?) ORDER BY id";
constexpr const char* kInsertFile =
    "INSERT INTO files (sha256, media_type, size, width, height, taken_at, latitude, longitude, phash, "
    "phash_band0, phash_band1, phash_band2, phash_band3, small_sha256, large_sha256, uploaded_by, "
    "uploader_org_id, client_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "?) "
    "RETURNING id";
constexpr const char* kInsertLink =
    "INSERT INTO file_links (file_id, owner_kind, owner_id, enterprise_id, created_at) VALUES (?, ?, ?, ?, "
    "?) "
    "ON CONFLICT (file_id, owner_kind, owner_id) DO NOTHING";
constexpr const char* kSelectLinks =
    "SELECT owner_kind, owner_id, enterprise_id FROM file_links WHERE file_id = ? ORDER BY created_at, "
    "owner_kind, "
    "owner_id";
constexpr const char* kCountOtherEnterprisesWithSha =
    "SELECT COUNT(DISTINCT l.enterprise_id) AS n FROM files f JOIN file_links l ON l.file_id = f.id "
    "WHERE f.sha256 = ? AND l.enterprise_id <> ?";
// kSelectNearCandidates + one "f.phash_bandN IN (…)" per band joined by OR + kNearCandidatesEnd.
constexpr const char* kSelectNearCandidates =
    "SELECT DISTINCT f.phash FROM files f JOIN file_links l ON l.file_id = f.id WHERE (";
constexpr const char* kNearCandidatesEnd = ") AND f.sha256 <> ? AND l.enterprise_id <> ?";
constexpr const char* kSelectVisitDays =
    "SELECT enterprise_id, planned_on, duration_days, done_on FROM visits WHERE id = ?";
constexpr const char* kSelectVisitAgency = "SELECT agency_org_id FROM visits WHERE id = ?";
constexpr const char* kSelectEnterprise = "SELECT latitude, longitude FROM enterprises WHERE id = ?";

// Hashes are unsigned 64-bit; both databases keep signed 64-bit integers: the same bits either way.
std::int64_t as_stored(std::uint64_t hash) { return static_cast<std::int64_t>(hash); }
std::uint64_t as_hash(std::int64_t stored) { return static_cast<std::uint64_t>(stored); }

FileRecord record_of(const db::Row& row) {
  FileRecord r;
  r.id = row.integer("id");
  r.sha256 = row.text("sha256");
  r.media_type = row.text("media_type");
  r.size = row.integer("size");
  r.width = row.optional_integer("width");
  r.height = row.optional_integer("height");
  r.taken_at = row.optional_text("taken_at");
  r.latitude = row.optional_real("latitude");
  r.longitude = row.optional_real("longitude");
  if (const auto hash = row.optional_integer("phash")) r.phash = as_hash(*hash);
  r.small_sha256 = row.optional_text("small_sha256");
  r.large_sha256 = row.optional_text("large_sha256");
  r.uploaded_by = row.integer("uploaded_by");
  r.uploader_org_id = row.integer("uploader_org_id");
  r.client_id = row.optional_text("client_id");
  r.created_at = row.text("created_at");
  return r;
}

std::optional<FileRecord> first(const db::Rows& rows) {
  if (rows.empty()) return std::nullopt;
  return record_of(rows[0]);
}

std::optional<FileRecord> select_file(db::Connection& db, const char* where, const db::Params& params) {
  return first(db.query(std::string(kFileColumns) + where, params));
}

db::Value optional_hash(const std::optional<std::uint64_t>& hash) {
  return hash ? db::Value(as_stored(*hash)) : db::null_value();
}

db::Value band_value(const std::optional<std::uint64_t>& hash, int band) {
  return hash ? db::Value(std::int64_t{hash_bands(*hash)[band]}) : db::null_value();
}

}  // namespace

std::optional<FileRecord> find_file(db::Connection& db, std::int64_t id) {
  return select_file(db, kWhereId, {id});
}

std::optional<FileRecord> find_upload_by_sha(db::Connection& db, std::int64_t user_id,
                                             const std::string& sha256) {
  return select_file(db, kWhereUploaderSha, {user_id, sha256});
}

std::optional<FileRecord> find_upload_by_client_id(db::Connection& db, std::int64_t user_id,
                                                   const std::string& client_id) {
  return select_file(db, kWhereUploaderClientId, {user_id, client_id});
}

std::optional<FileRecord> find_any_with_sha(db::Connection& db, const std::string& sha256) {
  return select_file(db, kWhereSha, {sha256});
}

std::int64_t insert_file(db::Connection& db, const FileRecord& r) {
  return db
      .query(kInsertFile,
             {r.sha256, r.media_type, r.size, db::optional_value(r.width), db::optional_value(r.height),
              db::optional_value(r.taken_at), db::optional_value(r.latitude), db::optional_value(r.longitude),
              optional_hash(r.phash), band_value(r.phash, 0), band_value(r.phash, 1), band_value(r.phash, 2),
              band_value(r.phash, 3), db::optional_value(r.small_sha256), db::optional_value(r.large_sha256),
              r.uploaded_by, r.uploader_org_id, db::optional_value(r.client_id), r.created_at})[0]
      .integer("id");
}

bool insert_link(db::Connection& db, std::int64_t file_id, const OwnerRef& owner, const std::string& now) {
  return db.execute(kInsertLink, {file_id, owner.kind, owner.id, owner.enterprise_id, now}) > 0;
}

std::vector<OwnerRef> links_of_file(db::Connection& db, std::int64_t file_id) {
  const auto rows = db.query(kSelectLinks, {file_id});
  std::vector<OwnerRef> out;
  for (std::size_t i = 0; i < rows.size(); ++i)
    out.push_back(
        {rows[i].text("owner_kind"), rows[i].integer("owner_id"), rows[i].integer("enterprise_id")});
  return out;
}

std::vector<FileRecord> files_of_owner(db::Connection& db, std::string_view kind, std::int64_t owner_id) {
  const auto rows = db.query(std::string(kFileColumns) + kWhereOwner, {std::string(kind), owner_id});
  std::vector<FileRecord> out;
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(record_of(rows[i]));
  return out;
}

int other_enterprises_with_sha(db::Connection& db, const std::string& sha256, std::int64_t enterprise_id) {
  return static_cast<int>(db.query(kCountOtherEnterprisesWithSha, {sha256, enterprise_id})[0].integer("n"));
}

std::vector<std::uint64_t> near_hash_candidates(db::Connection& db, std::uint64_t hash,
                                                const std::string& sha256, std::int64_t enterprise_id) {
  std::string sql = kSelectNearCandidates;
  db::Params params;
  const auto neighbourhoods = band_neighbourhoods(hash);
  for (int band = 0; band < kBands; ++band) {
    sql += (band ? " OR f.phash_band" : "f.phash_band") + std::to_string(band) + " IN (" +
           placeholders(neighbourhoods[band].size()) + ")";
    for (const auto value : neighbourhoods[band]) params.emplace_back(std::int64_t{value});
  }
  sql += kNearCandidatesEnd;
  params.emplace_back(sha256);
  params.emplace_back(enterprise_id);
  const auto rows = db.query(sql, params);
  std::vector<std::uint64_t> out;
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(as_hash(rows[i].integer("phash")));
  return out;
}

std::optional<VisitDays> find_visit_days(db::Connection& db, std::int64_t visit_id) {
  const auto rows = db.query(kSelectVisitDays, {visit_id});
  if (rows.empty()) return std::nullopt;
  return VisitDays{rows[0].integer("enterprise_id"), rows[0].text("planned_on"),
                   rows[0].integer("duration_days"), rows[0].optional_text("done_on")};
}

std::optional<std::int64_t> visit_agency(db::Connection& db, std::int64_t visit_id) {
  const auto rows = db.query(kSelectVisitAgency, {visit_id});
  if (rows.empty()) return std::nullopt;
  return rows[0].integer("agency_org_id");
}

bool enterprise_exists(db::Connection& db, std::int64_t enterprise_id) {
  return !db.query(kSelectEnterprise, {enterprise_id}).empty();
}

std::optional<GeoPoint> enterprise_location(db::Connection& db, std::int64_t enterprise_id) {
  const auto rows = db.query(kSelectEnterprise, {enterprise_id});
  if (rows.empty() || rows[0].is_null("latitude") || rows[0].is_null("longitude")) return std::nullopt;
  return GeoPoint{rows[0].real("latitude"), rows[0].real("longitude")};
}

bool exists_where(db::Connection& db, std::string_view from, const SqlFilter& where) {
  return !db.query("SELECT 1 AS one FROM " + std::string(from) + where.sql(), where.params()).empty();
}

}  // namespace rw::files
