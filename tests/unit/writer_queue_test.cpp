// Writers of one process take turns for the SQLite write lock (platform/db/writer_queue.hpp); the database
// tests run against the real engine (SQLite, or PostgreSQL when RISKWATCH_TEST_PG is set).
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <future>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "platform/db/bulk_write.hpp"
#include "platform/db/database.hpp"
#include "platform/db/writer_queue.hpp"
#include "test_database.hpp"

using namespace rw::db;
using namespace std::chrono_literals;

namespace {

void wait_until_waiting(WriterQueue& queue, std::size_t n) {
  while (queue.waiting() != n) std::this_thread::yield();
}

}  // namespace

TEST(WriterQueue, TurnsGoInArrivalOrder) {
  WriterQueue queue;
  ASSERT_TRUE(queue.enter(1s));
  std::mutex mutex;
  std::vector<std::string> order;
  const auto writer = [&](std::string name) {
    return std::thread([&, name] {
      ASSERT_TRUE(queue.enter(10s));
      {
        std::lock_guard lock(mutex);
        order.push_back(name);
      }
      queue.leave();
    });
  };
  auto b = writer("b");
  wait_until_waiting(queue, 1);
  auto c = writer("c");
  wait_until_waiting(queue, 2);
  queue.leave();
  b.join();
  c.join();
  EXPECT_EQ(order, (std::vector<std::string>{"b", "c"}));
  EXPECT_EQ(queue.waiting(), 0u);
  EXPECT_TRUE(queue.enter(0ms));  // free again
}

TEST(WriterQueue, GivesUpAfterItsPatienceAndLeavesTheQueue) {
  WriterQueue queue;
  ASSERT_TRUE(queue.enter(1s));
  EXPECT_FALSE(queue.enter(20ms));
  EXPECT_EQ(queue.waiting(), 0u);
  queue.leave();
  EXPECT_TRUE(queue.enter(0ms));
}

TEST(WriterQueue, HandsAnOpenTransactionOnlyToAWriterThatJoinsIt) {
  WriterQueue queue;
  ASSERT_TRUE(queue.enter(1s));
  EXPECT_FALSE(queue.hand_on_open());  // nobody waits: the turn stays
  std::vector<std::string> order;
  auto alone = std::thread([&] {
    ASSERT_TRUE(queue.enter(10s));
    order.push_back("alone");
    queue.leave();
  });
  wait_until_waiting(queue, 1);
  EXPECT_FALSE(queue.hand_on_open());  // a statement on its own never gets an open transaction
  queue.leave();
  alone.join();
  ASSERT_TRUE(queue.enter(1s));
  auto joining = std::thread([&] {
    ASSERT_TRUE(queue.enter(10s, true));
    order.push_back("joining");
    queue.leave();
  });
  wait_until_waiting(queue, 1);
  EXPECT_TRUE(queue.hand_on_open());
  joining.join();
  EXPECT_EQ(order, (std::vector<std::string>{"alone", "joining"}));
  EXPECT_TRUE(queue.enter(0ms));  // the joiner's leave() freed it
}

TEST(CommitGroup, EveryMemberLearnsHowItsGroupEnded) {
  CommitGroup group;
  const auto first = group.join();
  const auto second = group.join();
  EXPECT_EQ(group.members(), 2u);
  auto waiter = std::async(std::launch::async, [&] { group.wait(first); });
  EXPECT_EQ(waiter.wait_for(50ms), std::future_status::timeout);
  group.settle(nullptr);
  waiter.get();
  group.wait(second);
  EXPECT_EQ(group.members(), 0u);  // the next writer starts a new group
  const auto third = group.join();
  group.settle(std::make_exception_ptr(std::runtime_error("disk full")));
  EXPECT_THROW(group.wait(third), std::runtime_error);
  group.wait(first);  // an earlier group's outcome stays its own
}

TEST(WriterQueue, OnePerDatabaseFile) {
  const auto dir = rw::testing::make_temp_dir();
  const auto a = writer_queue_for(dir + "/a.db");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(writer_queue_for(dir + "/./a.db"), a);
  EXPECT_NE(writer_queue_for(dir + "/b.db"), a);
  EXPECT_EQ(writer_queue_for(":memory:"), nullptr);
}

// Eight writers at once (the server's workers), each committing its own transactions, two pools on one
// file, and statements that write outside a transaction: every write commits, none is refused as busy.
TEST(ConcurrentWriters, AllCommitAndNoneIsRefusedAsBusy) {
  const auto url = rw::testing::fresh_database_url();
  auto first = Database::open(url, 8);
  auto second = Database::open(url, 2);
  first->acquire()->execute_script(
      "CREATE TABLE tally (id INTEGER PRIMARY KEY, n INTEGER NOT NULL); INSERT INTO tally VALUES (1, 0); "
      "CREATE TABLE entries (writer INTEGER NOT NULL, k INTEGER NOT NULL)");
  constexpr int kWriters = 8, kEach = 40;
  std::mutex mutex;
  std::vector<std::string> failures;
  const auto record = [&](const std::exception& error) {
    std::lock_guard lock(mutex);
    failures.emplace_back(error.what());
  };
  std::vector<std::thread> threads;
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&, w] {
      Database& database = w % 4 == 3 ? *second : *first;
      for (int k = 0; k < kEach; ++k) {
        try {
          auto lease = database.acquire();
          if (w == 0 && k % 2 == 0) {  // a write on its own, as a session's last-seen touch is
            lease->execute("UPDATE tally SET n = n + 1 WHERE id = 1");
            lease->execute("INSERT INTO entries (writer, k) VALUES (?, ?)",
                           {std::int64_t{w}, std::int64_t{k}});
            continue;
          }
          Transaction transaction(*lease, true);
          lease->execute("UPDATE tally SET n = n + 1 WHERE id = 1");
          lease->execute("INSERT INTO entries (writer, k) VALUES (?, ?)", {std::int64_t{w}, std::int64_t{k}});
          transaction.commit();
        } catch (const std::exception& error) {
          record(error);
        }
      }
    });
  }
  // A reader meanwhile: WAL lets it read while the writers take turns.
  threads.emplace_back([&] {
    for (int k = 0; k < kEach; ++k) {
      try {
        first->acquire()->query("SELECT COUNT(*) AS n FROM entries");
      } catch (const std::exception& error) {
        record(error);
      }
    }
  });
  for (auto& thread : threads) thread.join();
  EXPECT_TRUE(failures.empty()) << (failures.empty() ? "" : failures.front());
  auto lease = first->acquire();
  EXPECT_EQ(lease->query("SELECT n FROM tally WHERE id = 1")[0].integer("n"), kWriters * kEach);
  EXPECT_EQ(lease->query("SELECT COUNT(*) AS n FROM entries")[0].integer("n"), kWriters * kEach);
}

TEST(WalCheckpoint, OneConnectionAtATimeFromTheMarkOn) {
  WriterQueue queue;
  EXPECT_FALSE(queue.take_checkpoint(WriterQueue::kCheckpointPages - 1));
  ASSERT_TRUE(queue.take_checkpoint(WriterQueue::kCheckpointPages));
  EXPECT_FALSE(queue.take_checkpoint(WriterQueue::kCheckpointPages + 500));  // one is checkpointing
  queue.checkpointed(true, WriterQueue::kCheckpointPages);
  EXPECT_TRUE(queue.take_checkpoint(WriterQueue::kCheckpointPages));
}

TEST(WalCheckpoint, AfterAFailedRestartTheNextTryWaitsForTheWalToGrowAgain) {
  WriterQueue queue;
  const int pages = WriterQueue::kCheckpointPages + 300;
  ASSERT_TRUE(queue.take_checkpoint(pages));
  queue.checkpointed(false, pages);  // a reader kept the old WAL
  EXPECT_FALSE(queue.take_checkpoint(pages + 1));
  EXPECT_FALSE(queue.take_checkpoint(pages + WriterQueue::kCheckpointPages - 1));
  ASSERT_TRUE(queue.take_checkpoint(pages + WriterQueue::kCheckpointPages));
  queue.checkpointed(true, pages + WriterQueue::kCheckpointPages);
  EXPECT_TRUE(queue.take_checkpoint(WriterQueue::kCheckpointPages));  // the mark is back where it was
}

// Writers flat out while readers read all the time: the checkpoints outside the turns must still let the WAL
// start over, or it only grows (the checkpointer thread tried on 2026-12-02 let it grow 30 MB/s). About 32 MB
// of pages go through the WAL here; it may hold at most a few marks' worth.
TEST(WalCheckpoint, TheWalStartsOverUnderConcurrentReadersAndWriters) {
  const auto path = rw::testing::make_temp_dir() + "/wal.db";
  auto database = Database::open("sqlite://" + path, 8);
  database->acquire()->execute_script("CREATE TABLE pages (id INTEGER PRIMARY KEY, body BLOB NOT NULL)");
  constexpr int kWriters = 4, kEach = 2000;
  std::atomic<bool> writing{true};
  std::atomic<std::uintmax_t> largest_wal{0};
  std::atomic<int> reads{0};
  std::vector<std::thread> threads;
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&] {
      for (int k = 0; k < kEach; ++k) {
        auto lease = database->acquire();
        Transaction transaction(*lease, true);
        lease->execute("INSERT INTO pages (body) VALUES (zeroblob(4000))");
        transaction.commit();
      }
    });
  }
  for (int r = 0; r < 3; ++r) {
    threads.emplace_back([&] {
      while (writing) {
        auto lease = database->acquire();
        Transaction transaction(*lease, false);
        lease->query("SELECT MAX(id) AS n FROM pages");
        transaction.commit();
        ++reads;
      }
    });
  }
  threads.emplace_back([&] {
    while (writing) {
      std::error_code error;
      const auto size = std::filesystem::file_size(path + "-wal", error);
      if (!error && size > largest_wal) largest_wal = size;
      std::this_thread::sleep_for(1ms);
    }
  });
  for (int w = 0; w < kWriters; ++w) threads[w].join();
  writing = false;
  for (auto& thread : threads)
    if (thread.joinable()) thread.join();
  EXPECT_GT(reads.load(), 0);
  EXPECT_EQ(database->acquire()->query("SELECT COUNT(*) AS n FROM pages")[0].integer("n"), kWriters * kEach);
  EXPECT_GT(largest_wal.load(), 0u);
  EXPECT_LT(largest_wal.load(), std::uintmax_t{4} * WriterQueue::kCheckpointPages * 4096);
}

// Every write transaction of the process runs through one SQLite handle per file, so its page cache stays
// valid from one writer to the next. PRAGMA data_version changes only when another handle has committed: two
// connections each writing through a handle of their own would see each other's commit.
TEST(SharedWriter, WritesOfAllConnectionsGoThroughOneHandle) {
  auto database = Database::open("sqlite://" + rw::testing::make_temp_dir() + "/shared.db", 2);
  auto first = database->acquire();
  auto second = database->acquire();
  first->execute_script("CREATE TABLE t (n INTEGER NOT NULL)");
  const auto version_in_a_write = [](Connection& connection) {
    Transaction transaction(connection, true);
    const auto version = connection.query("PRAGMA data_version")[0].integer("data_version");
    connection.execute("INSERT INTO t (n) VALUES (1)");
    transaction.commit();
    return version;
  };
  const auto before = version_in_a_write(*first);
  EXPECT_EQ(version_in_a_write(*second), before);
  EXPECT_EQ(version_in_a_write(*first), before);
  // A reader's own handle does see the writes as another handle's.
  EXPECT_NE(second->query("PRAGMA data_version")[0].integer("data_version"), before);
  EXPECT_EQ(second->query("SELECT COUNT(*) AS n FROM t")[0].integer("n"), 3);
}

// A connection dropped in the middle of a write (its thread gone, no rollback) leaves the shared handle
// clean: the next writer starts its own transaction and nothing of the dropped one is kept.
TEST(SharedWriter, AConnectionDroppedInAWriteRollsItBack) {
  const auto path = rw::testing::make_temp_dir() + "/dropped.db";
  auto setup = open_sqlite(path);  // keeps the shared handle open past the dropped connection
  setup->execute_script("CREATE TABLE t (n INTEGER NOT NULL)");
  {
    auto dropped = open_sqlite(path);
    dropped->begin(true);
    dropped->execute("INSERT INTO t (n) VALUES (1)");
  }
  auto next = open_sqlite(path);
  Transaction transaction(*next, true);
  next->execute("INSERT INTO t (n) VALUES (2)");
  transaction.commit();
  EXPECT_EQ(next->query("SELECT group_concat(n) AS ns FROM t")[0].text("ns"), "2");
}

// An import raises the writing handle's cache while it runs (BulkWrite) and gives back what it had, so the
// shared handle keeps its own size for the writers after it.
TEST(SharedWriter, ABulkWriteGivesBackTheCacheItFound) {
  auto database = Database::open("sqlite://" + rw::testing::make_temp_dir() + "/bulk.db", 2);
  const auto cache_in_a_write = [&](bool bulk) {
    auto lease = database->acquire();
    Transaction transaction(*lease, true);
    std::optional<BulkWrite> scope;
    if (bulk) scope.emplace(*lease);
    const auto size = lease->query("PRAGMA cache_size")[0].integer("cache_size");
    scope.reset();
    transaction.commit();
    return size;
  };
  const auto usual = cache_in_a_write(false);
  EXPECT_LT(usual, -2000);  // larger than SQLite's default of 2,000 KiB
  EXPECT_EQ(cache_in_a_write(true), -65536);
  EXPECT_EQ(cache_in_a_write(false), usual);
}

namespace {

// A second writer queued behind `holder`'s open write transaction on `path`, in a thread of its own: it
// inserts `row`, then waits for `finish` and commits or rolls back.
struct QueuedWriter {
  QueuedWriter(const std::string& path, std::string row) : connection(open_sqlite(path)) {
    thread = std::thread([this, row] {
      connection->begin(true);
      connection->execute("INSERT INTO t (v) VALUES (?)", {row});
      in_its_turn.set_value();
      const bool keep = finish.get_future().get();
      try {
        if (keep) connection->commit();
        committed.set_value();
      } catch (...) {
        committed.set_exception(std::current_exception());
      }
      if (!keep || !connection->in_transaction()) return;
      connection->rollback();
    });
  }
  ~QueuedWriter() {
    if (thread.joinable()) thread.join();
  }
  void end(bool keep) {
    if (!keep) connection->rollback();
    finish.set_value(keep);
  }
  std::unique_ptr<Connection> connection;
  std::promise<void> in_its_turn, committed;
  std::promise<bool> finish;
  std::thread thread;
};

// A fresh database with `schema` (table t at least), and a first writer in its transaction that inserted 'a'.
struct WriterInATransaction {
  explicit WriterInATransaction(const std::string& schema = "CREATE TABLE t (v TEXT NOT NULL)")
      : path(rw::testing::make_temp_dir() + "/group.db"), reader(open_sqlite(path)) {
    reader->execute_script(schema);
    first = open_sqlite(path);
    first->begin(true);
    first->execute("INSERT INTO t (v) VALUES ('a')");
  }
  // The first writer's commit, on a thread of its own (it may wait for writers that join it), once another
  // writer waits for the turn.
  std::future<void> commit_once_one_waits() {
    wait_until_waiting(*writer_queue_for(path), 1);
    return std::async(std::launch::async, [this] { first->commit(); });
  }
  std::string path;
  std::unique_ptr<Connection> reader, first;
};

std::string rows_of(Connection& reader) {
  return reader.query("SELECT coalesce(group_concat(v, ','), '') AS vs FROM (SELECT v FROM t ORDER BY v)")[0]
      .text("vs");
}

}  // namespace

// A writer that finishes while another waits for the turn hands its transaction on open: its work commits
// with the next writer's, and its commit() returns only then. The next writer's rollback takes back its own
// work alone.
TEST(CommitGroup, AWriterQueuedBehindAnotherCommitsWithIt) {
  WriterInATransaction db;
  QueuedWriter second(db.path, "b");
  auto first_commit = db.commit_once_one_waits();
  second.in_its_turn.get_future().get();
  EXPECT_EQ(first_commit.wait_for(50ms), std::future_status::timeout);
  EXPECT_EQ(rows_of(*db.reader), "");  // 'a' is not committed yet
  second.end(false);
  first_commit.get();
  EXPECT_EQ(rows_of(*db.reader), "a");
  EXPECT_FALSE(db.first->in_transaction());
}

// A long write (an import) waits for the group before it to commit, rather than take over its transaction:
// the writers before it answer while it runs.
TEST(CommitGroup, ALongWriteDoesNotKeepTheWritersBeforeItWaiting) {
  WriterInATransaction db;
  auto importer = open_sqlite(db.path);
  std::promise<void> importing, finish;
  auto import = std::async(std::launch::async, [&] {
    Transaction transaction(*importer, kLongWrite);
    importer->execute("INSERT INTO t (v) VALUES ('b')");
    importing.set_value();
    finish.get_future().wait();
    transaction.commit();
  });
  auto first_commit = db.commit_once_one_waits();
  importing.get_future().wait();
  const bool answered_meanwhile = first_commit.wait_for(5s) == std::future_status::ready;
  const auto seen_meanwhile = rows_of(*db.reader);
  finish.set_value();
  import.get();
  first_commit.get();
  EXPECT_TRUE(answered_meanwhile);
  EXPECT_EQ(seen_meanwhile, "a");
  EXPECT_EQ(rows_of(*db.reader), "a,b");
}

// A group whose COMMIT fails fails for every writer in it, and nothing of it is kept: here the second writer
// breaks a deferred foreign key, which SQLite checks only at COMMIT.
TEST(CommitGroup, ACommitThatFailsFailsEveryWriterInTheGroup) {
  WriterInATransaction db(
      "CREATE TABLE t (v TEXT NOT NULL); CREATE TABLE parent (id INTEGER PRIMARY KEY); "
      "CREATE TABLE child (parent_id INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)");
  QueuedWriter second(db.path, "b");
  auto first_commit = db.commit_once_one_waits();
  second.in_its_turn.get_future().get();
  second.connection->execute("INSERT INTO child (parent_id) VALUES (42)");
  second.end(true);
  EXPECT_THROW(second.committed.get_future().get(), std::runtime_error);
  EXPECT_THROW(first_commit.get(), std::runtime_error);
  db.first->rollback();
  EXPECT_EQ(rows_of(*db.reader), "");
  EXPECT_EQ(db.reader->query("SELECT COUNT(*) AS n FROM child")[0].integer("n"), 0);
  // The shared handle is clean for the next writer.
  Transaction next(*db.first, true);
  db.first->execute("INSERT INTO t (v) VALUES ('c')");
  next.commit();
  EXPECT_EQ(rows_of(*db.reader), "c");
}

// Writers flat out, a third of them rolling back: exactly the committed writes are kept, whichever groups
// they fell into.
TEST(CommitGroup, RollbacksInGroupsTakeBackOnlyTheirOwnWork) {
  auto database = Database::open(rw::testing::fresh_database_url(), 8);
  database->acquire()->execute_script("CREATE TABLE entries (writer INTEGER NOT NULL, k INTEGER NOT NULL)");
  constexpr int kWriters = 8, kEach = 60;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int w = 0; w < kWriters; ++w)
    threads.emplace_back([&, w] {
      for (int k = 0; k < kEach; ++k) {
        try {
          auto lease = database->acquire();
          Transaction transaction(*lease, true);
          lease->execute("INSERT INTO entries (writer, k) VALUES (?, ?)", {std::int64_t{w}, std::int64_t{k}});
          if (k % 3 == 2) continue;  // rolled back when the transaction goes
          transaction.commit();
        } catch (const std::exception&) {
          ++failures;
        }
      }
    });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  auto lease = database->acquire();
  EXPECT_EQ(lease->query("SELECT COUNT(*) AS n FROM entries")[0].integer("n"), kWriters * kEach * 2 / 3);
  EXPECT_EQ(lease->query("SELECT COUNT(*) AS n FROM entries WHERE k % 3 = 2")[0].integer("n"), 0);
}
