#pragma once
// Multi-row INSERTs for bulk data: rows are buffered and written as one prepared statement of many rows
// (the same SQL text each time, so both drivers prepare it once), within the caller's transaction, through
// WriteBehind's thread.
#include <cstdint>
#include <string>
#include <vector>

#include "benchdata/write_behind.hpp"
#include "platform/db/database.hpp"

namespace rw::benchdata {

class BulkInsert {
 public:
  BulkInsert(WriteBehind& out, std::string table, std::vector<std::string> columns);
  BulkInsert(const BulkInsert&) = delete;
  BulkInsert& operator=(const BulkInsert&) = delete;

  // Rows of `parent` (a table this one refers to) are written before any of this table's.
  void after(BulkInsert& parent) { parents_.push_back(&parent); }
  // One row, its values in the order of the columns.
  void add(db::Params row);
  // Writes what is buffered; call before committing.
  void flush();
  const std::string& table() const { return table_; }
  std::int64_t rows() const { return written_ + static_cast<std::int64_t>(pending_.size() / width()); }

 private:
  std::size_t width() const { return columns_.size(); }
  std::string sql_for(std::size_t rows) const;
  void write(std::size_t rows);

  WriteBehind& out_;
  std::string table_;
  std::vector<std::string> columns_;
  std::size_t rows_per_statement_;
  std::string full_sql_;
  std::vector<BulkInsert*> parents_;
  db::Params pending_;
  std::int64_t written_ = 0;
};

}  // namespace rw::benchdata
