#include "platform/db/writer_queue.hpp"

#include <algorithm>
#include <filesystem>

namespace rw::db {

bool WriterQueue::enter(std::chrono::milliseconds patience, bool joins) {
  std::unique_lock lock(mutex_);
  if (!held_ && waiting_.empty()) {
    held_ = true;
    return true;
  }
  Waiter me;
  me.joins = joins;
  waiting_.push_back(&me);
  if (me.turn.wait_for(lock, patience, [&] { return me.granted; })) return true;
  waiting_.erase(std::find(waiting_.begin(), waiting_.end(), &me));
  return false;
}

void WriterQueue::leave() {
  std::lock_guard lock(mutex_);
  if (waiting_.empty()) {
    held_ = false;
    return;
  }
  grant_next();
}

bool WriterQueue::hand_on_open() {
  std::lock_guard lock(mutex_);
  if (waiting_.empty() || !waiting_.front()->joins) return false;
  grant_next();
  return true;
}

// The turn passes straight to the next writer (held_ stays true), so a newcomer cannot take it first.
// Notified under the mutex: the waiter's node lives on its stack until it sees `granted`.
void WriterQueue::grant_next() {
  Waiter* next = waiting_.front();
  waiting_.pop_front();
  next->granted = true;
  next->turn.notify_one();
}

std::size_t WriterQueue::waiting() {
  std::lock_guard lock(mutex_);
  return waiting_.size();
}

bool WriterQueue::take_checkpoint(int wal_pages) {
  std::lock_guard lock(mutex_);
  if (checkpointing_ || wal_pages < checkpoint_at_) return false;
  checkpointing_ = true;
  return true;
}

void WriterQueue::checkpointed(bool restarted, int wal_pages) {
  std::lock_guard lock(mutex_);
  checkpointing_ = false;
  checkpoint_at_ = restarted ? kCheckpointPages : wal_pages + kCheckpointPages;
}

std::shared_ptr<CommitGroup::Outcome> CommitGroup::join() {
  std::lock_guard lock(mutex_);
  ++members_;
  return open_;
}

std::size_t CommitGroup::members() {
  std::lock_guard lock(mutex_);
  return members_;
}

void CommitGroup::settle(std::exception_ptr failure) {
  std::lock_guard lock(mutex_);
  open_->settled = true;
  open_->failure = std::move(failure);
  open_ = std::make_shared<Outcome>();
  members_ = 0;
  settled_.notify_all();
}

void CommitGroup::wait(const std::shared_ptr<Outcome>& outcome) {
  std::unique_lock lock(mutex_);
  settled_.wait(lock, [&] { return outcome->settled; });
  if (outcome->failure) std::rethrow_exception(outcome->failure);
}

std::string database_file_key(const std::string& path) {
  if (path.empty() || path == ":memory:") return {};
  std::error_code error;
  auto key = std::filesystem::weakly_canonical(path, error).string();
  return error ? path : key;
}

std::shared_ptr<WriterQueue> writer_queue_for(const std::string& path) {
  return one_per_file<WriterQueue>(path, [] { return std::make_shared<WriterQueue>(); });
}

}  // namespace rw::db
