#include "platform/db/sqlite_copy.hpp"

#include <sqlite3.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace rw::db {
namespace {

using Handle = std::unique_ptr<sqlite3, decltype(&sqlite3_close)>;

Handle open(const std::filesystem::path& path, int flags) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  Handle handle(db, &sqlite3_close);
  if (rc != SQLITE_OK)
    throw std::runtime_error("sqlite: cannot open " + path.string() + ": " + sqlite3_errstr(rc));
  sqlite3_busy_timeout(db, 10'000);
  return handle;
}

}  // namespace

void sqlite_copy(const std::filesystem::path& from, const std::filesystem::path& to) {
  if (!std::filesystem::exists(from)) throw std::runtime_error("sqlite: no database at " + from.string());
  auto source = open(from, SQLITE_OPEN_READONLY);
  auto destination = open(to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  sqlite3_backup* backup = sqlite3_backup_init(destination.get(), "main", source.get(), "main");
  if (!backup) throw std::runtime_error(std::string("sqlite backup: ") + sqlite3_errmsg(destination.get()));
  // All pages in one step: one read transaction on the source, so the copy is a single snapshot.
  int rc = SQLITE_OK;
  do {
    rc = sqlite3_backup_step(backup, -1);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE)
    throw std::runtime_error("sqlite backup of " + from.string() + " failed: " + sqlite3_errstr(rc));
}

}  // namespace rw::db
