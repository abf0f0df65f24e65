#pragma once
// Bytes a crash left in the file store: an upload (or a report submission) stores its objects before its
// row commits — the other order would leave rows without bytes — so a server killed in between leaves
// objects that no row names. The sweep removes those once they are older than `min_age`: a younger one may
// belong to a request still on its way to its row, on this server or another sharing the store.
#include <chrono>

#include "platform/db/database.hpp"
#include "platform/files/directory_store.hpp"

namespace rw::files {

// serve sweeps at start and daily with this age; `riskwatch sweep-files` takes it as an option.
inline constexpr std::chrono::seconds kSweepMinAge = std::chrono::hours(1);

// The number of objects removed.
int sweep_unnamed_objects(db::Database& database, DirectoryStore& store, std::chrono::seconds min_age);

}  // namespace rw::files
