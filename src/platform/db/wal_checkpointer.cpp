#include "platform/db/wal_checkpointer.hpp"

#include <spdlog/spdlog.h>
#include <sqlite3.h>

namespace rw::db {
namespace {

// SQLite's own threshold (SQLITE_DEFAULT_WAL_AUTOCHECKPOINT): the WAL stays about 4 MB.
constexpr int kThreadPages = 1000;
// About 32 MB of WAL: the thread cannot keep up, and a WAL that only grows makes every reader slower.
constexpr int kWriterPages = 8000;

void checkpoint(sqlite3* db, const std::string& path) {
  const int rc = sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  // BUSY: another connection checkpoints now; the next commit asks again.
  if (rc != SQLITE_OK && rc != SQLITE_BUSY)
    spdlog::warn("sqlite: checkpoint of {} failed: {}", path, sqlite3_errmsg(db));
}

}  // namespace

Checkpointer who_checkpoints(int wal_pages) {
  if (wal_pages >= kWriterPages) return Checkpointer::writer;
  if (wal_pages >= kThreadPages) return Checkpointer::thread;
  return Checkpointer::none;
}

WalCheckpointer::~WalCheckpointer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wanted_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void WalCheckpointer::committed(sqlite3* db, int wal_pages) {
  switch (who_checkpoints(wal_pages)) {
    case Checkpointer::none:
      return;
    case Checkpointer::thread:
      return wake();
    case Checkpointer::writer:
      return checkpoint(db, path_);
  }
}

void WalCheckpointer::wake() {
  {
    std::lock_guard lock(mutex_);
    pending_ = true;
    if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
  }
  wanted_.notify_one();
}

void WalCheckpointer::run() {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) !=
      SQLITE_OK) {
    spdlog::warn("sqlite: the checkpointer cannot open {}: {}", path_,
                 db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return;  // the writers checkpoint themselves from kWriterPages on
  }
  // A connection learns that the file is in WAL mode at its first read; until then a checkpoint does nothing.
  if (sqlite3_exec(db, "PRAGMA schema_version", nullptr, nullptr, nullptr) != SQLITE_OK)
    spdlog::warn("sqlite: the checkpointer cannot read {}: {}", path_, sqlite3_errmsg(db));
  std::unique_lock lock(mutex_);
  for (;;) {
    wanted_.wait(lock, [this] { return pending_ || stopping_; });
    if (stopping_) break;
    pending_ = false;
    lock.unlock();
    checkpoint(db, path_);
    lock.lock();
  }
  lock.unlock();
  sqlite3_close(db);  // the last connection to the file: SQLite checkpoints and removes the WAL
}

}  // namespace rw::db
