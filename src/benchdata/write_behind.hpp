#pragma once
// The generator's INSERTs, run on a second thread in the order they were queued: while SQLite writes one
// batch of rows, the generator makes the next (the two are about equal shares of its time, and the machine
// has two cores). Only that thread uses the connection until everything queued is written; connection()
// waits for that before handing it out for a direct read or write.
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <string>
#include <thread>

#include "platform/db/database.hpp"

namespace rw::benchdata {

class WriteBehind {
 public:
  explicit WriteBehind(db::Connection& db);
  WriteBehind(const WriteBehind&) = delete;
  WriteBehind& operator=(const WriteBehind&) = delete;
  // Drops what is still queued (the caller is failing, and its transaction rolls back) and stops the thread.
  ~WriteBehind();

  // Queues a statement; waits while a few are queued already, so the generator does not run ahead of the
  // writes with every row in memory. Throws what an earlier statement threw.
  void execute(std::string sql, db::Params params);
  // Waits until everything queued is written, throws what failed, and gives the connection.
  db::Connection& connection();

 private:
  struct Statement {
    std::string sql;
    db::Params params;
  };
  void run();
  void throw_failure() const;

  db::Connection& db_;
  std::mutex mutex_;
  std::condition_variable queued_;    // the thread waits for a statement (or the end)
  std::condition_variable progress_;  // callers wait for room, or for the queue to empty
  std::deque<Statement> queue_;
  bool writing_ = false;
  bool stopping_ = false;
  std::exception_ptr failure_;
  std::thread thread_;  // last: started once the rest is in place
};

}  // namespace rw::benchdata
