#include "spreadsheet/table.hpp"

#include "spreadsheet/read_support.hpp"

namespace rw::sheet {

namespace {

template <class Read>
Table collect(Read read) {
  Table table;
  read([&](const Row& row) { table.rows.push_back(row); });
  return table;
}

}  // namespace

void read_rows(std::string_view bytes, const RowSink& sink, const ReadLimits& limits) {
  using namespace std::string_view_literals;
  if (bytes.starts_with("PK\x03\x04"sv)) return read_xlsx_rows(bytes, sink, limits);
  // Legacy .xls files are OLE containers; as CSV they would decode into garbage rows.
  if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv))
    throw unreadable_file(
        "不支持旧版 Excel（.xls）文件，请另存为 .xlsx 后再上传",
        "Old Excel (.xls) files are not supported; save the file as .xlsx and upload it again");
  read_csv_rows(bytes, sink, limits);
}

Table read_xlsx(std::string_view bytes, const ReadLimits& limits) {
  return collect([&](const RowSink& sink) { read_xlsx_rows(bytes, sink, limits); });
}

Table read_csv(std::string_view bytes, const ReadLimits& limits) {
  return collect([&](const RowSink& sink) { read_csv_rows(bytes, sink, limits); });
}

Table read_table(std::string_view bytes, const ReadLimits& limits) {
  return collect([&](const RowSink& sink) { read_rows(bytes, sink, limits); });
}

}  // namespace rw::sheet
