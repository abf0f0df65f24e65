#pragma once
// Values that never change once committed (a service type version's ref, a parsed checklist template), kept
// in the process by database and id so that later uses send no statement. Only a value read outside a
// transaction is kept: one read inside may roll back and leave its id to another row (SQLite gives it again).
// Keyed by the connection's database_serial(), so two databases with the same ids in one process never share
// a value.
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <utility>

#include "platform/db/database.hpp"

namespace rw::db {

template <class Value>
class KeptWhenCommitted {
 public:
  // Past this many values (a process opening many databases, as tests do) everything kept is dropped.
  explicit KeptWhenCommitted(std::size_t capacity) : capacity_(capacity) {}

  std::optional<Value> find(const Connection& db, std::int64_t id) {
    std::lock_guard lock(mutex_);
    const auto kept = kept_.find({db.database_serial(), id});
    if (kept == kept_.end()) return std::nullopt;
    return kept->second;
  }

  // Keeps `value`, read through `db`, unless `db` is in a transaction; whether it did.
  bool keep(const Connection& db, std::int64_t id, const Value& value) {
    if (db.in_transaction()) return false;
    std::lock_guard lock(mutex_);
    if (kept_.size() >= capacity_) kept_.clear();
    kept_.insert_or_assign({db.database_serial(), id}, value);
    return true;
  }

 private:
  std::mutex mutex_;
  std::size_t capacity_;
  std::map<std::pair<std::uint64_t, std::int64_t>, Value> kept_;
};

}  // namespace rw::db
