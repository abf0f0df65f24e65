// Documents rendered for real and read back with the tools people open them with: poppler's pdftotext and
// pdfinfo for the PDF, LibreOffice (which repairs nothing silently: a broken package fails to convert) for
// the .docx.
#include <gtest/gtest.h>
#include <zip.h>
#include <pugixml.hpp>

#include <filesystem>
#include <string>

#include "documents/document.hpp"
#include "documents/image_size.hpp"
#include "pdf_checks.hpp"
#include "photo_fixtures.hpp"
#include "test_database.hpp"

using namespace rw::documents;
using rw::testing::pdf_pages;
using rw::testing::pdf_text;
using rw::testing::run_command;
using rw::testing::write_file;

namespace {

// A hazard report: particulars, a table of `rows` hazards, photos, signatures and a seal.
Document report(int rows) {
  Document d;
  d.title = "乐清市星河化工有限公司隐患排查报告";
  d.subtitle = "温环乐预警〔2023〕0012号";
  d.organization = "温州市环科环境咨询有限公司";
  d.blocks.push_back(Heading{"一、企业基本情况"});
  d.blocks.push_back(KeyValues{{{"企业名称", "乐清市星河化工有限公司"},
                                {"统一社会信用代码", "91330382MA2CTEST1X"},
                                {"法定代表人", "王建国"},
                                {"地址", "浙江省乐清市柳市镇长虹路88号"}}});
  d.blocks.push_back(
      text("我局工作人员于2023年5月10日对你（单位）开展帮扶活动，发现你（单位）存在以下环境隐患（问题）："));
  Table table{{1, 5, 2, 3}, 1, {{{"序号"}, {"隐患描述"}, {"等级"}, {"整改建议"}}}};
  for (int i = 1; i <= rows; ++i)
    table.rows.push_back({{std::to_string(i), false, Align::center},
                          {"第" + std::to_string(i) +
                           "项隐患：危废暂存间防渗层破损，未设置导流沟和收集池，"
                           "标识标牌缺失。"},
                          {i % 7 == 0 ? "重大" : "一般", false, Align::center},
                          {"修复防渗层并补设标识"}});
  d.blocks.push_back(std::move(table));
  d.blocks.push_back(Figure{{{{rw::testing::make_photo_jpeg(1, 1280, 960)}, "图1 危废暂存间"},
                             {{rw::testing::make_photo_jpeg(2, 960, 1280)}, "图2 雨水排放口"}}});
  d.blocks.push_back(Signatures{
      {{"签收单位（公章）：", std::nullopt}, {"签收人：", Image{rw::testing::make_photo_png(3, 300, 120)}}}});
  d.blocks.push_back(IssuerBlock{"温州市生态环境局乐清分局", "2023年5月10日",
                                 Image{rw::testing::make_photo_png(4, 200, 200)}});
  return d;
}

std::string zip_entry(const std::string& zip_bytes, const char* name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(zip_bytes.data(), zip_bytes.size(), 0, &error);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  std::string out;
  if (zip_file_t* file = archive ? zip_fopen(archive, name, 0) : nullptr) {
    char buffer[4096];
    while (zip_int64_t n = zip_fread(file, buffer, sizeof buffer)) {
      if (n < 0) break;
      out.append(buffer, n);
    }
    zip_fclose(file);
  }
  if (archive)
    zip_discard(archive);
  else
    zip_source_free(source);
  zip_error_fini(&error);
  return out;
}

}  // namespace

TEST(ImageSize, ReadsJpegAndPngHeadersAndRefusesTheRest) {
  const auto jpeg = read_image_size(rw::testing::make_photo_jpeg(5, 640, 480));
  ASSERT_TRUE(jpeg);
  EXPECT_EQ(jpeg->kind, ImageKind::jpeg);
  EXPECT_EQ(jpeg->width, 640);
  EXPECT_EQ(jpeg->height, 480);
  const auto png = read_image_size(rw::testing::make_photo_png(5, 30, 70));
  ASSERT_TRUE(png);
  EXPECT_EQ(png->kind, ImageKind::png);
  EXPECT_EQ(png->width, 30);
  EXPECT_EQ(png->height, 70);
  EXPECT_FALSE(read_image_size("GIF89a........................"));
  EXPECT_FALSE(read_image_size(""));
  EXPECT_FALSE(read_image_size(rw::testing::make_photo_jpeg(5, 640, 480).substr(0, 20)));  // no frame header
}

TEST(PdfDocument, GivesBackItsChineseTextAndPageNumbersAndGrowsWithRows) {
  const std::filesystem::path dir = rw::testing::make_temp_dir();
  write_file(dir / "short.pdf", render_pdf(report(10)));
  write_file(dir / "long.pdf", render_pdf(report(200)));

  const int short_pages = pdf_pages(dir / "short.pdf");
  const int long_pages = pdf_pages(dir / "long.pdf");
  EXPECT_GE(short_pages, 1);
  EXPECT_GE(long_pages, short_pages + 5);  // 190 more rows of two lines each

  const std::string text = pdf_text(dir / "long.pdf");
  EXPECT_NE(text.find("乐清市星河化工有限公司隐患排查报告"), std::string::npos) << text.substr(0, 600);
  EXPECT_NE(text.find("温环乐预警〔2023〕0012号"), std::string::npos);
  EXPECT_NE(text.find("91330382MA2CTEST1X"), std::string::npos);
  EXPECT_NE(text.find("第200项隐患：危废暂存间防渗层破损"), std::string::npos);
  EXPECT_NE(text.find("图2雨水排放口"), std::string::npos);
  EXPECT_NE(text.find("签收单位（公章）："), std::string::npos);
  EXPECT_NE(text.find("第1页共" + std::to_string(long_pages) + "页"), std::string::npos);
  EXPECT_NE(text.find("第" + std::to_string(long_pages) + "页共" + std::to_string(long_pages) + "页"),
            std::string::npos);

  // The table continues on page 3 under its repeated header row, with the organization in the page header.
  const std::string page3 = pdf_text(dir / "long.pdf", 3, 3);
  EXPECT_NE(page3.find("温州市环科环境咨询有限公司"), std::string::npos);
  EXPECT_NE(page3.find("序号隐患描述等级整改建议"), std::string::npos) << page3.substr(0, 400);
  EXPECT_EQ(page3.find("一、企业基本情况"), std::string::npos);
}

TEST(DocxDocument, IsAWellFormedPackageThatLibreOfficeConverts) {
  const std::string docx = render_docx(report(40));
  for (const char* part :
       {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
        "word/styles.xml", "word/header1.xml", "word/footer1.xml", "docProps/core.xml"}) {
    const std::string xml = zip_entry(docx, part);
    ASSERT_FALSE(xml.empty()) << part;
    pugi::xml_document doc;
    EXPECT_TRUE(doc.load_string(xml.c_str())) << part;
  }
  const std::string body = zip_entry(docx, "word/document.xml");
  EXPECT_NE(body.find("<w:tblHeader/>"), std::string::npos);
  EXPECT_NE(body.find("第40项隐患"), std::string::npos);
  EXPECT_NE(zip_entry(docx, "word/footer1.xml").find("NUMPAGES"), std::string::npos);
  EXPECT_FALSE(zip_entry(docx, "word/media/image1.jpeg").empty());
  EXPECT_FALSE(
      zip_entry(docx, "word/media/image4.png").empty());  // the seal, after two photos and a signature

  // LibreOffice opens it and writes a PDF whose text holds the Chinese content (one conversion: seconds).
  const std::filesystem::path dir = rw::testing::make_temp_dir();
  write_file(dir / "report.docx", docx);
  const std::string log =
      run_command("cd '" + dir.string() + "' && libreoffice -env:UserInstallation=file://" + dir.string() +
                  "/profile --headless --convert-to pdf report.docx 2>&1");
  ASSERT_TRUE(std::filesystem::exists(dir / "report.pdf")) << log;
  const std::string text = pdf_text(dir / "report.pdf");
  EXPECT_NE(text.find("乐清市星河化工有限公司隐患排查报告"), std::string::npos) << text.substr(0, 600);
  EXPECT_NE(text.find("第40项隐患：危废暂存间防渗层破损"), std::string::npos);
  EXPECT_NE(text.find("温州市环科环境咨询有限公司"), std::string::npos);  // the page header
  EXPECT_NE(text.find("第1页共"), std::string::npos);
}
