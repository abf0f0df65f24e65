// riskwatch backup / restore: a demo server is backed up while a client uploads photos to it, the archive is
// restored into a fresh database and data directory, and the copy is compared with the original — row counts,
// the stored files' hashes, and the answers demo users get. Tampered archives and full targets are refused.
#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include "harness.hpp"
#include "photo_fixtures.hpp"
#include "platform/db/database.hpp"
#include "platform/files/sha256.hpp"
#include "platform/files/zip_file.hpp"
#include "test_database.hpp"

using namespace rw::testing;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr const char* kNow = "2026-06-01T02:00:00Z";

int riskwatch(const std::vector<std::string>& args, const std::string& log) {
  std::string command = RISKWATCH_BINARY;
  for (const auto& a : args) command += " '" + a + "'";
  command += " >" + log + " 2>&1";
  return std::system(command.c_str());
}

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), {}};
}

// Row counts per table, read with the test's own SQL.
std::map<std::string, std::int64_t> counts_of(const std::string& url) {
  auto database = rw::db::Database::open(url, 1);
  auto lease = database->acquire();
  const auto tables =
      lease->query(database->dialect() == rw::db::Dialect::sqlite
                       ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                         "'sqlite%'"
                       : "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'");
  std::map<std::string, std::int64_t> counts;
  for (std::size_t i = 0; i < tables.size(); ++i) {
    const auto name = tables[i].text("name");
    counts[name] = lease->query("SELECT COUNT(*) AS n FROM \"" + name + "\"")[0].integer("n");
  }
  return counts;
}

std::set<std::string> file_hashes_in_rows(const std::string& url) {
  auto database = rw::db::Database::open(url, 1);
  const auto rows = database->acquire()->query("SELECT sha256 FROM files");
  std::set<std::string> hashes;
  for (std::size_t i = 0; i < rows.size(); ++i) hashes.insert(rows[i].text("sha256"));
  return hashes;
}

// name → hash of its bytes, for every object of a file store.
std::map<std::string, std::string> stored_objects(const fs::path& files_root) {
  std::map<std::string, std::string> objects;
  for (const auto& entry : fs::recursive_directory_iterator(files_root / "sha256"))
    if (entry.is_regular_file())
      objects[entry.path().filename().string()] = rw::files::sha256_of_file(entry.path());
  return objects;
}

class BackupApi : public ::testing::Test {
 protected:
  // One original, backed up once while a client uploads photos; the tests restore that archive.
  static void SetUpTestSuite() {
    original_ = std::make_unique<ServerProcess>(ServerConfig{{"--job-interval-seconds", "0"}, true, kNow});
    work_ = make_temp_dir();
    before_ = counts_of(original_->db_url());
    objects_before_ = stored_objects(fs::path(original_->dir()) / "data/files");
    const auto technician = client_for(original_->port(), "demo-technician");
    std::atomic<bool> done = false;
    std::thread uploads([&] {
      for (int seed = 900; !done || seed < 903; ++seed) {
        const auto r = technician.post_raw("/files", rw::files::make_photo_jpeg(seed, 64, 48), "image/jpeg");
        if (r.status == 201) acknowledged_.push_back(r.json()["sha256"].get<std::string>());
      }
    });
    backup_rc_ = riskwatch(
        {"backup", "--db", original_->db_url(), "--data-dir", original_->dir() + "/data", "--out", archive()},
        work_ + "/backup.log");
    done = true;
    uploads.join();
    after_ = counts_of(original_->db_url());
  }
  static void TearDownTestSuite() { original_.reset(); }
  static std::string archive() { return work_ + "/backup.zip"; }

  static inline std::unique_ptr<ServerProcess> original_;
  static inline std::string work_;
  static inline int backup_rc_ = -1;
  static inline std::map<std::string, std::int64_t> before_, after_;
  static inline std::map<std::string, std::string> objects_before_;
  static inline std::vector<std::string> acknowledged_;
};

TEST_F(BackupApi, RestoredCopyHasTheRowsFilesAndAnswersOfTheOriginal) {
  ASSERT_EQ(backup_rc_, 0) << read_text(work_ + "/backup.log");
  EXPECT_GE(acknowledged_.size(), 3u);
  const auto url = fresh_database_url();
  const auto data = make_temp_dir();
  ASSERT_EQ(
      riskwatch({"restore", "--in", archive(), "--db", url, "--data-dir", data}, work_ + "/restore.log"), 0)
      << read_text(work_ + "/restore.log");
  EXPECT_NE(read_text(work_ + "/restore.log").find("restored and verified"), std::string::npos);

  // Rows: what the original had between the start and the end of the backup, table by table; only the
  // uploads' tables may have grown meanwhile.
  const auto restored = counts_of(url);
  ASSERT_GT(restored.size(), 50u);
  ASSERT_EQ(restored.size(), before_.size());
  for (const auto& [table, rows] : restored) {
    EXPECT_GE(rows, before_.at(table)) << table;
    EXPECT_LE(rows, after_.at(table)) << table;
    if (before_.at(table) == after_.at(table)) EXPECT_EQ(rows, before_.at(table)) << table;
  }
  EXPECT_GT(after_.at("files"), before_.at("files"));

  // Files: every object hashes to its name, the original's objects are all there, and every file row of the
  // restored database has its bytes.
  const auto objects = stored_objects(fs::path(data) / "files");
  ASSERT_GE(objects.size(), 10u);
  for (const auto& [name, hash] : objects) EXPECT_EQ(name, hash);
  ASSERT_FALSE(objects_before_.empty());
  for (const auto& [name, hash] : objects_before_) EXPECT_TRUE(objects.contains(name)) << name;
  const auto named = file_hashes_in_rows(url);
  ASSERT_FALSE(named.empty());
  for (const auto& sha256 : named) EXPECT_TRUE(objects.contains(sha256)) << sha256;

  // Answers: the same GETs as demo users give the same JSON from the copy.
  ServerConfig config{{"--job-interval-seconds", "0", "--files-dir", data + "/files"}, false, kNow};
  config.db_url = url;
  ServerProcess copy(config);
  const std::vector<std::pair<std::string, std::string>> samples = {
      {"demo-insurer", "/enterprises"}, {"demo-agency", "/visits"},           {"demo-regulator", "/hazards"},
      {"demo-enterprise", "/notices"},  {"demo-admin", "/organizations"},     {"demo-agency", "/deadlines"},
      {"demo-expert", "/inspections"},  {"demo-insurer", "/commission-items"}};
  for (const auto& [user, path] : samples) {
    const auto before = client_for(original_->port(), user).get(path);
    const auto after = client_for(copy.port(), user).get(path);
    ASSERT_EQ(before.status, 200) << user << " " << path << " " << before.body;
    const auto items = before.json()["items"];
    EXPECT_FALSE(items.empty()) << user << " " << path;
    EXPECT_EQ(after.status, 200) << after.body;
    EXPECT_EQ(after.json(), before.json()) << user << " " << path;
  }
}

TEST_F(BackupApi, RestoreRefusesATamperedArchiveAndATargetThatHoldsData) {
  ASSERT_EQ(backup_rc_, 0) << read_text(work_ + "/backup.log");
  // One stored photo's byte flipped, the zip rewritten with a correct CRC: only the manifest can tell.
  const auto tampered = work_ + "/tampered.zip";
  std::string victim;
  {
    const rw::files::ZipReader in(archive());
    rw::files::ZipWriter out(tampered);
    for (const auto& name : in.names()) {
      auto bytes = in.read_all(name);
      if (victim.empty() && name.rfind("files/", 0) == 0) {
        victim = name;
        bytes[bytes.size() / 2] ^= 1;
      }
      out.add_bytes(name, std::move(bytes));
    }
    out.close();
  }
  ASSERT_FALSE(victim.empty());
  const auto url = fresh_database_url();
  const auto data = make_temp_dir();
  const auto log = work_ + "/tampered.log";
  EXPECT_NE(riskwatch({"restore", "--in", tampered, "--db", url, "--data-dir", data}, log), 0);
  EXPECT_NE(read_text(log).find(victim + " does not match the manifest"), std::string::npos)
      << read_text(log);
  // Nothing was written: no table, no stored file.
  EXPECT_TRUE(counts_of(url).empty());
  EXPECT_FALSE(fs::exists(fs::path(data) / "files/sha256") && !fs::is_empty(fs::path(data) / "files/sha256"));

  // The original's database holds data: refused without --force, and left as it was.
  const auto full = work_ + "/full.log";
  const auto rows = counts_of(original_->db_url());
  EXPECT_NE(riskwatch({"restore", "--in", archive(), "--db", original_->db_url(), "--data-dir", data}, full),
            0);
  EXPECT_NE(read_text(full).find("the target is not empty"), std::string::npos) << read_text(full);
  EXPECT_EQ(counts_of(original_->db_url()), rows);
}

}  // namespace
