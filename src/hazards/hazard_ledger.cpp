#include "hazards/hazard_ledger.hpp"

#include <atomic>

#include <nlohmann/json.hpp>

#include "access/visibility.hpp"
#include "accounts/scope.hpp"
#include "documents/document.hpp"
#include "hazards/hazard_store.hpp"
#include "hazards/ledger_rules.hpp"
#include "platform/errors.hpp"
#include "platform/json_input.hpp"
#include "platform/paging.hpp"
#include "reports/report_rules.hpp"

namespace rw::hazards {
namespace {

std::atomic<std::int64_t> most_rows{LedgerLimits{}.rows}, most_pdf_rows{LedgerLimits{}.pdf_rows};

LedgerLimits ledger_limits() { return {most_rows.load(), most_pdf_rows.load()}; }

struct Scope {
  std::string kind;  // enterprise | region | organization
  std::int64_t id = 0;
  SqlFilter where;
};

Scope scope_of(const accounts::Operation& op, const std::map<std::string, std::string>& query) {
  std::vector<Scope> given;
  if (auto id = query_id(query, "enterprise_id"))
    given.push_back({"enterprise", *id, {"h.enterprise_id = ?", db::Params{*id}}});
  if (auto id = query_id(query, "region_id"))
    given.push_back({"region", *id, of_regions(op.db.dialect(), accounts::region_subtree_ids(op.db, *id))});
  if (auto id = query_id(query, "agency_org_id"))
    given.push_back({"organization", *id, {"h.agency_org_id = ?", db::Params{*id}}});
  if (given.size() != 1)
    throw invalid_field("enterprise_id", "ledger_scope_required",
                        "请指定一个企业、区域或服务机构（只能指定一个）",
                        "give exactly one of enterprise_id, region_id, agency_org_id");
  const auto& scope = given[0];
  if (scope.kind == "enterprise") access::require_visible(op.db, op.actor, access::kEnterprise, scope.id);
  if (scope.kind == "organization") access::require_visible(op.db, op.actor, access::kOrganization, scope.id);
  return scope;
}

std::string period_text(const std::optional<std::string>& from, const std::optional<std::string>& to) {
  if (!from && !to) return "全部";
  return (from ? reports::chinese_date(*from) : "") + "至" + (to ? reports::chinese_date(*to) : "今");
}

ApiError too_large(const std::string& format, std::int64_t limit) {
  const auto n = std::to_string(limit);
  if (format == "pdf")
    return invalid_field(
        "from", "ledger_too_large", "PDF 台账最多 " + n + " 行，请缩短期间或导出 Excel",
        "a PDF ledger holds at most " + n + " rows; narrow the period or export it as Excel");
  return invalid_field("from", "ledger_too_large", "台账超过 " + n + " 行，请缩短期间",
                       "the ledger exceeds " + n + " rows; narrow the period");
}

LedgerEntry entry_of(const db::Row& r) {
  const auto count = [&](const char* column) { return nlohmann::json::parse(r.text(column)).size(); };
  return {r.text("found_on"),
          r.text("found_by"),
          r.text("category"),
          r.text("sub_category"),
          r.text("description"),
          count("photo_file_ids"),
          r.text("grade"),
          r.text("plan_measures"),
          r.optional_text("plan_due_on").value_or(""),
          r.text("plan_responsible"),
          r.optional_integer("plan_funds_fen"),
          r.text("evidence_description"),
          count("evidence_photo_file_ids"),
          r.optional_text("accepted_on").value_or(""),
          r.text("accepted_by"),
          r.text("remarks")};
}

std::string ledger_pdf(const std::string& title, const std::string& subtitle, const std::string& organization,
                       const std::vector<std::vector<sheet::Value>>& rows) {
  // 隐患具体描述, 治理措施 and 治理情况描述 get the room; A4 portrait holds the 17 columns at 6.5 pt.
  documents::Table table{{1.2, 3, 2, 2.5, 2.5, 9, 1.5, 1.5, 6, 3, 2, 2, 6, 1.5, 3, 2, 2.5}, 1, {{}}, 6.5};
  for (const auto& header : ledger_headers())
    table.rows[0].push_back({header, true, documents::Align::center});
  for (const auto& row : rows) {
    std::vector<documents::Cell> cells;
    for (auto& text : ledger_texts(row)) cells.push_back({std::move(text)});
    table.rows.push_back(std::move(cells));
  }
  documents::Document d{title, subtitle, organization, {}};
  if (rows.empty()) d.blocks.push_back(documents::text("该期间没有隐患记录。", 0));
  d.blocks.push_back(std::move(table));
  return documents::render_pdf(d);
}

}  // namespace

void set_ledger_limits(const LedgerLimits& limits) {
  most_rows = limits.rows;
  most_pdf_rows = limits.pdf_rows;
}

std::string ledger_xlsx(std::vector<std::vector<sheet::Value>> rows) {
  sheet::SheetData sheet{"隐患排查治理台账", {}, std::move(rows)};
  const auto headers = ledger_headers();
  // 隐患具体描述 and 治理措施/治理情况描述 get room; the rest are short.
  for (std::size_t i = 0; i < headers.size(); ++i)
    sheet.columns.push_back({headers[i], i == 5 || i == 8 || i == 12 ? 36.0 : i == 0 ? 6.0 : 14.0});
  return sheet::write_xlsx({sheet});
}

LedgerFile hazard_ledger(const accounts::Operation& op, const std::map<std::string, std::string>& query) {
  const auto format = query_choice(query, "format", {"xlsx", "pdf"}).value_or("xlsx");
  const auto from = query_date(query, "from");
  const auto to = query_date(query, "to");
  if (from && to && *from > *to)
    throw invalid_field("to", "invalid_period", "结束日期不能早于开始日期", "to is before from");
  const auto scope = scope_of(op, query);
  const auto subject = subject_name(op.db, scope.kind, scope.id);
  if (!subject) throw not_found();
  SqlFilter where = access::read_filter(op.db, op.actor, access::kHazard);
  where.add(scope.where);
  if (from) where.add("h.found_on >= ?", *from);
  if (to) where.add("h.found_on <= ?", *to);
  const auto limits = ledger_limits();
  const auto limit = format == "pdf" ? limits.pdf_rows : limits.rows;
  const db::PlanEachRun planned(op.db);  // a party's rows: planned with its regions and period
  if (!count_up_to(op.db, kHazardList.from.tables_for(where), where, limit).exact)
    throw too_large(format, limit);
  const auto rows =
      op.db.query(std::string(kSelectHazard) + where.sql() + " ORDER BY h.found_on, h.id LIMIT ?",
                  where.params_with({limit}));
  std::vector<std::vector<sheet::Value>> cells;
  cells.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i)
    cells.push_back(ledger_cells(entry_of(rows[i]), static_cast<int>(i + 1)));
  const std::string title = *subject + "隐患排查治理台账";
  const auto ascii = "hazard-ledger-" + scope.kind + "-" + std::to_string(scope.id);
  if (format == "xlsx") return {ledger_xlsx(std::move(cells)), format, title, ascii};
  const auto issuer = subject_name(op.db, "organization", op.actor.org_id).value_or("");
  return {
      ledger_pdf(title, "期间：" + period_text(from, to) + "　　共 " + std::to_string(rows.size()) + " 项",
                 issuer, cells),
      format, title, ascii};
}

}  // namespace rw::hazards
