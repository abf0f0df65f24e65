#pragma once
// SQLite lets one transaction write at a time. A writer that finds the lock taken is left to SQLite's busy
// handler, which sleeps 1, 2, 5 … 100 ms between tries: under load a writer sleeps on long after the lock is
// free, and later writers overtake it (eight workers writing flat out saw a p99 of 0.7 s). So the writers of
// one process queue here, first come first served, and each takes SQLite's lock when its turn comes: the
// lock passes from one writer to the next with no sleep in between. Readers do not queue (WAL lets them read
// while one writes); the busy timeout still covers writers in other processes (the CLI, a second server).
//
// The queue also decides who checkpoints the WAL. SQLite's automatic checkpoint runs in the writer whose
// commit takes the WAL past 1,000 pages, inside that writer's turn: copying the pages into the database file
// and syncing it was about 75 % of an answer's turn (bench/README.md, "The checkpoint in the turn"). The
// driver turns it off and, after a commit has left kCheckpointPages in the WAL, one connection of the process
// copies them outside the turns, then finishes in a turn of its own (sqlite_driver.cpp).
//
// Writers that queue while a transaction runs commit with it (CommitGroup): a transaction's BEGIN and COMMIT,
// and the pages each commit writes to the WAL again (a table's last page, an index's, the audit log's), were
// half of a created enterprise's turn.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace rw::db {

class WriterQueue {
 public:
  // Waits for the caller's turn, at most `patience`; false (and out of the queue) when it did not come.
  // `joins` says the caller writes in a transaction and may be handed one that is open (hand_on_open).
  bool enter(std::chrono::milliseconds patience, bool joins = false);
  // Hands the turn to the next writer in the queue.
  void leave();
  // Hands the turn, with the caller's transaction still open, to the next writer when that one came to join
  // it; false (the turn still the caller's) when none waits or the next does not join.
  bool hand_on_open();
  // How many writers wait now.
  std::size_t waiting();

  // Whether the connection whose commit left `wal_pages` pages in the WAL checkpoints now: the WAL has grown
  // past the mark and no other connection of the process is checkpointing. True makes it the checkpointer
  // until `checkpointed`.
  bool take_checkpoint(int wal_pages);
  // The checkpoint is over. Restarted: the next writer starts the WAL over. Not (a reader kept an old
  // snapshot past the checkpoint's patience): the next try waits until the WAL has grown another
  // kCheckpointPages, so a long reader does not make every commit try again.
  void checkpointed(bool restarted, int wal_pages);

  static constexpr int kCheckpointPages = 2000;  // 8 MB of 4 KB pages

 private:
  struct Waiter {
    std::condition_variable turn;
    bool joins = false;
    bool granted = false;
  };
  void grant_next();  // under mutex_, with a writer waiting
  std::mutex mutex_;
  bool held_ = false;
  std::deque<Waiter*> waiting_;
  bool checkpointing_ = false;
  int checkpoint_at_ = kCheckpointPages;
};

// The writers whose work one open transaction holds: each has finished and waits for the COMMIT, which the
// last of them runs when no writer waits to join or the group is full. The turn's holders call join() and
// settle() (one at a time); the members wait on their own threads.
class CommitGroup {
 public:
  struct Outcome {
    bool settled = false;
    std::exception_ptr failure;  // why the transaction, and every member's work in it, did not commit
  };
  // A writer's work is in the open transaction: the outcome to wait for.
  std::shared_ptr<Outcome> join();
  // How many writers' work the open transaction holds.
  std::size_t members();
  // The open transaction ended: committed when `failure` is null. The next writer starts a new group.
  void settle(std::exception_ptr failure);
  // Until the group of `outcome` has settled; rethrows its failure.
  void wait(const std::shared_ptr<Outcome>& outcome);

  // A group's first writer waits for every writer after it: at most this many (about 0.3 ms each).
  static constexpr std::size_t kMostMembers = 8;

 private:
  std::mutex mutex_;
  std::condition_variable settled_;
  std::shared_ptr<Outcome> open_ = std::make_shared<Outcome>();
  std::size_t members_ = 0;
};

// The canonical name of the SQLite file at `path`; empty for an in-memory database, which no other
// connection sees.
std::string database_file_key(const std::string& path);

// One T per SQLite file, shared by every connection of this process to that file (several pools may open
// one file) while any of them holds it; nullptr for an in-memory database. `make` creates the first.
template <class T, class Make>
std::shared_ptr<T> one_per_file(const std::string& path, Make make) {
  const auto key = database_file_key(path);
  if (key.empty()) return nullptr;
  static std::mutex mutex;
  static std::map<std::string, std::weak_ptr<T>> shared;
  std::lock_guard lock(mutex);
  std::erase_if(shared, [](const auto& entry) { return entry.second.expired(); });
  auto& slot = shared[key];
  auto object = slot.lock();
  if (!object) slot = object = make();
  return object;
}

// The queue of the SQLite file at `path`.
std::shared_ptr<WriterQueue> writer_queue_for(const std::string& path);

}  // namespace rw::db
