#pragma once
// The part every spreadsheet import shares: find the columns by their Chinese headers, check every
// row, refuse the whole file (nothing stays written) or write the valid rows, and report row by row.
// A kind of import (enterprises, policies, staff) supplies the columns and these steps:
//   std::optional<Prepared> prepare(const Cells&)  — convert and validate one row (errors go to the Cells)
//   std::string key(const Prepared&)               — the upsert key, to catch the same record twice in a file
//   RowOutcome write(const Prepared&, audit::Batch&)
//     — insert, update (recording in the batch what changed) or leave an unchanged record alone
// and may supply preload(rows) to look up what a chunk of rows refers to in a few queries instead of one per
// row, and flush(batch) to write what write() held back to insert a chunk's new records together. Rows stream
// from the file in chunks, each checked and written while the next few are read: memory stays small however
// long the file is.
#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "audit/audit_batch.hpp"
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
enum class RowOutcome { created, updated, unchanged };

struct ImportReport {
  std::string kind;
  ImportMode mode = ImportMode::all_or_nothing;
  std::size_t total_rows = 0;
  std::size_t invalid_rows = 0;
  std::size_t created = 0;
  std::size_t updated = 0;    // existing records the file names, changed or not
  std::size_t unchanged = 0;  // of those, the ones the file left as they were (audit only)
  bool written = false;
  std::vector<FieldError> errors;  // the first kListedErrors only

  static constexpr std::size_t kListedErrors = 1000;
  void add_errors(const std::vector<FieldError>& row_errors);
  nlohmann::json to_json() const;
  // The import's audit entry: the file and the counts, records changed apart from unchanged ones.
  nlohmann::json audit_outcome(const std::string& file_sha256) const;
};

// Reads the file, passing its rows to the sink; called once per pass.
using RowReader = std::function<void(const sheet::RowSink&)>;

struct HeaderedRow {
  std::size_t number = 0;
  const HeaderPositions* headers = nullptr;  // the file's, shared by its rows
  std::vector<std::string> texts;            // the known columns' cells, at the positions of `headers`
  std::vector<std::string> formula_headers;  // cells holding formulas, which imports refuse
  // The cell's text; "" when the file has no such column.
  const std::string& text(std::string_view header) const;
};
// How many rows preload sees at once.
constexpr std::size_t kPreloadRows = 500;
// How many chunks the file's reader may have ready while the caller works on one.
constexpr std::size_t kChunksAhead = 2;
// Passes the data rows, keyed by header, on in chunks of at most kPreloadRows, reading the file on a second
// thread meanwhile; 422 missing_columns when a required header is absent, no_rows when there are no data
// rows.
void for_each_chunk(const RowReader& read, const std::vector<SheetColumn>& columns,
                    const std::function<void(const std::vector<HeaderedRow>&)>& chunk);

// Domain errors (named by API field, e.g. "contacts[0].phone") reported under the column that fills the
// field.
void add_field_errors(const Cells& cells, const std::vector<SheetColumn>& columns,
                      const std::vector<FieldError>& errors);

// Throws 422 import_rows_invalid carrying the report (all_or_nothing with errors); else returns it.
void finish_report(const ImportReport& report);

template <class Kind>
ImportReport run_import(Kind& kind, const RowReader& read, ImportMode mode, audit::Batch& batch) {
  ImportReport report;
  report.kind = kind.name();
  report.mode = mode;
  std::map<std::string, std::size_t> first_row_of_key;
  // The row prepared, or its errors added to the report.
  auto check = [&](const HeaderedRow& row) -> std::optional<typename Kind::Prepared> {
    std::vector<FieldError> row_errors;
    Cells cells(row.number, *row.headers, row.texts, row_errors);
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

  // One pass: each chunk is checked, then its valid rows written. In all_or_nothing mode the first invalid
  // row stops the writing, the rest of the file is still checked for the report, and the refusal rolls back
  // what was written (one transaction per request).
  for_each_chunk(read, kind.columns(), [&](const std::vector<HeaderedRow>& rows) {
    preload(rows);
    std::vector<typename Kind::Prepared> valid;
    for (const auto& row : rows)
      if (auto prepared = check(row)) valid.push_back(std::move(*prepared));
    report.total_rows += rows.size();
    if (mode == ImportMode::all_or_nothing && report.invalid_rows) return;
    for (const auto& prepared : valid) {
      const auto outcome = kind.write(prepared, batch);
      (outcome == RowOutcome::created ? report.created : report.updated)++;
      if (outcome == RowOutcome::unchanged) ++report.unchanged;
    }
    if constexpr (requires { kind.flush(batch); }) kind.flush(batch);
  });
  if (mode == ImportMode::all_or_nothing && report.invalid_rows) {
    report.created = report.updated = report.unchanged = 0;
    finish_report(report);
  }
  report.written = report.created + report.updated > 0;
  return report;
}

}  // namespace rw::exchange
