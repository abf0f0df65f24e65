#include "reports/report_document.hpp"

#include "notices/notice_document.hpp"
#include "reports/report_rules.hpp"

namespace rw::reports {
namespace {

using documents::Cell;
using documents::Document;
using documents::Heading;
using documents::Table;

std::string sub_number(std::size_t i) {
  return "（" + notices::chinese_number(static_cast<int>(i + 1)) + "）";
}

// The report's top-level headings, numbered in the order written (一、二、…): the 环责险风险评估报告 has
// more.
struct Sections {
  Document& d;
  int written = 0;
  void heading(const std::string& title) {
    d.blocks.push_back(Heading{notices::chinese_number(++written) + "、" + title, 2});
  }
};

Table header_table(std::vector<double> widths, std::vector<std::string> headers) {
  Table table{std::move(widths), 1, {{}}};
  for (auto& header : headers) table.rows[0].push_back({std::move(header), true, documents::Align::center});
  return table;
}

void particulars(Sections& s, const ReportContent& c) {
  auto& d = s.d;
  s.heading("企业基本情况");
  d.blocks.push_back(documents::KeyValues{c.particulars, 2});
}

void service(Sections& s, const ReportContent& c) {
  auto& d = s.d;
  s.heading("服务概况");
  d.blocks.push_back(documents::KeyValues{c.service, 1});
  d.blocks.push_back(documents::bold_text("服务人员"));
  auto team = header_table({1, 3, 3, 3, 2}, {"序号", "姓名", "人员类别", "职称", "分工"});
  for (std::size_t i = 0; i < c.team.size(); ++i) {
    const auto& m = c.team[i];
    team.rows.push_back({{std::to_string(i + 1), false, documents::Align::center},
                         {m.name},
                         {m.kind},
                         {m.title},
                         {m.leader ? "组长" : "组员", false, documents::Align::center}});
  }
  d.blocks.push_back(std::move(team));
}

void checklist_part(Document& d, const ChecklistPart& part) {
  d.blocks.push_back(documents::Paragraph{{{part.title}}, documents::Align::left, 12, part.depth == 0, 0, 1});
  auto table = header_table({1, 6, 4, 3}, {"序号", "检查项目", "检查结果", "备注"});
  std::vector<const ChecklistLine*> tables;
  for (std::size_t i = 0; i < part.lines.size(); ++i) {
    const auto& line = part.lines[i];
    const bool is_table = !line.table.empty();
    if (is_table) tables.push_back(&line);
    table.rows.push_back({{std::to_string(i + 1), false, documents::Align::center},
                          {line.item},
                          {is_table              ? "见下表"
                           : line.answer.empty() ? "未填写"
                                                 : line.answer},
                          {line.note}});
  }
  if (table.rows.size() > 1) d.blocks.push_back(std::move(table));
  for (const auto* line : tables) {
    d.blocks.push_back(documents::text(line->item, 0));
    Table answer{std::vector<double>(line->table[0].size(), 1), 1, {}};
    for (const auto& row : line->table) {
      std::vector<Cell> cells;
      for (const auto& text : row) cells.push_back({text, &row == &line->table[0]});
      answer.rows.push_back(std::move(cells));
    }
    d.blocks.push_back(std::move(answer));
  }
}

void findings(Document& d, const std::vector<FindingLine>& lines) {
  if (lines.empty()) return;
  d.blocks.push_back(documents::bold_text("检查发现的问题"));
  auto table = header_table({1, 6, 2, 5, 4}, {"序号", "问题描述", "分级", "整改建议", "依据"});
  for (std::size_t i = 0; i < lines.size(); ++i)
    table.rows.push_back({{std::to_string(i + 1), false, documents::Align::center},
                          {lines[i].description},
                          {lines[i].grade, false, documents::Align::center},
                          {lines[i].suggestion},
                          {lines[i].basis}});
  d.blocks.push_back(std::move(table));
}

void checklists(Sections& s, const ReportContent& c) {
  auto& d = s.d;
  s.heading(c.env_risk ? "现场勘查情况" : "检查情况");
  if (c.checklists.empty()) d.blocks.push_back(documents::text("本次服务未使用检查表。"));
  for (std::size_t i = 0; i < c.checklists.size(); ++i) {
    const auto& list = c.checklists[i];
    d.blocks.push_back(Heading{sub_number(i) + list.name, 3});
    d.blocks.push_back(documents::text("检查表状态：" + list.status +
                                       (list.score.empty() ? "" : "；得分：" + list.score) + "。"));
    for (const auto& part : list.parts) checklist_part(d, part);
    findings(d, list.findings);
  }
}

void hazard_detail(Document& d, const HazardEntry& h, std::size_t i) {
  const auto n = std::to_string(i + 1);
  d.blocks.push_back(Heading{"隐患 " + n + "：" + h.description, 3});
  d.blocks.push_back(documents::KeyValues{{{"隐患描述", h.description},
                                           {"隐患类别", h.category},
                                           {"隐患分级", h.grade},
                                           {"隐患位置", h.location},
                                           {"发现时间", h.found_on},
                                           {"发现人员", h.found_by},
                                           {"依据", h.basis},
                                           {"整改建议", h.suggestion},
                                           {"整改期限", h.due_on},
                                           {"当前状态", h.status}},
                                          1});
  // Two photos to a row, each captioned with the hazard and its place among them.
  for (std::size_t p = 0; p < h.photos.size(); p += 2) {
    documents::Figure figure{{}, 60};
    for (std::size_t k = p; k < std::min(p + 2, h.photos.size()); ++k)
      figure.pictures.push_back(
          {h.photos[k], "图 " + n + "-" + std::to_string(k + 1) + " 隐患 " + n + " 现场照片"});
    d.blocks.push_back(std::move(figure));
  }
}

void hazards(Sections& s, const ReportContent& c) {
  auto& d = s.d;
  s.heading("隐患清单及整改建议");
  if (c.hazards.empty()) {
    d.blocks.push_back(documents::text("本次服务未发现隐患。"));
    return;
  }
  int major = 0;
  for (const auto& h : c.hazards) major += h.grade == "重大" ? 1 : 0;
  d.blocks.push_back(documents::text("本次服务共发现隐患 " + std::to_string(c.hazards.size()) +
                                     " 项，其中重大隐患 " + std::to_string(major) + " 项、一般隐患 " +
                                     std::to_string(c.hazards.size() - major) + " 项。"));
  auto table = header_table({1, 6, 3, 2, 3, 5}, {"序号", "隐患描述", "类别", "分级", "位置", "整改建议"});
  for (std::size_t i = 0; i < c.hazards.size(); ++i) {
    const auto& h = c.hazards[i];
    table.rows.push_back({{std::to_string(i + 1), false, documents::Align::center},
                          {h.description},
                          {h.category},
                          {h.grade, false, documents::Align::center},
                          {h.location},
                          {h.suggestion}});
  }
  d.blocks.push_back(std::move(table));
  for (std::size_t i = 0; i < c.hazards.size(); ++i) hazard_detail(d, c.hazards[i], i);
}

void confirmation(Sections& s, const ReportContent& c) {
  auto& d = s.d;
  s.heading("服务确认");
  bool signed_any = false;
  for (const auto& list : c.checklists) {
    if (list.signer.empty()) continue;
    signed_any = true;
    d.blocks.push_back(documents::text(list.name + "：企业确认人 " + list.signer +
                                       (list.signed_on.empty() ? "" : "，" + list.signed_on) + "。"));
    d.blocks.push_back(documents::Signatures{{{"企业确认人（签字）：", list.signature}}});
  }
  if (!signed_any) d.blocks.push_back(documents::Signatures{{{"企业确认人（签字）：", std::nullopt}}});
  d.blocks.push_back(documents::IssuerBlock{c.agency, c.report_date, std::nullopt});
}

// wuxi att.1 一(一)4: the documents of 附件3 the enterprise provided, as its archive holds them.
void documents_checked(Sections& s, const EnvRiskPart& e) {
  auto& d = s.d;
  s.heading("环保资料核查");
  if (e.documents.empty()) {
    d.blocks.push_back(documents::text("未找到资料清单。"));
    return;
  }
  int missing = 0;
  for (const auto& document : e.documents)
    missing += document.state == "缺失" || document.state == "已过期" ? 1 : 0;
  d.blocks.push_back(documents::text("依据" + e.documents_list + "核查企业环保资料共 " +
                                     std::to_string(e.documents.size()) + " 项，其中缺失或已过期 " +
                                     std::to_string(missing) + " 项（以企业一企一档归档情况为准）。"));
  auto table = header_table({1, 7, 3, 5}, {"序号", "资料名称", "核查结果", "归档位置"});
  for (std::size_t i = 0; i < e.documents.size(); ++i) {
    const auto& document = e.documents[i];
    table.rows.push_back({{std::to_string(i + 1), false, documents::Align::center},
                          {document.name},
                          {document.state, document.state != "已提供", documents::Align::center},
                          {document.found_as}});
  }
  d.blocks.push_back(std::move(table));
}

// HJ 941-2018: the level, each medium's Q/M/E and every step of the explanation (risk-methods.md).
void risk_level(Sections& s, const EnvRiskPart& e) {
  auto& d = s.d;
  s.heading("环境风险等级评估（HJ 941-2018）");
  if (!e.assessment_id) {
    d.blocks.push_back(documents::text("该企业尚未录入环境风险评估。"));
    return;
  }
  d.blocks.push_back(documents::KeyValues{e.assessment, 1});
  d.blocks.push_back(documents::bold_text("企业突发环境事件风险等级：" + e.level));
  d.blocks.push_back(documents::text("风险等级表征：" + e.label +
                                     (e.raised ? "（近三年内有环境违法记录，等级上调一级）" : "")));
  auto table = header_table({2, 2, 2, 2, 2, 2, 2, 6},
                            {"环境要素", "Q 值", "Q 水平", "M 值", "M 类型", "E 类型", "等级", "表征"});
  for (const auto& m : e.media)
    table.rows.push_back({{m.medium, false, documents::Align::center},
                          {m.q},
                          {m.q_band, false, documents::Align::center},
                          {m.m},
                          {m.m_band, false, documents::Align::center},
                          {m.e, false, documents::Align::center},
                          {m.level, false, documents::Align::center},
                          {m.label}});
  if (table.rows.size() > 1) d.blocks.push_back(std::move(table));
  if (e.explanation.empty()) return;
  d.blocks.push_back(documents::bold_text("评估过程说明"));
  for (std::size_t i = 0; i < e.explanation.size(); ++i)
    d.blocks.push_back(documents::text(std::to_string(i + 1) + ". " + e.explanation[i], 0));
}

// wuxi 第九条（一）"为环境污染责任保险投保提供风险等级和建议保额": the band and the table (name, version).
void sum_insured(Sections& s, const EnvRiskPart& e) {
  auto& d = s.d;
  s.heading("建议保额");
  if (!e.assessment_id) {
    d.blocks.push_back(documents::text("尚无环境风险等级，暂不提出建议保额。"));
    return;
  }
  d.blocks.push_back(documents::KeyValues{
      {{"建议累计赔偿限额", e.sum_insured.empty() ? "建议保额表中无适用档次" : e.sum_insured},
       {"适用档次", e.sum_insured_basis},
       {"建议保额表", e.sum_insured_table}},
      1});
}

}  // namespace

documents::Document report_document(const ReportContent& c) {
  Document d;
  d.title = c.enterprise + report_title(c.kind, c.env_risk.has_value());
  d.subtitle = "服务机构：" + c.agency + "　　报告日期：" + c.report_date;
  d.organization = c.agency;
  Sections s{d};
  particulars(s, c);
  service(s, c);
  if (c.env_risk) documents_checked(s, *c.env_risk);
  checklists(s, c);
  hazards(s, c);
  if (c.env_risk) {
    risk_level(s, *c.env_risk);
    sum_insured(s, *c.env_risk);
  }
  confirmation(s, c);
  return d;
}

}  // namespace rw::reports
