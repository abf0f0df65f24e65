#pragma once
// What the connections of one process to one SQLite file share (several pools may open one file).
#include <memory>
#include <string>

#include "platform/db/wal_checkpointer.hpp"
#include "platform/db/writer_queue.hpp"

namespace rw::db {

struct SqliteFile {
  explicit SqliteFile(const std::string& path) : checkpointer(path) {}
  WriterQueue writers;
  WalCheckpointer checkpointer;  // stops (and closes its connection) after the last connection has closed
};

// The shared part of the file at `path`; nullptr for an in-memory database, which no other connection sees.
std::shared_ptr<SqliteFile> sqlite_file(const std::string& path);

}  // namespace rw::db
