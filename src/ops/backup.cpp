#include "ops/backup.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "ops/backup_manifest.hpp"
#include "ops/backup_store.hpp"
#include "ops/staging_dir.hpp"
#include "platform/dates.hpp"
#include "platform/db/sqlite_copy.hpp"
#include "platform/files/directory_store.hpp"
#include "platform/files/sha256.hpp"
#include "platform/files/zip_file.hpp"
#include "platform/process.hpp"

namespace rw::ops {
namespace fs = std::filesystem;

namespace {

constexpr const char* kSqlitePrefix = "sqlite://";

bool is_sqlite(const std::string& url) { return url.rfind(kSqlitePrefix, 0) == 0; }
std::string dialect_of(const std::string& url) { return is_sqlite(url) ? "sqlite" : "postgresql"; }
fs::path sqlite_path(const std::string& url) { return url.substr(std::string(kSqlitePrefix).size()); }

void run_or_throw(const std::vector<std::string>& argv) {
  if (const int code = run_program(argv); code != 0)
    throw BackupError(argv[0] + " failed (exit code " + std::to_string(code) + "); its messages are above");
}

ArchivedFile archived(const fs::path& path) { return {files::sha256_of_file(path), fs::file_size(path)}; }

// The database as one file in `staging` and its row counts, taken from the same snapshot.
std::map<std::string, std::int64_t> dump_database(const std::string& url, const fs::path& dump) {
  if (is_sqlite(url)) {
    db::sqlite_copy(sqlite_path(url), dump);
    return row_counts(*db::open_sqlite(dump.string()));
  }
  auto database = db::Database::open(url, 1);
  auto lease = database->acquire();
  db::Transaction snapshot(*lease, false);
  const auto name = export_postgresql_snapshot(*lease);
  auto counts = row_counts(*lease);
  run_or_throw({"pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--snapshot=" + name,
                "--file=" + dump.string(), "--dbname=" + url});
  return counts;
}

// Every object of the file store, checked against its name.
std::vector<ArchivedFile> stored_files(const fs::path& files_root) {
  std::vector<ArchivedFile> found;
  const auto objects = files_root / "sha256";
  if (!fs::exists(objects)) return found;
  for (const auto& entry : fs::recursive_directory_iterator(objects)) {
    if (!entry.is_regular_file() || !files::is_sha256_hex(entry.path().filename().string())) continue;
    auto file = archived(entry.path());
    if (file.sha256 != entry.path().filename().string())
      throw BackupError("the stored file " + entry.path().string() + " is damaged (its bytes hash to " +
                        file.sha256 + ")");
    found.push_back(file);
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.sha256 < b.sha256; });
  return found;
}

// Writes the entry to `path` and checks its hash and size against the manifest.
void extract_checked(const files::ZipReader& zip, const std::string& entry, const ArchivedFile& expected,
                     const fs::path& path) {
  std::ofstream out(path, std::ios::binary);
  files::Sha256 hash;
  std::uint64_t bytes = 0;
  zip.read(entry, [&](std::string_view chunk) {
    hash.update(chunk);
    bytes += chunk.size();
    out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
  });
  out.close();
  if (!out) throw std::runtime_error("cannot write " + path.string());
  const auto sha256 = hash.hex_digest();
  if (sha256 != expected.sha256 || bytes != expected.bytes)
    throw BackupError(entry + " does not match the manifest: " + std::to_string(bytes) +
                      " bytes hashing to " + sha256 + ", the manifest says " +
                      std::to_string(expected.bytes) + " bytes, " + expected.sha256);
}

// The archive holds exactly the manifest, the dump and the files it lists.
void check_entries(const files::ZipReader& zip, const Manifest& manifest) {
  std::set<std::string> expected = {kManifestEntry, manifest.database_entry};
  for (const auto& file : manifest.files) expected.insert(file_entry(file.sha256));
  for (const auto& name : zip.names())
    if (!expected.erase(name))
      throw BackupError("the archive holds " + name + ", which its manifest does not list");
  if (!expected.empty())
    throw BackupError("the archive lacks " + *expected.begin() + ", listed in its manifest");
}

std::string first_difference(const std::vector<std::string>& differences) {
  std::string text = "row counts differ from the manifest: " + differences.front();
  if (differences.size() > 1) text += " (and " + std::to_string(differences.size() - 1) + " more tables)";
  for (const auto& d : differences) spdlog::error("restore: {}", d);
  return text;
}

// What the target already holds; empty when nothing.
std::string target_contents(const RestoreOptions& options) {
  std::vector<std::string> tables;
  if (!is_sqlite(options.db_url) || fs::exists(sqlite_path(options.db_url)))
    tables = table_names(*db::Database::open(options.db_url, 1)->acquire());
  std::string held;
  if (!tables.empty()) held = "the database has " + std::to_string(tables.size()) + " tables";
  if (!stored_files(options.files_root).empty())
    held += (held.empty() ? "" : "; ") + std::string("the file store holds files");
  return held;
}

void restore_database(const RestoreOptions& options, const Manifest& manifest, const fs::path& dump,
                      bool replace) {
  if (is_sqlite(options.db_url)) {
    // Counted before the target is touched: a wrong dump never reaches it.
    if (auto differences =
            count_differences(manifest.row_counts, row_counts(*db::open_sqlite(dump.string())));
        !differences.empty())
      throw BackupError(first_difference(differences));
    const auto target = sqlite_path(options.db_url);
    if (target.has_parent_path()) fs::create_directories(target.parent_path());
    db::sqlite_copy(dump, target);
    return;
  }
  auto database = db::Database::open(options.db_url, 1);
  auto lease = database->acquire();
  if (replace) clear_postgresql(*lease);
  run_or_throw({"pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
                "--dbname=" + options.db_url, dump.string()});
  if (auto differences = count_differences(manifest.row_counts, row_counts(*lease)); !differences.empty()) {
    clear_postgresql(*lease);
    throw BackupError(first_difference(differences));
  }
}

std::int64_t total_rows(const std::map<std::string, std::int64_t>& counts) {
  std::int64_t rows = 0;
  for (const auto& [table, n] : counts) rows += n;
  return rows;
}

BackupSummary summary_of(const Manifest& manifest) {
  BackupSummary summary{manifest.row_counts.size(), total_rows(manifest.row_counts), manifest.files.size(),
                        0};
  for (const auto& file : manifest.files) summary.file_bytes += file.bytes;
  return summary;
}

}  // namespace

BackupSummary create_backup(const BackupOptions& options, const Clock& clock) {
  const auto out = fs::absolute(options.out);
  StagingDir staging(out.parent_path(), ".riskwatch-backup-");
  Manifest manifest;
  manifest.created_at = format_utc(clock.now());
  manifest.riskwatch_version = RISKWATCH_VERSION;
  manifest.dialect = dialect_of(options.db_url);
  manifest.database_entry = database_entry(manifest.dialect);
  const auto dump = staging.path() / "database";
  manifest.row_counts = dump_database(options.db_url, dump);
  manifest.database = archived(dump);
  manifest.files = stored_files(options.files_root);  // after the snapshot: see backup.hpp

  files::ZipWriter zip(out);
  zip.add_bytes(kManifestEntry, to_json(manifest).dump(2), files::ZipWriter::Compression::deflate);
  // A SQLite file shrinks a lot; pg_dump's custom format is compressed already.
  zip.add_file(manifest.database_entry, dump,
               manifest.dialect == "sqlite" ? files::ZipWriter::Compression::deflate
                                            : files::ZipWriter::Compression::store);
  for (const auto& file : manifest.files)
    zip.add_file(file_entry(file.sha256), options.files_root / file_entry(file.sha256).substr(6));
  zip.close();
  return summary_of(manifest);
}

BackupSummary restore_backup(const RestoreOptions& options) {
  const files::ZipReader zip(options.in);
  if (!zip.contains(kManifestEntry)) throw BackupError("not a Riskwatch backup: no manifest.json");
  const auto manifest = parse_manifest(nlohmann::json::parse(zip.read_all(kManifestEntry)));
  if (manifest.dialect != dialect_of(options.db_url))
    throw BackupError("the backup is of a " + manifest.dialect + " database; restore it into the same kind");
  check_entries(zip, manifest);
  const auto held = target_contents(options);
  if (!held.empty() && !options.force)
    throw BackupError("the target is not empty (" + held + "); restore into an empty one, or pass --force");

  StagingDir staging(options.files_root / "tmp", "restore-");
  const auto dump = staging.path() / "database";
  extract_checked(zip, manifest.database_entry, manifest.database, dump);
  for (const auto& file : manifest.files)
    extract_checked(zip, file_entry(file.sha256), file, staging.path() / file.sha256);

  // Files first: a database whose rows name files is only written once they are all in place.
  files::DirectoryStore store(options.files_root);
  for (const auto& file : manifest.files) store.put_file(staging.path() / file.sha256);
  restore_database(options, manifest, dump, !held.empty());
  return summary_of(manifest);
}

std::string describe(const BackupSummary& summary) {
  std::ostringstream text;
  text << summary.tables << " tables, " << summary.rows << " rows, " << summary.files << " files ("
       << summary.file_bytes << " bytes)";
  return text.str();
}

}  // namespace rw::ops
