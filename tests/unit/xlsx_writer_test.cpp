#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "sheet_fixtures.hpp"
#include "spreadsheet/table.hpp"

using rw::sheet::read_xlsx;
using rw::sheet::SheetData;
using rw::sheet::Value;
using rw::sheet::write_xlsx;

namespace {

SheetData companies() {
  return {"企业名单",
          {{"企业名称", 30}, {"联系电话", 16}, {"注册资本", 12}},
          {{std::string("甲公司"), std::string("13800000000"), 1234.5},
           {std::string("乙公司 <&> \"引号\""), std::monostate{}, 13800000000.0}}};
}

std::vector<std::string> texts(const rw::sheet::Row& row) {
  std::vector<std::string> out;
  for (const auto& cell : row.cells) out.push_back(cell.text);
  return out;
}

using Texts = std::vector<std::string>;

// Points TMPDIR at a fresh directory for one test, to see what the writer leaves behind.
class ScratchTmpdir {
 public:
  ScratchTmpdir()
      : dir_(std::filesystem::temp_directory_path() / ("sheet-test-" + std::to_string(getpid()))) {
    std::filesystem::create_directories(dir_);
    if (const char* old = std::getenv("TMPDIR")) old_ = old;
    setenv("TMPDIR", dir_.c_str(), 1);
  }
  ~ScratchTmpdir() {
    if (old_.empty())
      unsetenv("TMPDIR");
    else
      setenv("TMPDIR", old_.c_str(), 1);
    std::filesystem::remove_all(dir_);
  }
  bool empty() const { return std::filesystem::is_empty(dir_); }

 private:
  std::filesystem::path dir_;
  std::string old_;
};

}  // namespace

TEST(XlsxWriter, RoundTripsTextAndNumbers) {
  const auto table = read_xlsx(write_xlsx({companies()}));
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(texts(table.rows[0]), (Texts{"企业名称", "联系电话", "注册资本"}));
  EXPECT_EQ(texts(table.rows[1]), (Texts{"甲公司", "13800000000", "1234.5"}));
  EXPECT_EQ(table.rows[2].number, 3u);
  EXPECT_EQ(texts(table.rows[2]), (Texts{"乙公司 <&> \"引号\"", "", "13800000000"}));
}

TEST(XlsxWriter, WritesStringsAsStringsAndNumbersAsNumbers) {
  const auto sheet = zip_entry(write_xlsx({companies()}), "xl/worksheets/sheet1.xml");
  ASSERT_TRUE(sheet);
  EXPECT_NE(sheet->find(R"(<c r="C2"><v>1234.5</v></c>)"), std::string::npos);
  EXPECT_NE(sheet->find(R"(<c r="B2" t="inlineStr"><is><t>13800000000</t></is></c>)"),
            std::string::npos);  // the phone number stays text
}

TEST(XlsxWriter, FreezesAndFiltersABoldFilledHeader) {
  const std::string bytes = write_xlsx({companies()});
  const auto sheet = zip_entry(bytes, "xl/worksheets/sheet1.xml");
  ASSERT_TRUE(sheet);
  EXPECT_NE(sheet->find(R"(<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>)"),
            std::string::npos);
  EXPECT_NE(sheet->find(R"(<col min="1" max="1" width="30.7109375" customWidth="1"/>)"), std::string::npos);
  EXPECT_NE(sheet->find(R"(<col min="2" max="2" width="16.7109375" customWidth="1"/>)"), std::string::npos);
  EXPECT_NE(sheet->find(R"(<autoFilter ref="A1:C3"/>)"), std::string::npos);
  EXPECT_NE(sheet->find(R"(<c r="A1" s="1" t="inlineStr">)"), std::string::npos);
  const auto styles = zip_entry(bytes, "xl/styles.xml");
  ASSERT_TRUE(styles);
  EXPECT_NE(styles->find("<b/>"), std::string::npos);
  EXPECT_NE(styles->find(R"(<patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/>)"), std::string::npos);
}

TEST(XlsxWriter, MakesSheetNamesValidAndUnique) {
  std::vector<SheetData> sheets(6);
  sheets[0].name = "a/b:c[d]*e?f\\g";
  sheets[1].name = "企业风险预警信息汇总表（二〇二四年第一季度）按地区与行业分类明细表";  // 33 characters
  sheets[2].name = "'报表'";
  sheets[3].name = "";
  sheets[4].name = "Data";
  sheets[5].name = "data";
  const auto workbook = zip_entry(write_xlsx(sheets), "xl/workbook.xml");
  ASSERT_TRUE(workbook);
  for (const char* name : {"a_b_c_d__e_f_g", "企业风险预警信息汇总表（二〇二四年第一季度）按地区与行业分类明",
                           "报表", "Sheet4", "Data", "data (2)"})
    EXPECT_NE(workbook->find(std::string("name=\"") + name + "\""), std::string::npos) << name;
}

TEST(XlsxWriter, LeavesNoTemporaryFileBehind) {
  ScratchTmpdir tmpdir;
  EXPECT_FALSE(write_xlsx({companies()}).empty());
  EXPECT_TRUE(tmpdir.empty());
  SheetData too_long{"s", {{"h"}}, {{std::string(40'000, 'x')}}};  // over Excel's 32767 characters a cell
  EXPECT_THROW(write_xlsx({too_long}), std::runtime_error);
  EXPECT_TRUE(tmpdir.empty());
}
