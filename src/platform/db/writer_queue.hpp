#pragma once
// SQLite lets one transaction write at a time. A writer that finds the lock taken is left to SQLite's busy
// handler, which sleeps 1, 2, 5 … 100 ms between tries: under load a writer sleeps on long after the lock is
// free, and later writers overtake it (eight workers writing flat out saw a p99 of 0.7 s). So the writers of
// one process queue here, first come first served, and each takes SQLite's lock when its turn comes: the
// lock passes from one writer to the next with no sleep in between. Readers do not queue (WAL lets them read
// while one writes); the busy timeout still covers writers in other processes (the CLI, a second server).
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <string>

namespace rw::db {

class WriterQueue {
 public:
  // Waits for the caller's turn, at most `patience`; false (and out of the queue) when it did not come.
  bool enter(std::chrono::milliseconds patience);
  // Hands the turn to the next writer in the queue.
  void leave();
  // How many writers wait now.
  std::size_t waiting();

 private:
  struct Waiter {
    std::condition_variable turn;
    bool granted = false;
  };
  std::mutex mutex_;
  bool held_ = false;
  std::deque<Waiter*> waiting_;
};

// The queue of the SQLite file at `path`, shared by every connection of this process to that file (several
// pools may open one file); nullptr for an in-memory database, which no other connection sees.
std::shared_ptr<WriterQueue> writer_queue_for(const std::string& path);

}  // namespace rw::db
