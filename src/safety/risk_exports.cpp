// The exports of an enterprise's risk identification: the four-colour map (SVG, PNG) and the lists of
// Tables 3–7 (.xlsx, PDF). Each table is built once as header and text rows, then written to either format.
#include <nlohmann/json.hpp>

#include "documents/document.hpp"
#include "files/file_record.hpp"
#include "platform/dates.hpp"
#include "platform/errors.hpp"
#include "reports/report_rules.hpp"
#include "safety/risk_map.hpp"
#include "safety/risk_service.hpp"
#include "safety/risk_view.hpp"
#include "spreadsheet/table.hpp"

namespace rw::safety {
namespace {

using nlohmann::json;

struct TextTable {
  std::string name;  // the sheet's tab and the PDF's heading
  std::vector<std::string> headers;
  std::vector<double> widths;  // relative; also the sheet's column widths ×3
  std::vector<std::vector<std::string>> rows;
  // The lines signed on paper under the table in the PDF (Tables 5 and 6: 分析人员 … 审定日期).
  std::vector<std::string> sign_off = {};
};

std::string text_of(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number()) {
    auto text = value.dump();
    if (text.size() > 2 && text.ends_with(".0")) text.resize(text.size() - 2);
    return text;
  }
  return "";
}

// Tables 3 and 4: 序号, then the kind's columns.
TextTable list_table(const std::string& name, const std::vector<Column>& columns, const json& records) {
  TextTable t{name, {"序号"}, {1}, {}};
  for (const auto& c : columns) {
    t.headers.emplace_back(c.header);
    t.widths.push_back(3);
  }
  int n = 0;
  for (const auto& r : records) {
    std::vector<std::string> row = {std::to_string(++n)};
    for (const auto& c : columns)
      row.push_back(c.key == "routine" ? routine_label(r.value("routine", ""))
                                       : text_of(r.value(c.key, json())));
    t.rows.push_back(std::move(row));
  }
  return t;
}

// Table 7 风险清单.
TextTable risk_list_table(const json& list) {
  TextTable t{"风险清单", {"序号"}, {1}, {}};
  for (const auto& c : risk_list_columns()) {
    t.headers.emplace_back(c.header);
    t.widths.push_back(c.key == "risk_description" || c.key == "hazard" ? 4 : 2.5);
  }
  for (const auto& r : list) {
    std::vector<std::string> row = {text_of(r["number"])};
    for (const auto& c : risk_list_columns())
      row.push_back(c.key == "level" ? text_of(r["level_label"]) : text_of(r.value(c.key, json())));
    t.rows.push_back(std::move(row));
  }
  return t;
}

// Tables 5 (JHA) and 6 (SCL): the heading's fields as columns, then the row's. A row graded by L·E·C shows
// E and C in the S column and D in the R column.
TextTable analysis_table(const std::string& method, const json& assessments) {
  const bool jha = method == "jha";
  TextTable t{jha ? "工作危害分析评价记录" : "安全检查分析评价记录", {}, {}, {}};
  t.headers =
      jha ? std::vector<std::string>{"序号",     "车间（部门）", "岗位",
                                     "工作任务", "工作步骤",     "危险和有害因素（人、物、作业环境、管理）",
                                     "主要后果"}
          : std::vector<std::string>{"序号",     "车间（部门）", "区域/工艺过程",         "装置/设备/设施",
                                     "检查项目", "标准",         "不符合标准的情况及后果"};
  for (const char* h : {"现有安全控制措施", "L", "S", "R", "风险等级", "建议改进措施", "备注"})
    t.headers.push_back(h);
  t.widths = {1, 2, 2, 2, 3, 4, 3, 3, 1, 1.5, 1.5, 2, 3, 2};
  // 注：审核人为所在岗位（工序）负责人，审定人为上级负责人。
  t.sign_off = {"分析人员", "分析日期", "审核人", "审核日期", "审定人", "审定日期"};
  int n = 0;
  for (const auto& a : assessments) {
    if (a.value("method", "") != method) continue;
    const bool lec = a.value("scoring", "") == "lec";
    const std::string s = lec ? "E=" + text_of(a["e"]) + " C=" + text_of(a["c"]) : text_of(a["s"]);
    t.rows.push_back({std::to_string(++n), text_of(a["department"]), text_of(a["unit"]), text_of(a["object"]),
                      text_of(a["item"]), text_of(a[jha ? "hazard" : "standard"]),
                      text_of(a[jha ? "consequence" : "hazard"]), text_of(a["controls"]), text_of(a["l"]), s,
                      (lec ? "D=" : "") + text_of(a["score"]), text_of(a["level_label"]),
                      text_of(a["suggestion"]), text_of(a["remarks"])});
  }
  return t;
}

std::vector<TextTable> tables_of(const RiskView& view) {
  return {risk_list_table(risk_list(view.assessments)), analysis_table("jha", view.assessments),
          analysis_table("scl", view.assessments),
          list_table("作业活动清单", activity_columns(), view.activities),
          list_table("设备设施清单", equipment_columns(), view.equipment)};
}

std::string workbook(const std::vector<TextTable>& tables) {
  std::vector<sheet::SheetData> sheets;
  for (const auto& t : tables) {
    sheet::SheetData s{t.name, {}, {}};
    for (std::size_t i = 0; i < t.headers.size(); ++i) s.columns.push_back({t.headers[i], t.widths[i] * 5});
    for (const auto& row : t.rows) s.rows.emplace_back(row.begin(), row.end());
    sheets.push_back(std::move(s));
  }
  return sheet::write_xlsx(sheets);
}

std::string summary(const json& counts) {
  return "重大风险 " + text_of(counts["major"]) + " 项，较大风险 " + text_of(counts["large"]) +
         " 项，一般风险 " + text_of(counts["general"]) + " 项，低风险 " + text_of(counts["low"]) + " 项。";
}

std::string pdf(const RiskView& view, const std::vector<TextTable>& tables, const accounts::Operation& op) {
  documents::Document d{view.enterprise_name + "安全风险清单", "", op.actor.org_name, {}};
  d.blocks.push_back(documents::text(summary(level_counts(view.assessments))));
  for (const auto& t : tables) {
    d.blocks.push_back(documents::Heading{t.name, 2});
    if (t.rows.empty()) {
      d.blocks.push_back(documents::text("（无记录）", 0));
      continue;
    }
    documents::Table table{t.widths, 1, {{}}, 7.5};
    for (const auto& h : t.headers) table.rows[0].push_back({h, true, documents::Align::center});
    for (const auto& row : t.rows) {
      std::vector<documents::Cell> cells;
      for (const auto& text : row) cells.push_back({text});
      table.rows.push_back(std::move(cells));
    }
    d.blocks.push_back(std::move(table));
    if (t.sign_off.empty()) continue;
    documents::KeyValues signatures{{}, 3, 9};
    for (const auto& label : t.sign_off) signatures.items.emplace_back(label, "");
    d.blocks.push_back(std::move(signatures));
  }
  // Table 7's closing lines: who compiled it and when; the reviewer signs on paper.
  d.blocks.push_back(documents::KeyValues{{{"编制人", op.actor.display_name},
                                           {"编制日期", reports::chinese_date(china_date(op.clock.now()))},
                                           {"审核人", ""},
                                           {"审核日期", ""}}});
  return documents::render_pdf(d);
}

}  // namespace

RiskFile risk_map(const accounts::Operation& op, const files::FileStore& store, std::int64_t enterprise_id,
                  std::string_view format) {
  const auto view = visible_view(op.db, op.actor, enterprise_id).view;
  if (!view.plan)
    throw ApiError(ErrorKind::not_found, "no_site_plan", "该企业尚未上传平面图",
                   "the enterprise has no site plan");
  const auto file = files::find_file(op.db, view.plan->file_id);
  if (!file) throw not_found();
  const SitePlanImage plan{store.read(file->sha256), file->media_type, static_cast<double>(view.plan->width),
                           static_cast<double>(view.plan->height)};
  std::vector<MapZone> zones;
  for (const auto& z : view.zones)
    zones.push_back({z.value("name", ""), polygon_of(z),
                     z["level"].is_string() ? level_from_code(z["level"].get<std::string>()) : std::nullopt});
  const std::string title = view.enterprise_name + "安全风险四色图";
  const auto ascii = "safety-risk-map-" + std::to_string(enterprise_id);
  if (format == "svg") return {map_svg(plan, zones, title), "svg", title, ascii};
  if (format == "png") return {map_png(plan, zones), "png", title, ascii};
  throw invalid_field("format", "invalid_choice", "格式须为 svg 或 png", "format must be svg or png");
}

RiskFile risk_list_file(const accounts::Operation& op, std::int64_t enterprise_id, std::string_view format) {
  if (format != "xlsx" && format != "pdf")
    throw invalid_field("format", "invalid_choice", "格式须为 xlsx 或 pdf", "format must be xlsx or pdf");
  const auto view = visible_view(op.db, op.actor, enterprise_id).view;
  const auto tables = tables_of(view);
  const std::string title = view.enterprise_name + "安全风险清单";
  const auto ascii = "safety-risk-list-" + std::to_string(enterprise_id);
  if (format == "xlsx") return {workbook(tables), "xlsx", title, ascii};
  return {pdf(view, tables, op), "pdf", title, ascii};
}

}  // namespace rw::safety
