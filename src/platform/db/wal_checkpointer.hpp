#pragma once
// SQLite's automatic checkpoint runs in the writer whose commit takes the WAL past 1,000 pages, inside that
// writer's turn (writer_queue.hpp): it copies the pages into the database file and syncs it while every other
// writer of the process waits. The connections of a process turn it off instead (their commits call
// `committed` through sqlite3_wal_hook, which replaces the automatic checkpoint) and a thread of this file
// runs PASSIVE checkpoints on a connection of its own, beside the writers: they go on appending to the WAL
// while it copies. Should the thread fall far behind (a bulk load committing back to back), the committing
// writer checkpoints itself again, as SQLite would.
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

struct sqlite3;

namespace rw::db {

enum class Checkpointer { none, thread, writer };

// Who checkpoints after a commit that left `wal_pages` pages in the WAL.
Checkpointer who_checkpoints(int wal_pages);

class WalCheckpointer {
 public:
  explicit WalCheckpointer(std::string path) : path_(std::move(path)) {}
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;
  ~WalCheckpointer();

  // Called after each commit of a connection to the file, in the committing writer's turn.
  void committed(sqlite3* db, int wal_pages);

 private:
  void wake();
  void run();

  std::string path_;
  std::mutex mutex_;
  std::condition_variable wanted_;
  bool pending_ = false;
  bool stopping_ = false;
  std::thread thread_;  // started by the first commit that needs a checkpoint
};

}  // namespace rw::db
