#include "benchdata/write_behind.hpp"

namespace rw::benchdata {
namespace {

// Statements of up to 500 rows each: enough to keep the thread busy while the generator makes the next.
constexpr std::size_t kMaxQueued = 4;

}  // namespace

WriteBehind::WriteBehind(db::Connection& db) : db_(db), thread_([this] { run(); }) {}

WriteBehind::~WriteBehind() {
  {
    const std::lock_guard lock(mutex_);
    queue_.clear();
    stopping_ = true;
  }
  queued_.notify_one();
  thread_.join();
}

void WriteBehind::execute(std::string sql, db::Params params) {
  std::unique_lock lock(mutex_);
  progress_.wait(lock, [&] { return failure_ || queue_.size() < kMaxQueued; });
  throw_failure();
  queue_.push_back({std::move(sql), std::move(params)});
  lock.unlock();
  queued_.notify_one();
}

db::Connection& WriteBehind::connection() {
  std::unique_lock lock(mutex_);
  progress_.wait(lock, [&] { return failure_ || (queue_.empty() && !writing_); });
  throw_failure();
  return db_;
}

void WriteBehind::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    queued_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;
    auto statement = std::move(queue_.front());
    queue_.pop_front();
    writing_ = true;
    lock.unlock();
    std::exception_ptr failure;
    try {
      db_.execute(statement.sql, statement.params);
    } catch (...) {
      failure = std::current_exception();
    }
    lock.lock();
    writing_ = false;
    if (failure) {
      failure_ = failure;
      queue_.clear();  // nothing after a failed statement is written
    }
    progress_.notify_all();
  }
}

void WriteBehind::throw_failure() const {
  if (failure_) std::rethrow_exception(failure_);
}

}  // namespace rw::benchdata
