#include "ops/backup_manifest.hpp"

#include "platform/files/sha256.hpp"

namespace rw::ops {
namespace {

ArchivedFile archived_file(const nlohmann::json& json, const std::string& what) {
  if (!json.is_object() || !json.contains("sha256") || !json["sha256"].is_string() ||
      !json.contains("bytes") || !json["bytes"].is_number_unsigned())
    throw BackupError("manifest: " + what + " needs sha256 and bytes");
  ArchivedFile file{json["sha256"].get<std::string>(), json["bytes"].get<std::uint64_t>()};
  if (!files::is_sha256_hex(file.sha256)) throw BackupError("manifest: " + what + " has a malformed sha256");
  return file;
}

nlohmann::json archived_json(const ArchivedFile& file) {
  return {{"sha256", file.sha256}, {"bytes", file.bytes}};
}

std::string text(const nlohmann::json& json, const char* key) {
  if (!json.contains(key) || !json[key].is_string()) throw BackupError(std::string("manifest: no ") + key);
  return json[key].get<std::string>();
}

}  // namespace

std::string file_entry(const std::string& sha256) {
  return "files/sha256/" + sha256.substr(0, 2) + "/" + sha256.substr(2, 2) + "/" + sha256;
}

std::string database_entry(const std::string& dialect) {
  return dialect == "sqlite" ? "database/riskwatch.sqlite3" : "database/riskwatch.pgdump";
}

nlohmann::json to_json(const Manifest& manifest) {
  auto files = nlohmann::json::array();
  for (const auto& file : manifest.files) files.push_back(archived_json(file));
  return {{"format", kBackupFormat},
          {"version", kBackupFormatVersion},
          {"created_at", manifest.created_at},
          {"riskwatch_version", manifest.riskwatch_version},
          {"dialect", manifest.dialect},
          {"database",
           {{"entry", manifest.database_entry},
            {"sha256", manifest.database.sha256},
            {"bytes", manifest.database.bytes}}},
          {"row_counts", manifest.row_counts},
          {"files", files}};
}

Manifest parse_manifest(const nlohmann::json& json) {
  if (!json.is_object() || json.value("format", "") != kBackupFormat)
    throw BackupError("not a Riskwatch backup (its manifest.json has another format)");
  if (json.value("version", 0) != kBackupFormatVersion)
    throw BackupError("backup format version " + json.value("version", nlohmann::json()).dump() +
                      " is not supported (this build reads version " + std::to_string(kBackupFormatVersion) +
                      ")");
  Manifest manifest;
  manifest.created_at = text(json, "created_at");
  manifest.riskwatch_version = text(json, "riskwatch_version");
  manifest.dialect = text(json, "dialect");
  if (manifest.dialect != "sqlite" && manifest.dialect != "postgresql")
    throw BackupError("manifest: unknown dialect " + manifest.dialect);
  if (!json.contains("database")) throw BackupError("manifest: no database");
  manifest.database = archived_file(json["database"], "the database");
  manifest.database_entry = text(json["database"], "entry");
  if (manifest.database_entry != database_entry(manifest.dialect))
    throw BackupError("manifest: unexpected database entry " + manifest.database_entry);
  if (!json.contains("row_counts") || !json["row_counts"].is_object() || json["row_counts"].empty())
    throw BackupError("manifest: no row counts");
  for (const auto& [table, rows] : json["row_counts"].items()) {
    if (!rows.is_number_integer() || rows.get<std::int64_t>() < 0)
      throw BackupError("manifest: the row count of " + table + " is not a count");
    manifest.row_counts[table] = rows.get<std::int64_t>();
  }
  if (!json.contains("files") || !json["files"].is_array()) throw BackupError("manifest: no file list");
  for (const auto& file : json["files"]) manifest.files.push_back(archived_file(file, "a stored file"));
  return manifest;
}

std::vector<std::string> count_differences(const std::map<std::string, std::int64_t>& expected,
                                           const std::map<std::string, std::int64_t>& actual) {
  std::vector<std::string> differences;
  for (const auto& [table, rows] : expected) {
    const auto found = actual.find(table);
    if (found == actual.end())
      differences.push_back(table + ": " + std::to_string(rows) +
                            " in the backup, table missing after restore");
    else if (found->second != rows)
      differences.push_back(table + ": " + std::to_string(rows) + " in the backup, " +
                            std::to_string(found->second) + " restored");
  }
  for (const auto& [table, rows] : actual)
    if (!expected.contains(table))
      differences.push_back(table + ": not in the backup, " + std::to_string(rows) + " rows after restore");
  return differences;
}

}  // namespace rw::ops
