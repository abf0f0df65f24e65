#include "ops/backup_manifest.hpp"

#include <gtest/gtest.h>

namespace rw::ops {
namespace {

const std::string kHashA(64, 'a');
const std::string kHashB = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

Manifest sample() {
  Manifest m;
  m.created_at = "2026-06-01T02:00:00Z";
  m.riskwatch_version = "1.2.3";
  m.dialect = "postgresql";
  m.database_entry = "database/riskwatch.pgdump";
  m.database = {kHashA, 4096};
  m.row_counts = {{"hazards", 12}, {"users", 9}};
  m.files = {{kHashB, 17}};
  return m;
}

TEST(BackupManifest, RoundTripsThroughJson) {
  const auto parsed = parse_manifest(nlohmann::json::parse(to_json(sample()).dump()));
  EXPECT_EQ(parsed.created_at, "2026-06-01T02:00:00Z");
  EXPECT_EQ(parsed.dialect, "postgresql");
  EXPECT_EQ(parsed.database_entry, "database/riskwatch.pgdump");
  EXPECT_EQ(parsed.database.sha256, kHashA);
  EXPECT_EQ(parsed.database.bytes, 4096u);
  EXPECT_EQ(parsed.row_counts, (std::map<std::string, std::int64_t>{{"hazards", 12}, {"users", 9}}));
  ASSERT_EQ(parsed.files.size(), 1u);
  EXPECT_EQ(parsed.files[0].sha256, kHashB);
  EXPECT_EQ(parsed.files[0].bytes, 17u);
}

TEST(BackupManifest, FileEntriesFollowTheStoreLayout) {
  EXPECT_EQ(file_entry(kHashB), "files/sha256/01/23/" + kHashB);
  EXPECT_EQ(database_entry("sqlite"), "database/riskwatch.sqlite3");
  EXPECT_EQ(database_entry("postgresql"), "database/riskwatch.pgdump");
}

TEST(BackupManifest, RefusesWhatItCannotRestore) {
  const auto json = to_json(sample());
  const auto refused = [&](const std::function<void(nlohmann::json&)>& edit, const std::string& says) {
    auto copy = json;
    edit(copy);
    try {
      parse_manifest(copy);
      ADD_FAILURE() << "accepted: " << says;
    } catch (const BackupError& e) {
      EXPECT_NE(std::string(e.what()).find(says), std::string::npos) << e.what();
    }
  };
  refused([](auto& j) { j["format"] = "tar"; }, "not a Riskwatch backup");
  refused([](auto& j) { j["version"] = 2; }, "version 2 is not supported");
  refused([](auto& j) { j["dialect"] = "mysql"; }, "unknown dialect mysql");
  refused([](auto& j) { j["database"]["entry"] = "../../etc/passwd"; }, "unexpected database entry");
  // A hash becomes a path of the file store: anything but 64 lower-case hex characters is refused.
  refused([](auto& j) { j["files"][0]["sha256"] = "../../../../etc/passwd"; }, "malformed sha256");
  refused([](auto& j) { j["files"][0]["bytes"] = -1; }, "needs sha256 and bytes");
  refused([](auto& j) { j["row_counts"]["users"] = "9"; }, "row count of users");
  refused([](auto& j) { j["row_counts"] = nlohmann::json::object(); }, "no row counts");
  refused([](auto& j) { j.erase("files"); }, "no file list");
}

TEST(BackupManifest, CountDifferencesNameEveryTableThatDiffers) {
  const std::map<std::string, std::int64_t> backup = {{"hazards", 12}, {"users", 9}, {"visits", 3}};
  EXPECT_TRUE(count_differences(backup, backup).empty());
  const auto differences = count_differences(backup, {{"hazards", 11}, {"users", 9}, {"extra", 1}});
  EXPECT_EQ(differences, (std::vector<std::string>{"hazards: 12 in the backup, 11 restored",
                                                   "visits: 3 in the backup, table missing after restore",
                                                   "extra: not in the backup, 1 rows after restore"}));
}

}  // namespace
}  // namespace rw::ops
