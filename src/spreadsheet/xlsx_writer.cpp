#include <unistd.h>
#include <xlsxwriter.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <system_error>

#include "spreadsheet/table.hpp"

namespace rw::sheet {
namespace {

// libxlsxwriter 1.1.4 can only write to a file, so the workbook goes through a temporary one.
class TempFile {
 public:
  TempFile() {
    path_ = (std::filesystem::temp_directory_path() / "riskwatch-XXXXXX.xlsx").string();
    const int fd = mkstemps(path_.data(), 5);  // 5: keep the ".xlsx" suffix
    if (fd < 0) throw std::system_error(errno, std::generic_category(), "creating a temporary .xlsx file");
    ::close(fd);
  }
  ~TempFile() {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

void check(lxw_error error) {
  if (error != LXW_NO_ERROR) throw std::runtime_error(std::string("xlsx writer: ") + lxw_strerror(error));
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("xlsx writer: cannot read back " + path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The first max_chars UTF-8 characters of text.
std::string utf8_prefix(const std::string& text, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool starts_char = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (starts_char && chars++ == max_chars) return text.substr(0, i);
  }
  return text;
}

// Excel's rules for a tab name: at most 31 characters, none of []:*?/\, no apostrophe at either end.
std::string sanitize_sheet_name(std::string name) {
  for (char& c : name)
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = '_';
  name = utf8_prefix(name, LXW_SHEETNAME_MAX);
  const std::size_t first = name.find_first_not_of('\'');
  if (first == std::string::npos) return {};
  return name.substr(first, name.find_last_not_of('\'') - first + 1);
}

// Names must also be unique ignoring case; a repeated one gets " (2)", " (3)", ...
std::string sheet_name(lxw_workbook* workbook, const std::string& wanted, std::size_t index) {
  std::string base = sanitize_sheet_name(wanted);
  if (base.empty()) base = "Sheet" + std::to_string(index + 1);
  std::string name = base;
  for (int n = 2; workbook_validate_sheet_name(workbook, name.c_str()) == LXW_ERROR_SHEETNAME_ALREADY_USED;
       ++n) {
    const std::string suffix = " (" + std::to_string(n) + ")";
    name = utf8_prefix(base, LXW_SHEETNAME_MAX - suffix.size()) + suffix;
  }
  return name;
}

lxw_format* header_format(lxw_workbook* workbook) {
  lxw_format* format = workbook_add_format(workbook);
  format_set_bold(format);
  format_set_pattern(format, LXW_PATTERN_SOLID);
  format_set_bg_color(format, 0xDDEBF7);  // light blue
  return format;
}

void write_value(lxw_worksheet* worksheet, lxw_row_t row, lxw_col_t column, const Value& value) {
  if (const auto* text = std::get_if<std::string>(&value))
    check(worksheet_write_string(worksheet, row, column, text->c_str(), nullptr));
  else if (const auto* number = std::get_if<double>(&value))
    check(worksheet_write_number(worksheet, row, column, *number, nullptr));
}

void write_sheet(lxw_workbook* workbook, const SheetData& sheet, std::size_t index, lxw_format* header) {
  lxw_worksheet* worksheet =
      workbook_add_worksheet(workbook, sheet_name(workbook, sheet.name, index).c_str());
  if (!worksheet) throw std::runtime_error("xlsx writer: cannot add the worksheet " + sheet.name);
  for (lxw_col_t column = 0; column < sheet.columns.size(); ++column) {
    check(worksheet_set_column(worksheet, column, column, sheet.columns[column].width, nullptr));
    check(worksheet_write_string(worksheet, 0, column, sheet.columns[column].header.c_str(), header));
  }
  for (lxw_row_t row = 0; row < sheet.rows.size(); ++row)
    for (lxw_col_t column = 0; column < sheet.rows[row].size(); ++column)
      write_value(worksheet, row + 1, column, sheet.rows[row][column]);
  worksheet_freeze_panes(worksheet, 1, 0);
  if (!sheet.columns.empty())
    check(worksheet_autofilter(worksheet, 0, 0, static_cast<lxw_row_t>(sheet.rows.size()),
                               static_cast<lxw_col_t>(sheet.columns.size() - 1)));
}

}  // namespace

std::string write_xlsx(const std::vector<SheetData>& sheets) {
  TempFile file;
  // Rows go to disk as they are written instead of staying in memory (about 200 bytes a cell); strings
  // are then stored inline rather than in a shared table.
  lxw_workbook_options options{.constant_memory = LXW_TRUE, .tmpdir = nullptr, .use_zip64 = LXW_FALSE};
  // Owned here until workbook_close, which writes the file and frees the workbook.
  std::unique_ptr<lxw_workbook, void (*)(lxw_workbook*)> workbook(
      workbook_new_opt(file.path().c_str(), &options), &lxw_workbook_free);
  if (!workbook) throw std::runtime_error("xlsx writer: cannot create a workbook");
  lxw_format* header = header_format(workbook.get());
  for (std::size_t i = 0; i < sheets.size(); ++i) write_sheet(workbook.get(), sheets[i], i, header);
  check(workbook_close(workbook.release()));
  return read_file(file.path());
}

}  // namespace rw::sheet
