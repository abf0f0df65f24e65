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
#include "photo_fixtures.hpp"
#include "spreadsheet/table.hpp"

using namespace rw;

namespace {

documents::Document hazard_report(const std::vector<std::string>& photos) {
  documents::Document d;
  d.title = "乐清市星河化工有限公司隐患排查报告";
  d.organization = "无锡市环科环境咨询有限公司";
  d.blocks.push_back(documents::KeyValues{{{"企业名称", "乐清市星河化工有限公司"},
                                           {"统一社会信用代码", "91330382MA2CTEST1X"},
                                           {"服务机构", "无锡市环科环境咨询有限公司"},
                                           {"排查日期", "2026年6月1日"}}});
  for (std::size_t i = 0; i < photos.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    d.blocks.push_back(documents::Heading{"隐患" + n + "：危废暂存间防渗层破损", 2});
    d.blocks.push_back(documents::Table{
        {1, 3},
        0,
        {{{"隐患描述"},
          {"危废暂存间地面防渗层破损开裂，未设置导流沟和收集池，标识标牌缺失，存在渗漏污染土壤和地下水的风险"
           "。"}},
         {{"依据"}, {"《危险废物贮存污染控制标准》（GB 18597-2023）第6.2条"}},
         {{"整改建议"}, {"修复防渗层，补设导流沟、收集池和危险废物标识标牌，建立出入库台账。"}}}});
    d.blocks.push_back(documents::Figure{{{{photos[i]}, "图" + n + " 隐患现场照片"}}, 60});
  }
  return d;
}

sheet::SheetData ledger(int rows) {
  sheet::SheetData sheet{"隐患排查治理台账", {}, {}};
  for (const char* header :
       {"序号", "发现时间", "发现人", "隐患类别", "隐患子类", "隐患描述", "隐患位置", "隐患照片", "隐患等级",
        "依据", "整改建议", "整改措施", "整改期限", "责任人", "整改资金（元）", "验收情况", "备注"})
    sheet.columns.push_back({header, 16});
  for (int i = 1; i <= rows; ++i)
    sheet.rows.push_back({double(i), "2026-06-01", "陈专家", "环境", "危废与治理设施",
                          "危废暂存间防渗层破损开裂，未设置导流沟", "危废暂存间", "2张",
                          i % 7 ? "一般" : "重大", "GB 18597-2023 第6.2条", "修复防渗层", "修复并补设导流沟",
                          "2026-06-15", "王建国", 5000.0, "已验收", ""});
  return sheet;
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
  const auto report = hazard_report(photos);
  measure("report, 50 hazards + 50 photos, PDF", runs, [&] { return documents::render_pdf(report).size(); });
  measure("report, 50 hazards + 50 photos, DOCX", runs,
          [&] { return documents::render_docx(report).size(); });
  const auto sheet = ledger(10'000);
  measure("ledger, 10,000 rows x 17 columns, XLSX", runs, [&] { return sheet::write_xlsx({sheet}).size(); });
}
