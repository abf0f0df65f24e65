#include <gtest/gtest.h>

#include <string>

#include "sheet_fixtures.hpp"
#include "spreadsheet/table.hpp"

using rw::sheet::read_xlsx;
using rw::sheet::ReadLimits;
using rw::sheet::Table;

namespace {

const std::string kWorkbook =
    R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
    R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
    R"(<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>)";
const std::string kWorkbookRels =
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" )"
    R"(Target="worksheets/sheet1.xml"/></Relationships>)";

std::string sheet_xml(const std::string& rows) {
  return R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
         rows + "</sheetData></worksheet>";
}

// A workbook whose first sheet holds rows; shared strings and styles only when given.
std::string xlsx(const std::string& rows, const std::string& shared_strings = "",
                 const std::string& styles = "", const std::string& workbook = kWorkbook) {
  ZipFiles files = {{"xl/workbook.xml", workbook},
                    {"xl/_rels/workbook.xml.rels", kWorkbookRels},
                    {"xl/worksheets/sheet1.xml", sheet_xml(rows)}};
  if (!shared_strings.empty()) files.push_back({"xl/sharedStrings.xml", "<sst>" + shared_strings + "</sst>"});
  if (!styles.empty()) files.push_back({"xl/styles.xml", "<styleSheet>" + styles + "</styleSheet>"});
  return make_zip(files);
}

// The texts of one row, empty cells included.
std::vector<std::string> texts(const rw::sheet::Row& row) {
  std::vector<std::string> out;
  for (const auto& cell : row.cells) out.push_back(cell.text);
  return out;
}

using Texts = std::vector<std::string>;

}  // namespace

TEST(XlsxReader, ReadsSharedStringsJoiningRichTextRuns) {
  const Table table =
      read_xlsx(xlsx(R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>)"
                     R"(<c r="C1" t="s"><v>2</v></c></row>)",
                     "<si><t>企业名称</t></si>"
                     R"(<si><r><rPr><b/></rPr><t>统一</t></r><r><t xml:space="preserve">代码 </t></r>)"
                     "<rPh><t>ignored</t></rPh></si>"
                     "<si><t>first_x000D__x000A_second _x005F_x0041_</t></si>"));
  ASSERT_EQ(table.rows.size(), 1u);
  EXPECT_EQ(table.rows[0].number, 1u);
  EXPECT_EQ(texts(table.rows[0]), (Texts{"企业名称", "统一代码 ", "first\r\nsecond _x0041_"}));
  EXPECT_FALSE(table.rows[0].cells[0].is_formula);
}

TEST(XlsxReader, ReadsInlineStringsBooleansErrorsAndFormulaResults) {
  const Table table =
      read_xlsx(xlsx(R"(<row r="1">)"
                     R"(<c r="A1" t="inlineStr"><is><t>北京市</t></is></c>)"
                     R"(<c r="B1" t="inlineStr"><is><r><t>海</t></r><r><t>淀区</t></r></is></c>)"
                     R"(<c r="C1" t="b"><v>1</v></c><c r="D1" t="b"><v>0</v></c>)"
                     R"(<c r="E1" t="e"><v>#N/A</v></c></row>)"
                     R"(<row r="2"><c r="A2" t="str"><f>A1&amp;"x"</f><v>北京市x</v></c>)"
                     R"(<c r="B2"><f>1+2</f><v>3</v></c><c r="C2"><f>NOW()</f></c>)"
                     R"(<c r="D2"><v>7</v></c></row>)"));
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(texts(table.rows[0]), (Texts{"北京市", "海淀区", "TRUE", "FALSE", "#N/A"}));
  const auto& formulas = table.rows[1].cells;
  EXPECT_EQ(texts(table.rows[1]), (Texts{"北京市x", "3", "", "7"}));
  EXPECT_TRUE(formulas[0].is_formula);
  EXPECT_TRUE(formulas[1].is_formula);
  EXPECT_TRUE(formulas[2].is_formula);  // no cached value, still a formula
  EXPECT_FALSE(formulas[3].is_formula);
}

TEST(XlsxReader, RendersNumbersWithoutLosingDigits) {
  const Table table =
      read_xlsx(xlsx(R"(<row r="1"><c r="A1"><v>13800000000</v></c><c r="B1"><v>1.38E+10</v></c>)"
                     R"(<c r="C1"><v>3.0</v></c><c r="D1"><v>0.1</v></c>)"
                     R"(<c r="E1"><v>4.4000000000000004</v></c><c r="F1"><v>-12.5</v></c>)"
                     R"(<c r="G1"><v>1E-3</v></c><c r="H1"><v>-0</v></c>)"
                     R"(<c r="I1"><v>913501007</v></c><c r="J1" t="n"><v>42</v></c></row>)"));
  EXPECT_EQ(texts(table.rows[0]), (Texts{"13800000000", "13800000000", "3", "0.1", "4.4", "-12.5", "0.001",
                                         "0", "913501007", "42"}));
}

TEST(XlsxReader, TurnsDateStyledNumbersIntoIsoDates) {
  const std::string styles =
      R"(<numFmts count="5"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>)"
      R"(<numFmt numFmtId="165" formatCode="h:mm"/><numFmt numFmtId="166" formatCode="[h]:mm"/>)"
      R"(<numFmt numFmtId="167" formatCode="0.00&quot;day&quot;"/><numFmt numFmtId="168" formatCode="[Red][$-804]mmm"/>)"
      R"(</numFmts><cellXfs count="9"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/>)"
      R"(<xf numFmtId="166"/><xf numFmtId="22"/><xf numFmtId="20"/><xf numFmtId="167"/><xf numFmtId="168"/></cellXfs>)";
  const Table table =
      read_xlsx(xlsx(R"(<row r="1"><c r="A1" s="1"><v>45000</v></c><c r="B1" s="2"><v>45000</v></c>)"
                     R"(<c r="C1" s="5"><v>45000.75</v></c><c r="D1" s="8"><v>45000</v></c>)"
                     R"(<c r="E1" s="1" t="s"><v>0</v></c></row>)"
                     // Excel's fictitious 1900-02-29 and the days around it
                     R"(<row r="2"><c r="A2" s="1"><v>1</v></c><c r="B2" s="1"><v>59</v></c>)"
                     R"(<c r="C2" s="1"><v>60</v></c><c r="D2" s="1"><v>61</v></c></row>)"
                     // times and plain numbers stay numbers
                     R"(<row r="3"><c r="A3" s="3"><v>0.5</v></c><c r="B3" s="4"><v>1.5</v></c>)"
                     R"(<c r="C3" s="6"><v>0.25</v></c><c r="D3" s="7"><v>45000</v></c>)"
                     R"(<c r="E3" s="0"><v>45000</v></c><c r="F3"><v>45000</v></c></row>)",
                     "<si><t>2023/3/15</t></si>", styles));
  EXPECT_EQ(texts(table.rows[0]),
            (Texts{"2023-03-15", "2023-03-15", "2023-03-15", "2023-03-15", "2023/3/15"}));
  EXPECT_EQ(texts(table.rows[1]), (Texts{"1900-01-01", "1900-02-28", "1900-02-29", "1900-03-01"}));
  EXPECT_EQ(texts(table.rows[2]), (Texts{"0.5", "1.5", "0.25", "45000", "45000", "45000"}));
}

TEST(XlsxReader, CountsDatesFrom1904WhenTheWorkbookSaysSo) {
  const std::string workbook =
      R"(<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
      R"(<workbookPr date1904="1"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>)";
  const Table table =
      read_xlsx(xlsx(R"(<row r="1"><c r="A1" s="1"><v>43538</v></c><c r="B1" s="1"><v>0</v></c></row>)", "",
                     R"(<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>)", workbook));
  EXPECT_EQ(texts(table.rows[0]), (Texts{"2023-03-15", "1904-01-01"}));
}

TEST(XlsxReader, PlacesCellsByReferenceAndDropsEmptyRows) {
  const Table table =
      read_xlsx(xlsx(R"(<row r="2"><c r="B2" t="inlineStr"><is><t>b</t></is></c>)"
                     R"(<c r="D2"><v>4</v></c><c><v>5</v></c>)"
                     R"(<c r="G2" t="inlineStr"><is><t></t></is></c><c r="H2" s="1"/></row>)"
                     R"(<row r="3"><c r="A3" s="1"/><c r="B3" t="inlineStr"><is><t></t></is></c></row>)"
                     R"(<row><c r="A4"><v>1</v></c></row>)"
                     R"(<row r="7" spans="1:2"><c r="ab7"><v>28</v></c></row>)"));
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(table.rows[0].number, 2u);
  EXPECT_EQ(texts(table.rows[0]), (Texts{"", "b", "", "4", "5"}));  // E follows D; empty G and H are trimmed
  EXPECT_EQ(table.rows[1].number, 4u);                              // a row without r follows row 3
  EXPECT_EQ(texts(table.rows[1]), (Texts{"1"}));
  EXPECT_EQ(table.rows[2].number, 7u);
  ASSERT_EQ(table.rows[2].cells.size(), 28u);
  EXPECT_EQ(table.rows[2].cells[27].text, "28");
}

TEST(XlsxReader, KeepsWhitespaceOnlyTextAndAcceptsPrefixedElements) {
  const std::string sheet =
      R"(<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>)"
      R"(<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t xml:space="preserve"> </x:t></x:is></x:c>)"
      R"(<x:c r="B1"><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>)";
  const Table table = read_xlsx(make_zip({{"xl/worksheets/sheet1.xml", sheet}}));
  EXPECT_EQ(texts(table.rows[0]), (Texts{" ", "2"}));
}

TEST(XlsxReader, FindsTheFirstWorksheetThroughTheWorkbookRelationships) {
  const std::string workbook =
      R"(<workbook xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>)"
      R"(<sheet name="图表" sheetId="3" rel:id="rId3"/><sheet name="数据" sheetId="1" rel:id="rId7"/>)"
      R"(<sheet name="其他" sheetId="2" rel:id="rId1"/></sheets></workbook>)";
  const std::string rels =
      R"(<Relationships><Relationship Id="rId1" Type="http://x/relationships/worksheet" Target="worksheets/sheet1.xml"/>)"
      R"(<Relationship Id="rId3" Type="http://x/relationships/chartsheet" Target="chartsheets/sheet1.xml"/>)"
      R"(<Relationship Id="rId7" Type="http://x/relationships/worksheet" Target="/xl/worksheets/data.xml"/>)"
      R"(</Relationships>)";
  const Table table =
      read_xlsx(make_zip({{"xl/workbook.xml", workbook},
                          {"xl/_rels/workbook.xml.rels", rels},
                          {"xl/worksheets/sheet1.xml", sheet_xml(R"(<row r="1"><c><v>1</v></c></row>)")},
                          {"xl/worksheets/data.xml", sheet_xml(R"(<row r="1"><c><v>2</v></c></row>)")}}));
  EXPECT_EQ(table.rows[0].cells[0].text, "2");
}

// A workbook whose sheets have roles (an XLSForm's survey, choices, settings) is read by sheet name.
TEST(XlsxReader, ReadsAWorksheetByNameIgnoringCase) {
  const std::string workbook =
      R"(<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>)"
      R"(<sheet name="survey" sheetId="1" r:id="rId1"/><sheet name="Choices" sheetId="2" r:id="rId2"/>)"
      R"(<sheet name="图表" sheetId="3" r:id="rId3"/><sheet name="empty" sheetId="4" r:id="rId4"/></sheets></workbook>)";
  const std::string rels =
      R"(<Relationships><Relationship Id="rId1" Type="http://x/relationships/worksheet" Target="worksheets/sheet1.xml"/>)"
      R"(<Relationship Id="rId2" Type="http://x/relationships/worksheet" Target="worksheets/sheet2.xml"/>)"
      R"(<Relationship Id="rId3" Type="http://x/relationships/chartsheet" Target="chartsheets/sheet1.xml"/>)"
      R"(<Relationship Id="rId4" Type="http://x/relationships/worksheet" Target="worksheets/sheet4.xml"/>)"
      R"(</Relationships>)";
  const std::string bytes =
      make_zip({{"xl/workbook.xml", workbook},
                {"xl/_rels/workbook.xml.rels", rels},
                {"xl/worksheets/sheet1.xml", sheet_xml(R"(<row r="1"><c><v>1</v></c></row>)")},
                {"xl/worksheets/sheet2.xml", sheet_xml(R"(<row r="3"><c><v>2</v></c></row>)")},
                {"xl/worksheets/sheet4.xml", sheet_xml("")}});
  const auto choices = rw::sheet::read_xlsx_sheet(bytes, "choices");
  ASSERT_TRUE(choices.has_value());
  ASSERT_EQ(choices->rows.size(), 1u);
  EXPECT_EQ(choices->rows[0].number, 3u);
  EXPECT_EQ(choices->rows[0].cells[0].text, "2");
  EXPECT_EQ(rw::sheet::read_xlsx_sheet(bytes, "SURVEY")->rows[0].cells[0].text, "1");
  // An empty sheet is no rows rather than empty_file; a chart sheet or a missing name is no worksheet.
  EXPECT_TRUE(rw::sheet::read_xlsx_sheet(bytes, "empty")->rows.empty());
  EXPECT_FALSE(rw::sheet::read_xlsx_sheet(bytes, "图表").has_value());
  EXPECT_FALSE(rw::sheet::read_xlsx_sheet(bytes, "settings").has_value());
}

TEST(XlsxReader, FallsBackToSheet1WithoutAWorkbookPart) {
  const Table table =
      read_xlsx(make_zip({{"xl/worksheets/sheet1.xml", sheet_xml(R"(<row><c><v>9</v></c></row>)")}}));
  EXPECT_EQ(table.rows[0].number, 1u);
  EXPECT_EQ(table.rows[0].cells[0].text, "9");
}

TEST(XlsxReader, RejectsAPackageWithoutAWorksheet) {
  const auto error = api_error([] {
    read_xlsx(make_zip({{"xl/workbook.xml", kWorkbook}, {"xl/_rels/workbook.xml.rels", kWorkbookRels}}));
  });
  EXPECT_EQ(error.kind, rw::ErrorKind::invalid);
  EXPECT_EQ(error.code, "unreadable_file");
  EXPECT_EQ(error.detail, "文件中没有工作表");
  EXPECT_EQ(error.detail_en, "The file has no worksheet");
}

TEST(XlsxReader, IgnoresElementsThatOnlyStartLikeARow) {
  const std::string sheet =
      "<worksheet><sheetData><row><c><v>1</v></c></row></sheetData>"
      R"(<rowBreaks count="1"><brk id="3"/></rowBreaks></worksheet>)";
  const Table table = read_xlsx(make_zip({{"xl/worksheets/sheet1.xml", sheet}}));
  ASSERT_EQ(table.rows.size(), 1u);
  EXPECT_EQ(table.rows[0].cells[0].text, "1");
}

TEST(XlsxReader, RejectsBrokenXml) {
  const auto broken_row = api_error([] {
    read_xlsx(make_zip({{"xl/worksheets/sheet1.xml", sheet_xml("<row><c><v>1</v></row>")}}));
  });
  EXPECT_EQ(broken_row.code, "unreadable_file");
  const auto truncated_sheet = api_error([] {
    read_xlsx(make_zip({{"xl/worksheets/sheet1.xml", "<worksheet><sheetData><row><c><v>1</v></c></row>"}}));
  });
  EXPECT_EQ(truncated_sheet.code, "unreadable_file");
  const auto broken_workbook =
      api_error([] { read_xlsx(xlsx("<row><c><v>1</v></c></row>", "", "", "<workbook>")); });
  EXPECT_EQ(broken_workbook.code, "unreadable_file");
  const auto broken_strings =
      api_error([] { read_xlsx(xlsx(R"(<row><c t="s"><v>0</v></c></row>)", "<si><t>unclosed</si>")); });
  EXPECT_EQ(broken_strings.code, "unreadable_file");
  const auto missing_string =
      api_error([] { read_xlsx(xlsx(R"(<row><c t="s"><v>5</v></c></row>)", "<si><t>a</t></si>")); });
  EXPECT_EQ(missing_string.code, "unreadable_file");
}

TEST(XlsxReader, RejectsBytesThatAreNotAZip) {
  const auto text = api_error([] { read_xlsx("企业名称,电话\n"); });
  EXPECT_EQ(text.code, "unreadable_file");
  EXPECT_EQ(text.detail_en, "The file cannot be read; upload an Excel (.xlsx) or CSV file");
  EXPECT_EQ(api_error([] { read_xlsx(std::string("PK\x03\x04 truncated", 14)); }).code, "unreadable_file");
}

TEST(XlsxReader, RejectsEmptyInputAndEmptySheets) {
  const auto empty = api_error([] { read_xlsx(""); });
  EXPECT_EQ(empty.code, "empty_file");
  EXPECT_EQ(empty.detail, "文件为空");
  EXPECT_EQ(empty.detail_en, "The file is empty");
  EXPECT_EQ(api_error([] { read_xlsx(xlsx(R"(<row r="1"><c r="A1" s="1"/></row>)")); }).code, "empty_file");
}

TEST(XlsxReader, RejectsACellBeyondTheColumnLimit) {
  const auto far =
      api_error([] { read_xlsx(xlsx(R"(<row r="5"><c r="EQXD5"><v>1</v></c></row>)")); });  // column 100000
  EXPECT_EQ(far.code, "too_many_columns");
  EXPECT_EQ(far.detail, "第 5 行超过 200 列");
  EXPECT_EQ(far.detail_en, "Row 5 has more than 200 columns");
  EXPECT_EQ(api_error([] { read_xlsx(xlsx(R"(<row><c r="GS1"><v>1</v></c></row>)")); }).code,
            "too_many_columns");
  EXPECT_EQ(
      api_error([] { read_xlsx(xlsx(R"(<row><c r="AAAAAAAAAAAAAAAAAAAA1"><v>1</v></c></row>)")); }).code,
      "too_many_columns");  // a reference that would overflow
  EXPECT_EQ(read_xlsx(xlsx(R"(<row><c r="GR1"><v>1</v></c></row>)")).rows[0].cells.size(), 200u);
}

TEST(XlsxReader, RejectsMoreRowsThanTheLimit) {
  const ReadLimits limits{.max_rows = 2};
  const std::string two_rows =
      R"(<row r="1"><c><v>1</v></c></row><row r="2"/><row r="3"><c><v>3</v></c></row>)";
  EXPECT_EQ(read_xlsx(xlsx(two_rows), limits).rows.size(), 2u);
  const auto error =
      api_error([&] { read_xlsx(xlsx(two_rows + R"(<row r="4"><c><v>4</v></c></row>)"), limits); });
  EXPECT_EQ(error.code, "too_many_rows");
  EXPECT_EQ(error.detail_en, "The file has more than 2 rows");
}

TEST(XlsxReader, RejectsPartsThatUnpackBeyondTheLimit) {
  const std::string padded = xlsx(R"(<row r="1"><c><v>1</v></c></row>)" + std::string(100'000, ' '));
  ASSERT_LT(padded.size(), 5'000u);  // compresses well, as a zip bomb does
  EXPECT_EQ(read_xlsx(padded, {.max_unpacked_bytes = 200'000}).rows[0].cells[0].text, "1");
  const auto error = api_error([&] { read_xlsx(padded, {.max_unpacked_bytes = 100'000}); });
  EXPECT_EQ(error.code, "unreadable_file");
  EXPECT_EQ(error.detail, "文件解压后过大");
  EXPECT_EQ(error.detail_en, "The file is too large once unpacked");
}

TEST(XlsxReader, RejectsAStylesPartTooLargeToParseWhole) {
  const std::string styles = R"(<cellXfs><xf numFmtId="14"/></cellXfs>)" + std::string(17u << 20, ' ');
  const auto error = api_error([&] { read_xlsx(xlsx("<row><c><v>1</v></c></row>", "", styles)); });
  EXPECT_EQ(error.code, "unreadable_file");
  EXPECT_EQ(error.detail_en, "The file is too large once unpacked");
}

TEST(XlsxReader, RejectsElementsNestedAbsurdlyDeep) {
  std::string nested;
  for (int i = 0; i < 100; ++i) nested += "<x>";
  for (int i = 0; i < 100; ++i) nested += "</x>";
  EXPECT_EQ(api_error([&] { read_xlsx(xlsx("<row><c><v>1</v></c></row>" + nested)); }).code,
            "unreadable_file");
}

TEST(XlsxReader, PassesRowsOnOneByOne) {
  std::vector<std::size_t> numbers;
  const std::string rows = R"(<row r="1"><c><v>1</v></c></row><row r="3"><c><v>3</v></c></row>)";
  rw::sheet::read_xlsx_rows(xlsx(rows), [&](const rw::sheet::Row& row) { numbers.push_back(row.number); });
  EXPECT_EQ(numbers, (std::vector<std::size_t>{1, 3}));
  // An error from the sink stops the reading and comes out as it is.
  numbers.clear();
  const auto error = api_error([&] {
    rw::sheet::read_xlsx_rows(xlsx(rows), [&](const rw::sheet::Row& row) {
      numbers.push_back(row.number);
      throw rw::ApiError(rw::ErrorKind::invalid, "stop", "停", "stop");
    });
  });
  EXPECT_EQ(error.code, "stop");
  EXPECT_EQ(numbers, std::vector<std::size_t>{1});
}
