#include "spreadsheet/table.hpp"

#include "spreadsheet/read_support.hpp"

namespace rw::sheet {

Table read_table(std::string_view bytes, const ReadLimits& limits) {
  using namespace std::string_view_literals;
  if (bytes.starts_with("PK\x03\x04"sv)) return read_xlsx(bytes, limits);
  // Legacy .xls files are OLE containers; as CSV they would decode into garbage rows.
  if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv))
    throw unreadable_file(
        "不支持旧版 Excel（.xls）文件，请另存为 .xlsx 后再上传",
        "Old Excel (.xls) files are not supported; save the file as .xlsx and upload it again");
  return read_csv(bytes, limits);
}

}  // namespace rw::sheet
