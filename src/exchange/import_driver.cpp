#include "exchange/import_driver.hpp"

#include <optional>

#include "platform/http/problem.hpp"
#include "platform/read_ahead.hpp"
#include "platform/text.hpp"

namespace rw::exchange {
namespace {

// "企业名称*" and " 企业名称 " both name the 企业名称 column.
std::string header_name(const std::string& cell) {
  auto text = trim(cell);
  while (!text.empty() && text.back() == '*') text.pop_back();
  if (text.size() >= 3 && text.compare(text.size() - 3, 3, "＊") == 0) text.resize(text.size() - 3);
  return text;
}

const char* mode_name(ImportMode mode) {
  return mode == ImportMode::all_or_nothing ? "all_or_nothing" : "valid_rows";
}

}  // namespace

void ImportReport::add_errors(const std::vector<FieldError>& row_errors) {
  for (const auto& e : row_errors)
    if (errors.size() < kListedErrors) errors.push_back(e);
}

nlohmann::json ImportReport::to_json() const {
  nlohmann::json listed = nlohmann::json::array();
  for (const auto& e : errors) listed.push_back(http::field_error_json(e));
  return {{"kind", kind},
          {"mode", mode_name(mode)},
          {"total_rows", total_rows},
          {"valid_rows", total_rows - invalid_rows},
          {"invalid_rows", invalid_rows},
          {"created", created},
          {"updated", updated},
          {"written", written},
          {"errors", listed}};
}

nlohmann::json ImportReport::audit_outcome(const std::string& file_sha256) const {
  return audit::created({{"file_sha256", file_sha256},
                         {"kind", kind},
                         {"mode", mode_name(mode)},
                         {"total_rows", total_rows},
                         {"created", created},
                         {"updated", updated - unchanged},
                         {"unchanged", unchanged},
                         {"failed", invalid_rows}});
}

const std::string& HeaderedRow::text(std::string_view header) const {
  static const std::string none;
  const auto it = headers->find(header);
  return it == headers->end() ? none : texts[it->second];
}

// The known columns of a file, found in its header row.
class HeaderIndex {
 public:
  HeaderIndex(const sheet::Row& header, const std::vector<SheetColumn>& columns) {
    std::set<std::string> present;
    for (std::size_t i = 0; i < header.cells.size(); ++i) {
      const auto name = header_name(header.cells[i].text);
      for (const auto& column : columns)
        if (column.header == name && present.insert(name).second) {
          positions_.emplace(name, cell_at_.size());
          cell_at_.emplace_back(i, name);
        }
    }
    std::string missing;
    for (const auto& column : columns)
      if (column.required && !present.count(column.header))
        missing += (missing.empty() ? "" : "、") + column.header;
    if (!missing.empty())
      throw ApiError(ErrorKind::invalid, "missing_columns", "缺少必需的列：" + missing + "（请使用导入模板）",
                     "required columns are missing: " + missing + " (use the import template)");
  }

  HeaderedRow row(const sheet::Row& row) const {
    HeaderedRow out{row.number, &positions_, {}, {}};
    out.texts.reserve(cell_at_.size());
    for (const auto& [index, header] : cell_at_) {
      const bool has_cell = index < row.cells.size();
      out.texts.push_back(has_cell ? row.cells[index].text : std::string());
      if (has_cell && row.cells[index].is_formula) out.formula_headers.push_back(header);
    }
    return out;
  }

 private:
  HeaderPositions positions_;                                 // known header → position in a row's texts
  std::vector<std::pair<std::size_t, std::string>> cell_at_;  // per position: the file's column index, header
};

void add_field_errors(const Cells& cells, const std::vector<SheetColumn>& columns,
                      const std::vector<FieldError>& errors) {
  for (const auto& e : errors) {
    const auto key = e.field.substr(0, e.field.find_first_of("[."));
    std::string header;
    bool already_explained = false;  // a cell that could not be read explains itself; no "required" on top
    for (const auto& column : columns)
      if (column.key == key) {
        if (header.empty()) header = column.header;
        already_explained = already_explained || cells.has_error(column.header);
      }
    if (!already_explained) cells.error(header.empty() ? key : header, e.code, e.message, e.message_en);
  }
}

void for_each_chunk(const RowReader& read, const std::vector<SheetColumn>& columns,
                    const std::function<void(const std::vector<HeaderedRow>&)>& chunk) {
  std::optional<HeaderIndex> headers;  // the producer's until it hands over the first chunk
  // The file is read on a second thread while the caller prepares and writes the chunk before: parsing an
  // .xlsx is about a sixth of an import's time.
  read_ahead<std::vector<HeaderedRow>>(
      kChunksAhead,
      [&](const std::function<void(std::vector<HeaderedRow> &&)>& hand_over) {
        std::vector<HeaderedRow> rows;
        std::size_t data_rows = 0;
        read([&](const sheet::Row& row) {
          if (!headers) {
            headers.emplace(row, columns);
            return;
          }
          rows.push_back(headers->row(row));
          ++data_rows;
          if (rows.size() == kPreloadRows) {
            hand_over(std::move(rows));
            rows.clear();
          }
        });
        if (!headers)
          throw ApiError(ErrorKind::invalid, "no_rows", "文件中没有数据", "the file holds no rows");
        if (data_rows == 0)
          throw ApiError(ErrorKind::invalid, "no_rows", "文件中只有表头，没有数据行",
                         "the file has a header but no data rows");
        if (!rows.empty()) hand_over(std::move(rows));
      },
      [&](std::vector<HeaderedRow>& rows) { chunk(rows); });
}

void finish_report(const ImportReport& report) {
  ApiError error(ErrorKind::invalid, "import_rows_invalid",
                 std::to_string(report.invalid_rows) + " 行有错误，未导入任何数据",
                 std::to_string(report.invalid_rows) + " rows have errors; nothing was imported");
  error.extensions.emplace_back("report", report.to_json().dump());
  throw error;
}

}  // namespace rw::exchange
