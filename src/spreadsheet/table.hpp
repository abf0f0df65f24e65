#pragma once
// A spreadsheet as rows of text cells, the common shape of the .xlsx and .csv readers, and the
// .xlsx writer used by every list export. Readers throw ApiError (422) for files they cannot read.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace rw::sheet {

struct Cell {
  std::string text;         // the value as text; dates in date-formatted xlsx cells become YYYY-MM-DD
  bool is_formula = false;  // the xlsx cell holds a formula (imports refuse these)
};

struct Row {
  std::size_t number = 0;   // 1-based row number as the spreadsheet shows it
  std::vector<Cell> cells;  // column A first; missing cells are empty
};

struct Table {
  std::vector<Row> rows;  // fully empty rows are left out; rows[0] is usually the header
};

struct ReadLimits {
  std::size_t max_rows = 100'000;
  std::size_t max_columns = 200;
  std::size_t max_unpacked_bytes = 200u << 20;  // the sum of the xlsx parts read, against zip bombs
};

// Called with each row that has something in it, in order; the row is only valid during the call.
using RowSink = std::function<void(const Row&)>;

// The readers stream: they hold one row at a time (and an .xlsx file's shared strings), never the file's
// unpacked XML or all its rows. Error codes (ApiError 422, with Chinese and English detail): empty_file,
// unreadable_file, too_many_rows, too_many_columns; rows before the error have reached the sink already.
void read_xlsx_rows(std::string_view bytes, const RowSink& sink, const ReadLimits& limits = {});
// UTF-8 (with or without BOM) or GBK/GB18030, detected; RFC 4180 quoting; CRLF or LF.
void read_csv_rows(std::string_view bytes, const RowSink& sink, const ReadLimits& limits = {});
// An .xlsx when the bytes start like a zip file, CSV otherwise.
void read_rows(std::string_view bytes, const RowSink& sink, const ReadLimits& limits = {});

// The same, collecting every row: for small files and tests.
Table read_xlsx(std::string_view bytes, const ReadLimits& limits = {});
Table read_csv(std::string_view bytes, const ReadLimits& limits = {});
Table read_table(std::string_view bytes, const ReadLimits& limits = {});
// The worksheet named `sheet_name` (matched ignoring case, as Excel does) of an .xlsx, for workbooks whose
// sheets have roles (an XLSForm's survey, choices, settings); nullopt when there is no such worksheet, no
// rows (not empty_file) when it is empty.
std::optional<Table> read_xlsx_sheet(std::string_view bytes, std::string_view sheet_name,
                                     const ReadLimits& limits = {});

using Value = std::variant<std::monostate, std::string, double>;

struct Column {
  std::string header;
  double width = 14;  // in Excel character units
};

struct SheetData {
  std::string name;  // the worksheet tab
  std::vector<Column> columns;
  std::vector<std::vector<Value>> rows;
};

// One workbook with a bold, frozen header row on each sheet; returns the .xlsx bytes.
std::string write_xlsx(const std::vector<SheetData>& sheets);

}  // namespace rw::sheet
