#pragma once
// Which objects of the file store a row names: uploads (their bytes and thumbnails), frozen report PDFs,
// archive documents. A table that comes to name store objects adds its column here, or the sweep
// (object_sweep.hpp) removes its bytes.
#include <string>
#include <unordered_set>

#include "platform/db/database.hpp"

namespace rw::files {

std::unordered_set<std::string> named_objects(db::Connection& db);
bool is_named(db::Connection& db, const std::string& sha256);

}  // namespace rw::files
