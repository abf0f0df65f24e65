// Document rendering times (issue 12 goals): a report of 50 hazards with 50 photos as PDF and as .docx in
// ≤ 1 s each, and a 10,000-row hazard ledger (chengdu Table 9's 17 columns) as .xlsx in ≤ 1 s.
//   cmake --build build --target documents_bench && build/documents_bench [runs]
// Photos are 1280 px JPEGs, the size the file store keeps for viewing (files::kLargeThumbnail), which is
// what documents embed. Prints the fastest and the median of `runs` runs after one warm-up run (fonts).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "documents/document.hpp"
#include "hazards/hazard_ledger.hpp"
#include "hazards/ledger_rules.hpp"
#include "photo_fixtures.hpp"
#include "reports/report_document.hpp"
#include "spreadsheet/table.hpp"

using namespace rw;

namespace {

// A visit's report as reports::report_document composes it: 50 hazards, each with its photo and particulars.
reports::ReportContent hazard_report(const std::vector<std::string>& photos) {
  reports::ReportContent c;
  c.kind = "hazard_screening";
  c.enterprise = "乐清市星河化工有限公司";
  c.agency = "无锡市环科环境咨询有限公司";
  c.report_date = "2026年6月1日";
  c.particulars = {{"企业名称", c.enterprise}, {"统一社会信用代码", "91330382MA2CTEST1X"}};
  c.service = {{"服务机构", c.agency}, {"服务日期", "2026年6月1日"}};
  c.team = {{"陈专家", "专家", "高级", true}, {"刘技术", "技术人员", "中级", false}};
  for (std::size_t i = 0; i < photos.size(); ++i)
    c.hazards.push_back(
        {"危废暂存间地面防渗层破损开裂，未设置导流沟和收集池，标识标牌缺失，存在渗漏污染土壤和地下水的风险。",
         "危废与治理设施 / 贮存设施",
         i % 7 ? "一般" : "重大",
         "危废暂存间",
         "《危险废物贮存污染控制标准》（GB 18597-2023）第6.2条",
         "修复防渗层，补设导流沟、收集池和危险废物标识标牌，建立出入库台账。",
         "2026年6月1日",
         "陈专家",
         "2026年6月15日",
         "已告知",
         {documents::Image{photos[i]}}});
  return c;
}

// chengdu Table 9's 17 cells per hazard (hazards::ledger_cells) for `rows` hazards.
std::vector<std::vector<sheet::Value>> ledger_rows(int rows) {
  hazards::LedgerEntry e{"2026-06-01",
                         "陈专家",
                         "env.hazardous_waste",
                         "",
                         "危废暂存间防渗层破损开裂，未设置导流沟",
                         2,
                         "general",
                         "修复防渗层并补设导流沟",
                         "2026-06-15",
                         "王建国",
                         500000,
                         "已修复防渗层，补设导流沟",
                         2,
                         "2026-06-20",
                         "陈专家",
                         ""};
  std::vector<std::vector<sheet::Value>> out;
  out.reserve(rows);
  for (int i = 1; i <= rows; ++i) out.push_back(hazards::ledger_cells(e, i));
  return out;
}

void measure(const char* name, int runs, const std::function<std::size_t()>& work) {
  std::size_t bytes = work();  // warm-up: fontconfig, the font files, libvips
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    bytes = work();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  std::printf("%-40s fastest %7.1f ms  median %7.1f ms  (%zu bytes)\n", name, ms.front(), ms[ms.size() / 2],
              bytes);
}

}  // namespace

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
  std::vector<std::string> photos;
  for (int i = 0; i < 50; ++i) photos.push_back(testing::make_photo_jpeg(i, 1280, 960, {}, 85));
  const auto report = reports::report_document(hazard_report(photos));
  measure("report, 50 hazards + 50 photos, PDF", runs, [&] { return documents::render_pdf(report).size(); });
  measure("report, 50 hazards + 50 photos, DOCX", runs,
          [&] { return documents::render_docx(report).size(); });
  measure("ledger, 10,000 rows x 17 columns, XLSX", runs,
          [&] { return hazards::ledger_xlsx(ledger_rows(10'000)).size(); });
}
