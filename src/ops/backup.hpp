#pragma once
// `riskwatch backup` and `riskwatch restore`: the database and the file store in one zip archive with a
// manifest (ops/backup_manifest.hpp).
//
// Backup works while servers write: SQLite is copied through its online backup API (one snapshot),
// PostgreSQL dumped by pg_dump inside a snapshot whose row counts go into the manifest; the file store is
// read after the database, so every file a backed-up row names is already stored (files are stored before
// their rows commit, and never change).
//
// Restore checks everything before it writes: the manifest, the dump's and every file's SHA-256, and (SQLite)
// the row counts of the dump; it refuses a target that holds data unless forced. PostgreSQL's counts are
// checked after pg_restore (one transaction); a mismatch empties the target again.
#include <cstdint>
#include <filesystem>
#include <string>

#include "platform/clock.hpp"

namespace rw::ops {

struct BackupOptions {
  std::string db_url;
  std::filesystem::path files_root;  // the file store: --files-dir, or <data-dir>/files
  std::filesystem::path out;
};

struct RestoreOptions {
  std::filesystem::path in;
  std::string db_url;
  std::filesystem::path files_root;
  bool force = false;  // replace a database that holds tables, add to a file store that holds files
};

struct BackupSummary {
  std::size_t tables = 0;
  std::int64_t rows = 0;
  std::size_t files = 0;
  std::uint64_t file_bytes = 0;
};

BackupSummary create_backup(const BackupOptions& options, const Clock& clock);
// Throws BackupError (refused target, mismatch) or another exception; nothing is written to the target
// before every check that can be made first has passed.
BackupSummary restore_backup(const RestoreOptions& options);

std::string describe(const BackupSummary& summary);

}  // namespace rw::ops
