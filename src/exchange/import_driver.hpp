#pragma once
// The part every spreadsheet import shares: find the columns by their Chinese headers, check every
// row before anything is written, refuse the whole file or write the valid rows, and report row by
// row. A kind of import (enterprises, policies, staff) supplies the columns and two steps:
//   std::optional<Prepared> prepare(const Cells&)  — convert and validate one row (errors go to the Cells)
//   std::string key(const Prepared&)               — the upsert key, to catch the same record twice in a file
//   bool write(const Prepared&)                    — insert (true) or update (false)
// and may supply preload(rows) to look up what a chunk of rows refers to in a few queries instead of one per
// row. Rows stream from the file and are prepared twice, to check them all before anything is written and
// then to write them: memory stays small however long the file is.
#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "exchange/cells.hpp"
#include "platform/errors.hpp"
#include "spreadsheet/table.hpp"

namespace rw::exchange {

struct SheetColumn {
  std::string header;  // as insurers write it: 企业名称, 统一社会信用代码, …
  std::string key;     // the API field it fills; "" for columns only exported (read-only on import)
  bool required = false;
  std::string note;  // for the template's instructions sheet
  double width = 16;
  std::string example;
};

enum class ImportMode { all_or_nothing, valid_rows };

struct ImportReport {
  std::string kind;
  ImportMode mode = ImportMode::all_or_nothing;
  std::size_t total_rows = 0;
  std::size_t invalid_rows = 0;
  std::size_t created = 0;
  std::size_t updated = 0;
  bool written = false;
  std::vector<FieldError> errors;  // the first kListedErrors only

  static constexpr std::size_t kListedErrors = 1000;
  void add_errors(const std::vector<FieldError>& row_errors);
  nlohmann::json to_json() const;
};

// Reads the file, passing its rows to the sink; called once per pass.
using RowReader = std::function<void(const sheet::RowSink&)>;

struct HeaderedRow {
  std::size_t number = 0;
  std::map<std::string, std::string> values;  // header → text
  std::vector<std::string> formula_headers;   // cells holding formulas, which imports refuse
};
// How many rows preload sees at once.
constexpr std::size_t kPreloadRows = 500;
// Passes the data rows, keyed by header, on in chunks of at most kPreloadRows; 422 missing_columns when a
// required header is absent, no_rows when there are no data rows.
void for_each_chunk(const RowReader& read, const std::vector<SheetColumn>& columns,
                    const std::function<void(const std::vector<HeaderedRow>&)>& chunk);

// Domain errors (named by API field, e.g. "contacts[0].phone") reported under the column that fills the
// field.
void add_field_errors(const Cells& cells, const std::vector<SheetColumn>& columns,
                      const std::vector<FieldError>& errors);

// Throws 422 import_rows_invalid carrying the report (all_or_nothing with errors); else returns it.
void finish_report(const ImportReport& report);

template <class Kind>
ImportReport run_import(Kind& kind, const RowReader& read, ImportMode mode) {
  ImportReport report;
  report.kind = kind.name();
  report.mode = mode;
  std::map<std::string, std::size_t> first_row_of_key;
  // The row prepared, or its errors added to the report.
  auto check = [&](const HeaderedRow& row) -> std::optional<typename Kind::Prepared> {
    std::vector<FieldError> row_errors;
    Cells cells(row.number, row.values, row_errors);
    // A formula's cached value may be stale, and the file's author may not see what it resolves to.
    for (const auto& header : row.formula_headers)
      cells.error(header, "formula_not_allowed", "不能使用公式，请粘贴为数值",
                  "formulas are not accepted; paste values");
    auto prepared = kind.prepare(cells);
    if (prepared && row_errors.empty()) {
      auto [it, fresh] = first_row_of_key.try_emplace(kind.key(*prepared), row.number);
      if (!fresh && it->second != row.number)
        cells.error(kind.key_header(), "duplicate_in_file", "与第 " + std::to_string(it->second) + " 行重复",
                    "repeats row " + std::to_string(it->second));
    }
    if (row_errors.empty()) return prepared;
    ++report.invalid_rows;
    report.add_errors(row_errors);
    return std::nullopt;
  };
  auto preload = [&](const std::vector<HeaderedRow>& rows) {
    if constexpr (requires { kind.preload(rows); }) kind.preload(rows);
  };

  std::vector<bool> valid;  // by data row, in file order
  for_each_chunk(read, kind.columns(), [&](const std::vector<HeaderedRow>& rows) {
    preload(rows);
    for (const auto& row : rows) valid.push_back(check(row).has_value());
  });
  report.total_rows = valid.size();
  if (mode == ImportMode::all_or_nothing && report.invalid_rows) finish_report(report);
  if (report.invalid_rows == report.total_rows) return report;

  // Rows written earlier cannot change how a later one prepares (a repeated key is an error already), so
  // the second pass agrees with the first; should it not, the row is refused rather than written.
  std::size_t index = 0;
  for_each_chunk(read, kind.columns(), [&](const std::vector<HeaderedRow>& rows) {
    preload(rows);
    for (const auto& row : rows) {
      if (!valid[index++]) continue;
      auto prepared = check(row);
      if (!prepared && mode == ImportMode::all_or_nothing) {
        report.created = report.updated = 0;  // the request's transaction rolls back what was written
        finish_report(report);
      }
      if (prepared) (kind.write(*prepared) ? report.created : report.updated)++;
    }
  });
  report.written = report.created + report.updated > 0;
  return report;
}

}  // namespace rw::exchange
