#include "benchdata/bulk_insert.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace rw::benchdata {
namespace {

// Below SQLite's default limit of 32,766 parameters per statement (PostgreSQL allows 65,535).
constexpr std::size_t kMaxParameters = 30000;
constexpr std::size_t kMaxRowsPerStatement = 500;

}  // namespace

BulkInsert::BulkInsert(WriteBehind& out, std::string table, std::vector<std::string> columns)
    : out_(out),
      table_(std::move(table)),
      columns_(std::move(columns)),
      rows_per_statement_(std::min(kMaxRowsPerStatement, kMaxParameters / columns_.size())),
      full_sql_(sql_for(rows_per_statement_)) {
  pending_.reserve(rows_per_statement_ * width());
}

std::string BulkInsert::sql_for(std::size_t rows) const {
  std::string row = "(";
  for (std::size_t i = 0; i < width(); ++i) row += i ? ", ?" : "?";
  row += ")";
  std::string sql = "INSERT INTO " + table_ + " (";
  for (std::size_t i = 0; i < width(); ++i) sql += (i ? ", " : "") + columns_[i];
  sql += ") VALUES ";
  for (std::size_t r = 0; r < rows; ++r) sql += (r ? ", " : "") + row;
  return sql;
}

void BulkInsert::add(db::Params row) {
  if (row.size() != width()) throw std::logic_error("BulkInsert: wrong number of values for " + table_);
  for (auto& value : row) pending_.push_back(std::move(value));
  if (pending_.size() == rows_per_statement_ * width()) write(rows_per_statement_);
}

void BulkInsert::flush() {
  if (!pending_.empty()) write(pending_.size() / width());
}

void BulkInsert::write(std::size_t rows) {
  for (auto* parent : parents_) parent->flush();
  out_.execute(rows == rows_per_statement_ ? full_sql_ : sql_for(rows), std::move(pending_));
  written_ += static_cast<std::int64_t>(rows);
  pending_ = {};
  pending_.reserve(rows_per_statement_ * width());
}

}  // namespace rw::benchdata
