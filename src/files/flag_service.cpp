#include "files/flag_service.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "files/file_record.hpp"
#include "files/file_service.hpp"
#include "files/perceptual_hash.hpp"
#include "platform/errors.hpp"

namespace rw::files {
namespace {

std::optional<int> nearest_other(db::Connection& db, const FileRecord& file, std::int64_t enterprise_id) {
  if (!file.phash) return std::nullopt;
  std::optional<int> nearest;
  for (const auto other : near_hash_candidates(db, *file.phash, file.sha256, enterprise_id)) {
    const int bits = hash_distance(*file.phash, other);
    if (!nearest || bits < *nearest) nearest = bits;
  }
  return nearest;
}

}  // namespace

nlohmann::json file_flags(const accounts::Operation& op, std::int64_t file_id, const std::string& kind,
                          std::int64_t owner_id) {
  const auto& how = visible_owner(op, kind, owner_id);
  const auto links = links_of_file(op.db, file_id);
  const bool attached = std::any_of(links.begin(), links.end(),
                                    [&](const OwnerRef& o) { return o.kind == kind && o.id == owner_id; });
  const auto setting = how.setting(op.db, owner_id);
  const auto file = find_file(op.db, file_id);
  if (!attached || !setting || !file) throw not_found();
  PhotoEvidence evidence;
  Seconds taken_at = 0;
  if (file->taken_at && parse_utc(*file->taken_at, taken_at)) evidence.taken_at = taken_at;
  if (file->latitude && file->longitude) evidence.taken_where = GeoPoint{*file->latitude, *file->longitude};
  evidence.visit = setting->visit;
  evidence.site = enterprise_location(op.db, setting->enterprise_id);
  evidence.other_enterprises_same_bytes =
      other_enterprises_with_sha(op.db, file->sha256, setting->enterprise_id);
  evidence.nearest_other_bits = nearest_other(op.db, *file, setting->enterprise_id);
  nlohmann::json flags = nlohmann::json::array();
  for (const auto& flag : authenticity_flags(evidence))
    flags.push_back({{"code", flag.code}, {"message", flag.message}, {"message_en", flag.message_en}});
  return {{"file_id", file_id}, {"owner_kind", kind}, {"owner_id", owner_id}, {"flags", std::move(flags)}};
}

}  // namespace rw::files
