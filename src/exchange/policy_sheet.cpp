#include "exchange/policy_sheet.hpp"

#include <cstring>

#include "registry/enterprise_record.hpp"
#include "registry/uscc.hpp"
#include "registry/vocabularies.hpp"

namespace rw::exchange {
namespace {

const std::string kNumber = "保单号", kType = "险种", kInsurer = "保险机构", kCode = "统一社会信用代码",
                  kShare = "风险防控费用（元或%）";

// Full names as policies print them, besides the short ones of the vocabulary.
void put_insurance_type(const Cells& cells, nlohmann::json& row) {
  const auto text = cells.text(kType);
  if (text == "环境污染责任保险")
    row["insurance_type"] = "environmental";
  else if (text == "安全生产责任保险")
    row["insurance_type"] = "work_safety";
  else
    cells.put_choice(row, "insurance_type", kType, registry::insurance_types());
}

// Amounts may carry thousands separators or a trailing 元 / %.
void put_amount(const Cells& cells, nlohmann::json& row, const std::string& key, const std::string& header) {
  if (!cells.has(header)) return;
  std::string text = cells.text(header);
  for (const char* noise : {",", "，", "元", "%", "％"})
    for (auto at = text.find(noise); at != std::string::npos; at = text.find(noise))
      text.erase(at, std::strlen(noise));
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size())
    cells.error(header, "invalid_number", "应为金额或百分比数字", "must be an amount or a percentage");
  else
    row[key] = value;
}

}  // namespace

const std::vector<SheetColumn>& policy_columns() {
  static const std::vector<SheetColumn> columns = {
      {kNumber, "policy_number", true, "同一保险机构内唯一；已有保单按此更新", 22, "PICC-WX-2026-1001"},
      {kType, "insurance_type", true, "环责险、安责险", 10, "环责险"},
      {kInsurer, "insurer_org_id", false, "保险机构全称；空为本机构", 30, ""},
      {kCode, "enterprise_id", true, "投保企业的统一社会信用代码，企业须已登记", 22, "91320213MA1000000E"},
      {"企业名称", "", false, "导出时填写；导入时忽略", 30, "无锡市恒达化工有限公司"},
      {"保险起期", "starts_on", true, "日期，如 2026-01-01", 12, "2026-01-01"},
      {"保险止期", "ends_on", true, "日期", 12, "2026-12-31"},
      {"保费（元）", "premium", true, "最多两位小数", 12, "30000.00"},
      {"保额（元）", "sum_insured", true, "最多两位小数", 14, "2000000.00"},
      {"风险防控费用计提方式", "fund_share_kind", true, "固定金额、保费比例", 14, "保费比例"},
      {kShare, "fund_share_value", true, "固定金额填元，保费比例填百分数（如 15 表示 15%）", 16, "15"},
      {"状态", "status", false, "有效、已终止；空为有效", 8, "有效"},
  };
  return columns;
}

std::optional<PolicyImport::Prepared> PolicyImport::prepare(const Cells& cells) {
  const auto& me = op_.actor;
  std::optional<std::int64_t> insurer = me.org_type == "insurer" ? std::optional(me.org_id) : std::nullopt;
  if (!cells.text(kInsurer).empty()) {
    insurer = insurers_.find(cells.text(kInsurer));
    if (!insurer)
      cells.error(kInsurer, "unknown_insurer", "没有该名称的保险机构", "no insurer has this name");
  } else if (!insurer) {
    cells.error(kInsurer, "required", "必填", "is required");
  }
  Prepared prepared;
  if (insurer && !cells.text(kNumber).empty())
    if (auto existing = registry::policy_with_number(op_.db, *insurer, cells.text(kNumber))) {
      prepared.existing_id = existing;
      prepared.before = registry::policy_record_json(
          registry::policy_from_row(op_.db.query("SELECT * FROM policies WHERE id = ?", {*existing})[0]));
    }
  nlohmann::json row = prepared.before.is_null() ? nlohmann::json::object() : prepared.before;
  if (insurer) row["insurer_org_id"] = *insurer;
  cells.put_text(row, "policy_number", kNumber);
  put_insurance_type(cells, row);
  // The credit code identifies the insured enterprise, registered by whoever registered it.
  const auto code = registry::normalize_uscc(cells.text(kCode));
  if (auto enterprise = code.empty() ? std::nullopt : registry::enterprise_with_credit_code(op_.db, code))
    row["enterprise_id"] = *enterprise;
  else if (!code.empty())
    cells.error(kCode, "unknown_enterprise", "平台上没有该信用代码的企业，请先导入企业",
                "no enterprise has this credit code; import it first");
  cells.put_date(row, "starts_on", "保险起期");
  cells.put_date(row, "ends_on", "保险止期");
  put_amount(cells, row, "premium", "保费（元）");
  put_amount(cells, row, "sum_insured", "保额（元）");
  cells.put_choice(row, "fund_share_kind", "风险防控费用计提方式", registry::fund_share_kinds());
  put_amount(cells, row, "fund_share_value", kShare);
  cells.put_choice(row, "status", "状态", registry::policy_statuses(), "active");

  Fields fields(row);
  prepared.record = registry::read_policy(fields, me);
  if (fields.ok() && !registry::may_write_policies_of(op_.db, me, prepared.record.insurer_org_id))
    cells.error(kInsurer, "unknown_insurer", "无权为该保险机构导入保单",
                "you may not import this insurer's policies");
  add_field_errors(cells, columns(), fields.errors());
  if (!fields.ok()) return std::nullopt;
  return prepared;
}

RowOutcome PolicyImport::write(const Prepared& p, audit::Batch& batch) {
  const auto now = op_.now_text();
  const auto org = p.record.insurer_org_id;
  if (p.existing_id) {
    if (batch.updated("policy", *p.existing_id, org, p.before, registry::policy_record_json(p.record))
            .empty())
      return RowOutcome::unchanged;
    registry::update_policy_row(op_.db, *p.existing_id, p.record, now);
    return RowOutcome::updated;
  }
  const auto id = registry::insert_policy(op_.db, p.record, now);
  batch.created("policy", id, org, registry::policy_record_json(p.record));
  return RowOutcome::created;
}

sheet::SheetData policy_sheet(const db::Rows& rows) {
  sheet::SheetData data{"保单", {}, {}};
  for (const auto& c : policy_columns()) data.columns.push_back({c.header, c.width});
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto row = rows[i];
    const auto r = registry::policy_from_row(row);
    const auto json = registry::policy_record_json(r);
    data.rows.push_back({r.policy_number, registry::insurance_types().zh(r.insurance_type),
                         row.text("insurer_name"), row.text("enterprise_credit_code"),
                         row.text("enterprise_name"), r.starts_on, r.ends_on, json["premium"].get<double>(),
                         json["sum_insured"].get<double>(),
                         registry::fund_share_kinds().zh(r.fund_share_kind),
                         json["fund_share_value"].get<double>(), registry::policy_statuses().zh(r.status)});
  }
  return data;
}

}  // namespace rw::exchange
