#pragma once
// Shared by the .xlsx and .csv readers: their errors, and the row builder that enforces ReadLimits.
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

// Assembles rows cell by cell and passes each on as it ends. Empty cells are never stored, so missing and
// trailing empty cells cost nothing and a cell far to the right fails on the column limit before anything
// is allocated for it.
class RowBuilder {
 public:
  RowBuilder(const ReadLimits& limits, const RowSink& sink) : limits_(limits), sink_(sink) {}

  void start_row(std::size_t number);
  void set_cell(std::size_t column, Cell cell);  // column 0 is A
  void end_row();                                // passes the row on unless it has no cells
  void finish() const;                           // empty_file when no row had anything in it

 private:
  ReadLimits limits_;
  const RowSink& sink_;
  Row row_;
  std::size_t rows_ = 0;
};

}  // namespace rw::sheet
