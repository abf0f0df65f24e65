#include "exchange/import_driver.hpp"

#include "platform/http/problem.hpp"
#include "platform/text.hpp"

namespace rw::exchange {
namespace {

constexpr std::size_t kListedErrors = 1000;

// "企业名称*" and " 企业名称 " both name the 企业名称 column.
std::string header_name(const std::string& cell) {
  auto text = trim(cell);
  while (!text.empty() && text.back() == '*') text.pop_back();
  if (text.size() >= 3 && text.compare(text.size() - 3, 3, "＊") == 0) text.resize(text.size() - 3);
  return text;
}

}  // namespace

nlohmann::json ImportReport::to_json() const {
  nlohmann::json listed = nlohmann::json::array();
  for (std::size_t i = 0; i < errors.size() && i < kListedErrors; ++i)
    listed.push_back(http::field_error_json(errors[i]));
  return {{"kind", kind},
          {"mode", mode == ImportMode::all_or_nothing ? "all_or_nothing" : "valid_rows"},
          {"total_rows", total_rows},
          {"valid_rows", total_rows - invalid_rows},
          {"invalid_rows", invalid_rows},
          {"created", created},
          {"updated", updated},
          {"written", written},
          {"errors", listed}};
}

std::vector<HeaderedRow> rows_by_header(const sheet::Table& table, const std::vector<SheetColumn>& columns) {
  if (table.rows.empty()) throw ApiError(422, "no_rows", "文件中没有数据", "the file holds no rows");
  std::map<std::size_t, std::string> header_at;  // column index → known header
  std::set<std::string> present;
  const auto& header_cells = table.rows.front().cells;
  for (std::size_t i = 0; i < header_cells.size(); ++i) {
    const auto name = header_name(header_cells[i].text);
    for (const auto& column : columns)
      if (column.header == name && present.insert(name).second) header_at[i] = name;
  }
  std::string missing;
  for (const auto& column : columns)
    if (column.required && !present.count(column.header))
      missing += (missing.empty() ? "" : "、") + column.header;
  if (!missing.empty())
    throw ApiError(422, "missing_columns", "缺少必需的列：" + missing + "（请使用导入模板）",
                   "required columns are missing: " + missing + " (use the import template)");
  std::vector<HeaderedRow> out;
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    HeaderedRow row{table.rows[r].number, {}, {}};
    const auto& cells = table.rows[r].cells;
    for (const auto& [index, header] : header_at) {
      row.values[header] = index < cells.size() ? cells[index].text : std::string();
      if (index < cells.size() && cells[index].is_formula) row.formula_headers.push_back(header);
    }
    out.push_back(std::move(row));
  }
  if (out.empty())
    throw ApiError(422, "no_rows", "文件中只有表头，没有数据行", "the file has a header but no data rows");
  return out;
}

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

void finish_report(const ImportReport& report) {
  ApiError error(422, "import_rows_invalid",
                 std::to_string(report.invalid_rows) + " 行有错误，未导入任何数据",
                 std::to_string(report.invalid_rows) + " rows have errors; nothing was imported");
  error.extensions.emplace_back("report", report.to_json().dump());
  throw error;
}

}  // namespace rw::exchange
