#include "test_database.hpp"

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include <unistd.h>

#include "platform/db/database.hpp"

namespace rw::testing {

bool using_postgresql() {
  const char* url = std::getenv("RISKWATCH_TEST_PG");
  return url && *url;
}

std::string make_temp_dir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "riskwatch-test-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

std::string fresh_database_url() {
  static std::atomic<int> counter{0};
  if (!using_postgresql()) return "sqlite://" + make_temp_dir() + "/test.db";
  const std::string admin_url = std::getenv("RISKWATCH_TEST_PG");
  const std::string name = "rw_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
  auto admin = db::Database::open(admin_url, 1);
  admin->acquire()->execute_script("CREATE DATABASE " + name);
  return admin_url.substr(0, admin_url.rfind('/') + 1) + name;
}

}  // namespace rw::testing
