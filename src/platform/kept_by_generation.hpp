#pragma once
// Values a request would read from the database again and again though they rarely change (a user's reach,
// the working calendar), kept in the process while the generation that guards them stays the same. The
// generation is a number in the database that triggers bump in the transaction that changes what the value
// is made from (V058), so a change by any process counts. On PostgreSQL each read is a round trip to another
// process; these were one or two of a request's six to nine statements.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <utility>

namespace rw {

template <class Key, class Value>
class KeptByGeneration {
 public:
  explicit KeptByGeneration(std::size_t capacity) : capacity_(capacity) {}

  // The value kept under `key` for `generation`; otherwise `make()`'s, kept for the next caller. `make` reads
  // after the caller read `generation`, so what it makes is at least as new as that generation says.
  template <class Make>
  std::shared_ptr<const Value> get(const Key& key, std::int64_t generation, Make make) {
    if (auto value = find(key, generation)) return value;
    auto value = std::make_shared<const Value>(make());
    keep(key, generation, value);
    return value;
  }

  // The value kept under `key` for `generation`, or null.
  std::shared_ptr<const Value> find(const Key& key, std::int64_t generation) {
    std::lock_guard lock(mutex_);
    const auto kept = kept_.find(key);
    return kept != kept_.end() && kept->second.generation == generation ? kept->second.value : nullptr;
  }

  void keep(const Key& key, std::int64_t generation, std::shared_ptr<const Value> value) {
    std::lock_guard lock(mutex_);
    if (kept_.size() >= capacity_ && !kept_.contains(key)) kept_.clear();  // as many keys as organizations
    kept_.insert_or_assign(key, Entry{generation, std::move(value)});
  }

 private:
  struct Entry {
    std::int64_t generation;
    std::shared_ptr<const Value> value;
  };
  std::mutex mutex_;
  std::size_t capacity_;
  std::map<Key, Entry> kept_;
};

}  // namespace rw
