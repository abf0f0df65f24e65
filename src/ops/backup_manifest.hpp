#pragma once
// The manifest of a backup archive (manifest.json): what the archive holds and what a restore must find
// again — the database dump's hash, the row count of every table, the hash and size of every stored file.
// Pure: reading, writing and comparing manifests.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace rw::ops {

constexpr const char* kManifestEntry = "manifest.json";
constexpr const char* kBackupFormat = "riskwatch-backup";
constexpr int kBackupFormatVersion = 1;

// The archive is not a backup this version can restore, or does not match its manifest.
class BackupError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ArchivedFile {
  std::string sha256;
  std::uint64_t bytes = 0;
};

struct Manifest {
  std::string created_at;
  std::string riskwatch_version;
  std::string dialect;  // "sqlite" | "postgresql": a backup restores into the same kind of database
  std::string database_entry;
  ArchivedFile database;
  std::map<std::string, std::int64_t> row_counts;  // table → rows
  std::vector<ArchivedFile> files;
};

// The archive entry of a stored file: files/sha256/ab/cd/<hash>, the file store's own layout.
std::string file_entry(const std::string& sha256);
// The database dump's entry for a dialect.
std::string database_entry(const std::string& dialect);

nlohmann::json to_json(const Manifest& manifest);
// Throws BackupError naming what is wrong (another format or version, a missing field, a malformed hash).
Manifest parse_manifest(const nlohmann::json& json);

// One line per table whose rows differ ("hazards: 12 in the backup, 11 restored"), a table missing on
// either side included; empty when they agree.
std::vector<std::string> count_differences(const std::map<std::string, std::int64_t>& expected,
                                           const std::map<std::string, std::int64_t>& actual);

}  // namespace rw::ops
