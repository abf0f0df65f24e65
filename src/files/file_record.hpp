#pragma once
// The SQL of files and their links (and the few facts about owners the files capability reads).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "files/owner_kinds.hpp"
#include "platform/db/database.hpp"
#include "platform/sql_filter.hpp"

namespace rw::files {

struct FileRecord {
  std::int64_t id = 0;
  std::string sha256;
  std::string media_type;  // "image/jpeg"
  std::int64_t size = 0;
  std::optional<std::int64_t> width, height;
  std::optional<std::string> taken_at;  // UTC "2026-05-01T02:20:30Z"
  std::optional<double> latitude, longitude;
  std::optional<std::uint64_t> phash;
  std::optional<std::string> small_sha256, large_sha256;  // thumbnails in the file store
  std::int64_t uploaded_by = 0;
  std::int64_t uploader_org_id = 0;
  std::optional<std::string> client_id;
  std::string created_at;
};

std::optional<FileRecord> find_file(db::Connection& db, std::int64_t id);
std::optional<FileRecord> find_upload_by_sha(db::Connection& db, std::int64_t user_id,
                                             const std::string& sha256);
std::optional<FileRecord> find_upload_by_client_id(db::Connection& db, std::int64_t user_id,
                                                   const std::string& client_id);
// Any upload of these bytes, whose facts (size, EXIF, thumbnails) a new upload of them reuses.
std::optional<FileRecord> find_any_with_sha(db::Connection& db, const std::string& sha256);
// The new row's id (record.id is ignored).
std::int64_t insert_file(db::Connection& db, const FileRecord& record);

// Records the link; false when it was there already.
bool insert_link(db::Connection& db, std::int64_t file_id, const OwnerRef& owner, const std::string& now);
std::vector<OwnerRef> links_of_file(db::Connection& db, std::int64_t file_id);
std::vector<FileRecord> files_of_owner(db::Connection& db, std::string_view kind, std::int64_t owner_id);

// Enterprises other than `enterprise_id` with a file of these bytes linked.
int other_enterprises_with_sha(db::Connection& db, const std::string& sha256, std::int64_t enterprise_id);
// The perceptual hashes of other bytes, linked to other enterprises, that share a band with `hash` up to one
// bit (files/perceptual_hash.hpp): the candidates for a near duplicate, found through the band indexes.
std::vector<std::uint64_t> near_hash_candidates(db::Connection& db, std::uint64_t hash,
                                                const std::string& sha256, std::int64_t enterprise_id);

// The owners' facts the files capability reads.
struct VisitDays {
  std::int64_t enterprise_id = 0;
  std::string planned_on;
  std::int64_t duration_days = 1;
  std::optional<std::string> done_on;
};
std::optional<VisitDays> find_visit_days(db::Connection& db, std::int64_t visit_id);
std::optional<std::int64_t> visit_agency(db::Connection& db, std::int64_t visit_id);
bool enterprise_exists(db::Connection& db, std::int64_t enterprise_id);
// The enterprise's registered location, when it has one.
std::optional<GeoPoint> enterprise_location(db::Connection& db, std::int64_t enterprise_id);

// A row of `from` matches the filter (an access-model check).
bool exists_where(db::Connection& db, std::string_view from, const SqlFilter& where);

}  // namespace rw::files
