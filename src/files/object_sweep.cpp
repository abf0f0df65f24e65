#include "files/object_sweep.hpp"

#include <spdlog/spdlog.h>

#include "files/named_objects_store.hpp"

namespace rw::files {

int sweep_unnamed_objects(db::Database& database, DirectoryStore& store, std::chrono::seconds min_age) {
  const auto cutoff = std::filesystem::file_time_type::clock::now() - min_age;
  // Listed before the names are read: an object put after the listing is not a candidate, one put before
  // it whose row commits before the read is named.
  const auto candidates = store.objects_written_before(cutoff);
  auto lease = database.acquire();
  const auto named = named_objects(*lease);
  int removed = 0;
  for (const auto& sha256 : candidates) {
    if (named.count(sha256)) continue;
    // Asked again just before the removal: a row may have committed since the names were read, or a put
    // may have found the object present and marked it written (directory_store.hpp).
    if (is_named(*lease, sha256) || !store.written_before(sha256, cutoff)) continue;
    store.remove(sha256);
    ++removed;
  }
  if (removed > 0) spdlog::info("file sweep: removed {} objects no record names", removed);
  return removed;
}

}  // namespace rw::files
