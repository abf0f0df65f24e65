#include "spreadsheet/read_support.hpp"

#include <utility>

namespace rw::sheet {
namespace {

ApiError sheet_error(std::string code, std::string detail, std::string detail_en) {
  return {ErrorKind::invalid, std::move(code), std::move(detail), std::move(detail_en)};
}

}  // namespace

ApiError empty_file() { return sheet_error("empty_file", "文件为空", "The file is empty"); }

ApiError unreadable_file() {
  return unreadable_file("无法读取该文件，请上传 Excel（.xlsx）或 CSV 文件",
                         "The file cannot be read; upload an Excel (.xlsx) or CSV file");
}

ApiError unreadable_file(std::string detail, std::string detail_en) {
  return sheet_error("unreadable_file", std::move(detail), std::move(detail_en));
}

ApiError too_many_rows(std::size_t max_rows) {
  const std::string max = std::to_string(max_rows);
  return sheet_error("too_many_rows", "文件超过 " + max + " 行", "The file has more than " + max + " rows");
}

ApiError too_many_columns(std::size_t row_number, std::size_t max_columns) {
  const std::string row = std::to_string(row_number);
  const std::string max = std::to_string(max_columns);
  return sheet_error("too_many_columns", "第 " + row + " 行超过 " + max + " 列",
                     "Row " + row + " has more than " + max + " columns");
}

void RowBuilder::start_row(std::size_t number) {
  row_.number = number;
  row_.cells.clear();  // keeps its capacity for the next row
}

void RowBuilder::set_cell(std::size_t column, Cell cell) {
  if (cell.text.empty() && !cell.is_formula) return;
  if (column >= limits_.max_columns) throw too_many_columns(row_.number, limits_.max_columns);
  if (column >= row_.cells.size()) row_.cells.resize(column + 1);
  row_.cells[column] = std::move(cell);
}

void RowBuilder::end_row() {
  if (row_.cells.empty()) return;
  if (rows_ == limits_.max_rows) throw too_many_rows(limits_.max_rows);
  ++rows_;
  sink_(row_);
}

void RowBuilder::finish() const {
  if (rows_ == 0) throw empty_file();
}

}  // namespace rw::sheet
