#include "exchange/enterprise_sheet.hpp"

#include "access/visibility.hpp"
#include "platform/text.hpp"
#include "registry/industries.hpp"
#include "registry/uscc.hpp"
#include "registry/vocabularies.hpp"

namespace rw::exchange {
namespace {

const std::string kName = "企业名称", kCode = "统一社会信用代码", kContact = "联系人", kPhone = "联系电话",
                  kRole = "联系人职务", kIndustry = "行业代码", kDistrict = "区县", kStreet = "街道",
                  kPark = "所属园区", kRisk = "环境风险等级";

void put_contact(const Cells& cells, nlohmann::json& row, const std::vector<registry::Contact>& stored) {
  if (!cells.has(kContact)) return;
  nlohmann::json contacts = nlohmann::json::array();
  if (!cells.text(kContact).empty())
    contacts.push_back(
        {{"name", cells.text(kContact)}, {"phone", cells.text(kPhone)}, {"role", cells.text(kRole)}});
  // The sheet holds the first contact; further ones entered in the app stay.
  for (std::size_t i = 1; i < stored.size(); ++i)
    contacts.push_back({{"name", stored[i].name}, {"phone", stored[i].phone}, {"role", stored[i].role}});
  row["contacts"] = contacts;
}

void put_industry(const Cells& cells, nlohmann::json& row) {
  if (!cells.has(kIndustry)) return;
  const auto text = cells.text(kIndustry);
  if (text.empty()) {
    row["industry_code"] = "";
  } else if (auto code = registry::industry_code_of(registry::IndustryTable::shipped(), text)) {
    row["industry_code"] = *code;
  } else {
    cells.error(kIndustry, "unknown_industry", "不是 GB/T 4754-2017 的行业代码或名称",
                "is not a GB/T 4754-2017 code or name");
  }
}

void put_risk_level(const Cells& cells, nlohmann::json& row) {
  if (!cells.has(kRisk)) return;
  auto text = cells.text(kRisk);
  // Filings say "较大环境风险"; the level is the part before.
  const std::string suffix = "环境风险";
  if (text.size() > suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0)
    text.resize(text.size() - suffix.size());
  if (text.empty())
    row["risk_level"] = "unknown";
  else if (auto level = registry::risk_levels().value_of(text))
    row["risk_level"] = *level;
  else
    cells.error(kRisk, "invalid_choice", "应为以下之一：" + registry::risk_levels().zh_list(),
                "must be one of: " + registry::risk_levels().zh_list());
}

}  // namespace

const std::vector<SheetColumn>& enterprise_columns() {
  using registry::enterprise_scales, registry::production_statuses, registry::permit_types,
      registry::risk_levels;
  static const std::vector<SheetColumn> columns = {
      {kName, "name", true, "2–100 个字", 30, "无锡市恒达化工有限公司"},
      {kCode, "credit_code", true, "18 位，校验位须正确；已登记的企业按此更新", 22, "91320213MA1000000E"},
      {"法定代表人", "legal_representative", false, "", 12, "钱安环"},
      {"注册地址", "registered_address", false, "", 30, "无锡市梁溪区工业路 10 号"},
      {"实际经营地址", "business_address", false, "", 30, "无锡市梁溪区工业路 10 号"},
      {"经度", "longitude", false, "十进制度数，如 120.30", 10, "120.30"},
      {"纬度", "latitude", false, "十进制度数，如 31.55", 10, "31.55"},
      {kContact, "contacts", false, "第一联系人姓名", 10, "钱安环"},
      {kPhone, "contacts", false, "", 14, "13951501000"},
      {kRole, "contacts", false, "", 12, "环保负责人"},
      {kIndustry, "industry_code", false, "GB/T 4754-2017 小类代码（如 2614），也可写代码加名称或名称", 10,
       "2614"},
      {"行业名称", "", false, "导出时填写；导入时忽略", 20, "有机化学原料制造"},
      {"企业规模", "scale", false, enterprise_scales().zh_list(), 8, "大型"},
      {kDistrict, "region_id", false, "区县名称；新企业须填写区县或街道", 10, "梁溪区"},
      {kStreet, "region_id", false, "街道乡镇名称", 12, "崇安寺街道"},
      {kPark, "park_org_id", false, "园区机构全称，可空", 20, ""},
      {"生产状态", "production_status", false, production_statuses().zh_list() + "；空为生产", 10, "生产"},
      {"排污许可管理类别", "permit_type", false, permit_types().zh_list(), 12, "重点管理"},
      {"排污许可证编号", "permit_number", false, "重点管理和简化管理必填", 24, "91320213MA1000000E001P"},
      {"许可证有效期起", "permit_valid_from", false, "日期，如 2023-06-01", 14, "2023-06-01"},
      {"许可证有效期止", "permit_valid_until", false, "日期", 14, "2028-05-31"},
      {kRisk, "risk_level", false, risk_levels().zh_list() + "；空为未评定", 12, "重大"},
      {"风险评定日期", "risk_assessed_on", false, "日期", 14, "2025-03-15"},
      {"风险等级来源", "risk_source", false, "如突发环境事件应急预案备案", 20, "突发环境事件应急预案备案"},
      {"周边敏感受体", "sensitive_receptors", false, "多个用“；”分隔", 30, "京杭大运河；居民区"},
      {"标签", "tags", false, "多个用“；”分隔", 16, ""},
  };
  return columns;
}

EnterpriseImport::EnterpriseImport(const accounts::Operation& op)
    : op_(op), checks_(op.db, op.actor), regions_(op.db), parks_(op.db, "park") {}

namespace {

// The enterprises of a chunk's credit codes through the codes' unique index (V002's UNIQUE constraint),
// whatever the statistics say. Statistics taken while the database held the demo's 19 enterprises made SQLite
// read every enterprise for each chunk instead, as the import added 100,000 of them (a third of its time).
std::string enterprises_by_code(const db::Connection& db) {
  return db.dialect() == db::Dialect::sqlite ? "enterprises e INDEXED BY sqlite_autoindex_enterprises_1"
                                             : "enterprises e";
}

}  // namespace

void EnterpriseImport::preload(const std::vector<HeaderedRow>& rows) {
  registered_.clear();  // only this chunk's rows are prepared next
  std::vector<std::string> texts;
  for (const auto& row : rows)
    if (const auto& code = row.text(kCode); !code.empty())
      texts.push_back(registry::normalize_uscc(trim(code)));
  if (texts.empty()) return;
  const db::Params codes(texts.begin(), texts.end());
  const auto in_codes = "e.credit_code IN (" + placeholders(codes.size()) + ")";
  const auto from = enterprises_by_code(op_.db);
  auto found = op_.db.query("SELECT e.* FROM " + from + " WHERE " + in_codes, codes);
  for (std::size_t i = 0; i < found.size(); ++i) {
    const auto row = found[i];
    auto record = registry::record_from_row(row);
    auto code = record.credit_code;
    registered_.insert_or_assign(std::move(code), Registered{row.integer("id"), false, std::move(record)});
  }
  SqlFilter visible = access::read_filter(op_.db, op_.actor, access::kEnterprise);
  visible.add(in_codes, codes);
  auto seen = op_.db.query("SELECT e.credit_code FROM " + from + visible.sql(), visible.params());
  for (std::size_t i = 0; i < seen.size(); ++i) registered_[seen[i].text("credit_code")].visible = true;
}

std::optional<EnterpriseImport::Prepared> EnterpriseImport::prepare(const Cells& cells) {
  Prepared prepared;
  const auto code = registry::normalize_uscc(cells.text(kCode));
  if (auto registered = registered_.find(code); registered != registered_.end()) {
    if (!registered->second.visible) {
      cells.error(kCode, "duplicate_uscc", "该信用代码的企业已由其他机构登记",
                  "is registered by another organization");
      return std::nullopt;
    }
    prepared.existing_id = registered->second.id;
    prepared.stored = registered->second.record;
  }
  // The stored record under the file's cells: columns the file leaves out keep their values.
  nlohmann::json row = prepared.stored ? registry::record_json(*prepared.stored) : nlohmann::json::object();
  for (const auto& [key, header] : {std::pair{"name", kName}, {"credit_code", kCode}})
    cells.put_text(row, key, header);
  cells.put_text(row, "legal_representative", "法定代表人");
  cells.put_text(row, "registered_address", "注册地址");
  cells.put_text(row, "business_address", "实际经营地址");
  cells.put_number(row, "longitude", "经度");
  cells.put_number(row, "latitude", "纬度");
  put_contact(cells, row, prepared.stored ? prepared.stored->contacts : std::vector<registry::Contact>{});
  put_industry(cells, row);
  cells.put_choice(row, "scale", "企业规模", registry::enterprise_scales(), "");
  if (cells.has(kDistrict) || cells.has(kStreet)) {
    std::string why, why_en;
    if (cells.text(kDistrict).empty() && cells.text(kStreet).empty())
      row["region_id"] = nullptr;
    else if (auto region = regions_.find(cells.text(kDistrict), cells.text(kStreet), why, why_en))
      row["region_id"] = *region;
    else
      cells.error(cells.text(kStreet).empty() ? kDistrict : kStreet, "unknown_region", why, why_en);
  }
  if (cells.has(kPark)) {
    const auto park = cells.text(kPark);
    if (park.empty())
      row["park_org_id"] = nullptr;
    else if (auto id = parks_.find(park))
      row["park_org_id"] = *id;
    else
      cells.error(kPark, "unknown_park", "没有名为“" + park + "”的园区", "no park is named " + park);
  }
  cells.put_choice(row, "production_status", "生产状态", registry::production_statuses(), "operating");
  cells.put_choice(row, "permit_type", "排污许可管理类别", registry::permit_types(), "none");
  cells.put_text(row, "permit_number", "排污许可证编号");
  cells.put_date(row, "permit_valid_from", "许可证有效期起");
  cells.put_date(row, "permit_valid_until", "许可证有效期止");
  put_risk_level(cells, row);
  cells.put_date(row, "risk_assessed_on", "风险评定日期");
  cells.put_text(row, "risk_source", "风险等级来源");
  cells.put_list(row, "sensitive_receptors", "周边敏感受体");
  cells.put_list(row, "tags", "标签");

  Fields fields(row);
  prepared.record = registry::read_enterprise(fields);
  if (fields.ok())
    checks_.check(fields, prepared.record, prepared.existing_id.value_or(0),
                  prepared.stored ? prepared.stored->org_id : std::nullopt);
  add_field_errors(cells, columns(), fields.errors());
  if (!fields.ok()) return std::nullopt;
  return prepared;
}

RowOutcome EnterpriseImport::write(const Prepared& p, audit::Batch& batch) {
  if (p.existing_id) {
    if (p.record == p.stored) return RowOutcome::unchanged;  // most rows of a re-import: no JSON to compare
    const auto changed = batch.updated("enterprise", *p.existing_id, op_.actor.org_id,
                                       registry::record_json(*p.stored), registry::record_json(p.record));
    if (changed.empty()) return RowOutcome::unchanged;
    updates_[changed].push_back({*p.existing_id, p.record});
    return RowOutcome::updated;
  }
  new_records_.push_back(p.record);
  return RowOutcome::created;
}

void EnterpriseImport::flush(audit::Batch& batch) {
  const auto org = op_.actor.org_id;
  const auto ids = registry::insert_enterprises(op_.db, new_records_, org, op_.now_text());
  for (std::size_t i = 0; i < ids.size(); ++i)
    batch.created("enterprise", ids[i], org, registry::record_json(new_records_[i]));
  new_records_.clear();
  // Only the changed columns: the indexes and the search triggers of the others are not touched.
  for (const auto& [columns, updates] : updates_)
    registry::update_enterprises_columns(op_.db, updates, op_.now_text(), columns);
  updates_.clear();
}

sheet::SheetData enterprise_sheet(const db::Rows& rows) {
  using registry::enterprise_scales, registry::production_statuses, registry::permit_types,
      registry::risk_levels;
  sheet::SheetData data{"企业", {}, {}};
  for (const auto& c : enterprise_columns()) data.columns.push_back({c.header, c.width});
  const auto& industries = registry::IndustryTable::shipped();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto row = rows[i];
    const auto r = registry::record_from_row(row);
    const bool at_district = row.text("region_level") == "district";
    const auto* industry = industries.find(r.industry_code);
    const auto first = r.contacts.empty() ? registry::Contact{} : r.contacts.front();
    auto number = [](const std::optional<double>& v) { return v ? sheet::Value(*v) : sheet::Value(); };
    data.rows.push_back({r.name,
                         r.credit_code,
                         r.legal_representative,
                         r.registered_address,
                         r.business_address,
                         number(r.longitude),
                         number(r.latitude),
                         first.name,
                         first.phone,
                         first.role,
                         r.industry_code,
                         industry ? industry->name : "",
                         r.scale.empty() ? "" : enterprise_scales().zh(r.scale),
                         at_district ? row.text("region_name") : row.text("district_name"),
                         at_district ? "" : row.text("region_name"),
                         row.text("park_name"),
                         production_statuses().zh(r.production_status),
                         permit_types().zh(r.permit_type),
                         r.permit_number,
                         r.permit_valid_from.value_or(""),
                         r.permit_valid_until.value_or(""),
                         risk_levels().zh(r.risk_level),
                         r.risk_assessed_on.value_or(""),
                         r.risk_source,
                         join_list(r.sensitive_receptors),
                         join_list(r.tags)});
  }
  return data;
}

}  // namespace rw::exchange
