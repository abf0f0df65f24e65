#pragma once
// Copies a SQLite database file through SQLite's online backup API: the copy is one consistent snapshot
// even while a server writes to the source (its WAL readers do not block writers), and the destination is
// replaced in one transaction of its own.
#include <filesystem>

namespace rw::db {

void sqlite_copy(const std::filesystem::path& from, const std::filesystem::path& to);

}  // namespace rw::db
