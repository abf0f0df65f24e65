#pragma once
// Shared by the .xlsx and .csv readers: their errors, and the row collector that enforces ReadLimits.
#include <cstddef>
#include <string>

#include "platform/errors.hpp"
#include "spreadsheet/table.hpp"

namespace rw::sheet {

ApiError empty_file();
ApiError unreadable_file();
// Still code unreadable_file, with a detail that says what is wrong.
ApiError unreadable_file(std::string detail, std::string detail_en);
ApiError too_many_rows(std::size_t max_rows);
ApiError too_many_columns(std::size_t row_number, std::size_t max_columns);

// Collects rows cell by cell. Empty cells are never stored, so missing and trailing empty cells cost
// nothing and a cell far to the right fails on the column limit before anything is allocated for it.
class TableBuilder {
 public:
  explicit TableBuilder(const ReadLimits& limits) : limits_(limits) {}

  void start_row(std::size_t number);
  void set_cell(std::size_t column, Cell cell);  // column 0 is A
  void end_row();                                // drops the row when it has no cells
  Table finish() &&;                             // empty_file when no row had anything in it

 private:
  ReadLimits limits_;
  Table table_;
  Row row_;
};

}  // namespace rw::sheet
