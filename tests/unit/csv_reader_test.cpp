#include <gtest/gtest.h>

#include <string>

#include "sheet_fixtures.hpp"
#include "spreadsheet/table.hpp"

using rw::sheet::read_csv;
using rw::sheet::read_table;
using rw::sheet::ReadLimits;
using rw::sheet::Table;

namespace {

using Texts = std::vector<std::string>;

std::vector<std::string> texts(const rw::sheet::Row& row) {
  std::vector<std::string> out;
  for (const auto& cell : row.cells) out.push_back(cell.text);
  return out;
}

}  // namespace

TEST(CsvReader, ReadsUtf8) {
  const Table table = read_csv("企业名称,联系电话\n甲公司,13800000000\n");
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0].number, 1u);
  EXPECT_EQ(texts(table.rows[0]), (Texts{"企业名称", "联系电话"}));
  EXPECT_EQ(table.rows[1].number, 2u);
  EXPECT_EQ(texts(table.rows[1]), (Texts{"甲公司", "13800000000"}));
  EXPECT_FALSE(table.rows[1].cells[0].is_formula);
}

TEST(CsvReader, StripsTheUtf8Bom) {
  const Table table = read_csv("\xEF\xBB\xBF企业名称,电话\n");
  EXPECT_EQ(texts(table.rows[0]), (Texts{"企业名称", "电话"}));
}

TEST(CsvReader, ConvertsGbk) {
  // 企业名称,电话 CRLF 甲公司,北京 — as Chinese Excel saves a CSV
  const Table table = read_csv(
      "\xC6\xF3\xD2\xB5\xC3\xFB\xB3\xC6,\xB5\xE7\xBB\xB0\r\n\xBC\xD7\xB9\xAB\xCB\xBE,\xB1\xB1\xBE\xA9\r\n");
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(texts(table.rows[0]), (Texts{"企业名称", "电话"}));
  EXPECT_EQ(texts(table.rows[1]), (Texts{"甲公司", "北京"}));
}

TEST(CsvReader, TakesGbkThatLooksLikeOverlongUtf8AsGbk) {
  // 联通 in GBK is C1 AA CD A8: C1 AA would be an overlong UTF-8 sequence.
  EXPECT_EQ(read_csv("\xC1\xAA\xCD\xA8").rows[0].cells[0].text, "联通");
}

TEST(CsvReader, UnquotesFieldsWithCommasQuotesAndLineBreaks) {
  const Table table = read_csv(
      "名称,备注,地址\n"
      "\"甲,乙公司\",\"他说\"\"好\"\"\",\"第一行\n第二行\"\n"
      "\"\",\"ab\"c, 空格 \n");
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(texts(table.rows[1]), (Texts{"甲,乙公司", "他说\"好\"", "第一行\n第二行"}));
  EXPECT_EQ(table.rows[2].number, 3u);  // records, not physical lines
  EXPECT_EQ(texts(table.rows[2]), (Texts{"", "abc", " 空格 "}));
}

TEST(CsvReader, HandlesCrlfAndALastLineWithoutBreak) {
  const Table table = read_csv("a,b\r\n\"x\r\ny\",2\r\nlast,3");
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(texts(table.rows[0]), (Texts{"a", "b"}));
  EXPECT_EQ(texts(table.rows[1]), (Texts{"x\r\ny", "2"}));
  EXPECT_EQ(table.rows[2].number, 3u);
  EXPECT_EQ(texts(table.rows[2]), (Texts{"last", "3"}));
}

TEST(CsvReader, DropsEmptyRowsAndTrailingEmptyFieldsButKeepsRowNumbers) {
  const Table table = read_csv("a,,c,,\n\n,,\n,d\n");
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(texts(table.rows[0]), (Texts{"a", "", "c"}));
  EXPECT_EQ(table.rows[1].number, 4u);
  EXPECT_EQ(texts(table.rows[1]), (Texts{"", "d"}));
}

TEST(CsvReader, RejectsTooManyColumns) {
  const ReadLimits limits{.max_columns = 3};
  EXPECT_EQ(read_csv("a,b,c,,,\n", limits).rows[0].cells.size(), 3u);
  const auto error = api_error([&] { read_csv("a,b,c\n1,2,3,4\n", limits); });
  EXPECT_EQ(error.kind, rw::ErrorKind::invalid);
  EXPECT_EQ(error.code, "too_many_columns");
  EXPECT_EQ(error.detail, "第 2 行超过 3 列");
  EXPECT_EQ(error.detail_en, "Row 2 has more than 3 columns");
  const auto wide = api_error([] { read_csv("name\n" + std::string(100'000, ',') + "x\n"); });
  EXPECT_EQ(wide.code, "too_many_columns");
  EXPECT_EQ(wide.detail_en, "Row 2 has more than 200 columns");
}

TEST(CsvReader, RejectsTooManyRows) {
  const ReadLimits limits{.max_rows = 2};
  EXPECT_EQ(read_csv("h\n1\n\n", limits).rows.size(), 2u);
  const auto error = api_error([&] { read_csv("h\n1\n2\n", limits); });
  EXPECT_EQ(error.code, "too_many_rows");
  EXPECT_EQ(error.detail, "文件超过 2 行");
}

TEST(CsvReader, RejectsBytesThatAreNeitherUtf8NorGb18030) {
  const auto error = api_error([] { read_csv("name\n\xFF\xFE\x80\n"); });
  EXPECT_EQ(error.code, "unreadable_file");
  EXPECT_EQ(error.detail_en, "The file's text encoding is not recognised; save the CSV as UTF-8 or GBK");
  EXPECT_EQ(api_error([] { read_csv("a,\xC6"); }).code, "unreadable_file");  // cut inside a character
  EXPECT_EQ(api_error([] { read_csv(std::string("a\0b", 3)); }).code, "unreadable_file");
}

TEST(CsvReader, RejectsAnUnclosedQuote) {
  const auto error = api_error([] { read_csv("a,b\n\"open,2\n3,4\n"); });
  EXPECT_EQ(error.code, "unreadable_file");
  EXPECT_EQ(error.detail, "第 2 行的引号没有闭合");
  EXPECT_EQ(error.detail_en, "Row 2 has an unclosed quote");
}

TEST(CsvReader, RejectsEmptyFiles) {
  EXPECT_EQ(api_error([] { read_csv(""); }).code, "empty_file");
  EXPECT_EQ(api_error([] { read_csv("\xEF\xBB\xBF"); }).code, "empty_file");
  EXPECT_EQ(api_error([] { read_csv("\r\n,,\r\n"); }).code, "empty_file");
}

TEST(SheetTable, PicksTheReaderFromTheBytes) {
  EXPECT_EQ(read_table("a,b\n").rows[0].cells[1].text, "b");
  const std::string xlsx =
      make_zip({{"xl/worksheets/sheet1.xml",
                 "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>表</t></is></c></row>"
                 "</sheetData></worksheet>"}});
  EXPECT_EQ(read_table(xlsx).rows[0].cells[0].text, "表");
  const auto xls = api_error([] { read_table(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10)); });
  EXPECT_EQ(xls.code, "unreadable_file");
  EXPECT_EQ(xls.detail_en,
            "Old Excel (.xls) files are not supported; save the file as .xlsx and upload it again");
}
