#include "test_database.hpp"

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <vector>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "platform/db/database.hpp"

namespace rw::testing {

bool using_postgresql() {
  const char* url = std::getenv("RISKWATCH_TEST_PG");
  return url && *url;
}

namespace {

std::mutex made_dirs_mutex;
std::vector<std::string> made_dirs;

}  // namespace

std::string make_temp_dir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "riskwatch-test-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  const std::lock_guard lock(made_dirs_mutex);
  made_dirs.push_back(pattern);
  return pattern;
}

void remove_temp_dirs() {
  const std::lock_guard lock(made_dirs_mutex);
  for (const auto& dir : made_dirs) {
    std::error_code ignored;  // a directory a test removed itself is gone already
    std::filesystem::remove_all(dir, ignored);
  }
  made_dirs.clear();
}

namespace {

std::string next_database_name() {
  static std::atomic<int> counter{0};
  return "rw_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
}

std::string template_dir() {
  auto dir =
      std::filesystem::temp_directory_path() / ("riskwatch-test-templates-" + std::to_string(getuid()));
  std::filesystem::create_directories(dir);
  return dir.string();
}

// Holds an exclusive lock on a file for as long as it lives: one test process makes a template while the
// others wait for it.
class FileLock {
 public:
  explicit FileLock(const std::string& path) : fd_(::open(path.c_str(), O_RDWR | O_CREAT, 0644)) {
    if (fd_ < 0 || ::flock(fd_, LOCK_EX) != 0) throw std::runtime_error("cannot lock " + path);
  }
  ~FileLock() { ::close(fd_); }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_;
};

std::string sqlite_from_template(const std::string& key,
                                 const std::function<void(const std::string&)>& make) {
  const std::filesystem::path made = template_dir() + "/" + key + ".db";
  {
    FileLock lock(made.string() + ".lock");
    if (!std::filesystem::exists(made)) {
      const std::filesystem::path work = make_temp_dir() + "/template.db";
      make("sqlite://" + work.string());
      // `make` ran in processes that closed the file, so the write-ahead log is folded into it.
      if (std::filesystem::exists(work.string() + "-wal")) throw std::runtime_error("template left a WAL");
      std::filesystem::copy_file(work, made.string() + ".tmp");
      std::filesystem::rename(made.string() + ".tmp", made);  // others never copy half a template
    }
  }
  const auto copy = make_temp_dir() + "/test.db";
  std::filesystem::copy_file(made, copy);
  return "sqlite://" + copy;
}

std::string postgresql_from_template(const std::string& key,
                                     const std::function<void(const std::string&)>& make) {
  const std::string admin_url = std::getenv("RISKWATCH_TEST_PG");
  const std::string base = admin_url.substr(0, admin_url.rfind('/') + 1);
  const std::string made = "rw_template_" + key;
  FileLock lock(template_dir() + "/" + made + ".pglock");
  auto admin = db::Database::open(admin_url, 1);
  auto connection = admin->acquire();
  const bool ready = !connection->query("SELECT 1 FROM pg_database WHERE datname = ?", {made}).empty();
  if (!ready) {
    const auto work = made + "_making";
    connection->execute_script("DROP DATABASE IF EXISTS " + work);
    connection->execute_script("CREATE DATABASE " + work);
    make(base + work);
    connection->execute_script("ALTER DATABASE " + work + " RENAME TO " + made);
  }
  const auto name = next_database_name();
  connection->execute_script("CREATE DATABASE " + name + " TEMPLATE " + made);
  return base + name;
}

}  // namespace

std::string fresh_database_url() {
  if (!using_postgresql()) return "sqlite://" + make_temp_dir() + "/test.db";
  const std::string admin_url = std::getenv("RISKWATCH_TEST_PG");
  const std::string name = next_database_name();
  auto admin = db::Database::open(admin_url, 1);
  admin->acquire()->execute_script("CREATE DATABASE " + name);
  return admin_url.substr(0, admin_url.rfind('/') + 1) + name;
}

std::string database_from_template(const std::string& key,
                                   const std::function<void(const std::string&)>& make) {
  return using_postgresql() ? postgresql_from_template(key, make) : sqlite_from_template(key, make);
}

}  // namespace rw::testing
