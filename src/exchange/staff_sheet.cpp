#include "exchange/staff_sheet.hpp"

#include "registry/vocabularies.hpp"

namespace rw::exchange {
namespace {

const std::string kName = "姓名", kPhone = "手机号", kOrg = "所属机构", kSpecialties = "专业领域",
                  kCertificate = "证书名称", kCertificateNumber = "证书编号",
                  kCertificateExpiry = "证书有效期至";

void put_specialties(const Cells& cells, nlohmann::json& row) {
  if (!cells.has(kSpecialties)) return;
  nlohmann::json values = nlohmann::json::array();
  for (const auto& item : split_list(cells.text(kSpecialties))) {
    if (auto value = registry::specialties().value_of(item)) {
      values.push_back(*value);
    } else {
      cells.error(kSpecialties, "invalid_choice",
                  "“" + item + "”不是可选的专业：" + registry::specialties().zh_list(),
                  item + " is not one of: " + registry::specialties().zh_list());
      return;
    }
  }
  row["specialties"] = values;
}

// The sheet holds the first certificate; further ones entered in the app stay.
void put_certificate(const Cells& cells, nlohmann::json& row, const nlohmann::json& base) {
  if (!cells.has(kCertificate)) return;
  nlohmann::json certificates = nlohmann::json::array();
  if (!cells.text(kCertificate).empty()) {
    nlohmann::json certificate = {{"name", cells.text(kCertificate)},
                                  {"number", cells.text(kCertificateNumber)}};
    cells.put_date(certificate, "expires_on", kCertificateExpiry);
    certificates.push_back(certificate);
  }
  if (base.contains("certificates"))
    for (std::size_t i = 1; i < base["certificates"].size(); ++i)
      certificates.push_back(base["certificates"][i]);
  row["certificates"] = certificates;
}

}  // namespace

const std::vector<SheetColumn>& staff_columns() {
  using namespace registry;
  static const std::vector<SheetColumn> columns = {
      {kName, "name", true, "", 10, "陈专家"},
      {kPhone, "phone", true, "本机构内唯一；已有人员按此更新", 14, "13912340001"},
      {kOrg, "org_id", false, "服务机构或保险机构全称；空为本机构", 28, ""},
      {"人员类别", "kind", true, staff_kinds().zh_list(), 14, "专家"},
      {"职称", "title_level", false, title_levels().zh_list(), 8, "高级"},
      {"专家库级别", "expert_pool_level", false, expert_pool_levels().zh_list() + "；专家必填", 10, "市级"},
      {"注册安全工程师级别", "safety_engineer_level", false, safety_engineer_levels().zh_list(), 12, ""},
      {kSpecialties, "specialties", false, specialties().zh_list() + "；多个用“；”分隔", 24,
       "水污染防治；环境应急"},
      {"考评等级", "evaluation_grade", false, evaluation_grades().zh_list(), 8, "良好"},
      {"是否排除", "excluded", false, "是、否；空为否", 8, "否"},
      {"排除原因", "excluded_reason", false, "排除时必填", 20, ""},
      {kCertificate, "certificates", false, "第一个证书", 20, "环境影响评价工程师"},
      {kCertificateNumber, "certificates", false, "", 14, "HP0012345"},
      {kCertificateExpiry, "certificates", false, "日期", 12, "2027-06-30"},
  };
  return columns;
}

std::optional<StaffImport::Prepared> StaffImport::prepare(const Cells& cells) {
  const auto& me = op_.actor;
  std::optional<std::int64_t> org = me.org_id;
  if (const auto name = cells.text(kOrg); !name.empty()) {
    org = agencies_.find(name);
    if (!org) org = insurers_.find(name);
    if (!org)
      cells.error(kOrg, "unknown_org", "没有该名称的服务机构或保险机构",
                  "no agency or insurer has this name");
  }
  Prepared prepared;
  const auto phone = cells.text(kPhone);
  if (phone.empty())
    cells.error(kPhone, "required", "必填（用于识别已有人员）", "is required (it identifies existing staff)");
  if (org && !phone.empty())
    if (auto existing = registry::staff_with_phone(op_.db, *org, phone)) {
      prepared.existing_id = existing;
      auto row = op_.db.query("SELECT * FROM staff WHERE id = ?", {*existing})[0];
      prepared.before = registry::staff_record_json(
          registry::staff_from_row(row, registry::certificates_of(op_.db, {*existing})[*existing]));
    }
  nlohmann::json row = prepared.before.is_null() ? nlohmann::json::object() : prepared.before;
  if (org) row["org_id"] = *org;
  cells.put_text(row, "name", kName);
  cells.put_text(row, "phone", kPhone);
  cells.put_choice(row, "kind", "人员类别", registry::staff_kinds());
  cells.put_choice(row, "title_level", "职称", registry::title_levels(), "none");
  cells.put_choice(row, "expert_pool_level", "专家库级别", registry::expert_pool_levels());
  cells.put_choice(row, "safety_engineer_level", "注册安全工程师级别", registry::safety_engineer_levels());
  put_specialties(cells, row);
  cells.put_choice(row, "evaluation_grade", "考评等级", registry::evaluation_grades(), "");
  cells.put_bool(row, "excluded", "是否排除");
  cells.put_text(row, "excluded_reason", "排除原因");
  put_certificate(cells, row, prepared.before);

  Fields fields(row);
  prepared.record = registry::read_staff(fields, me);
  if (fields.ok())
    registry::check_staff(op_.db, me, fields, prepared.record, prepared.existing_id.value_or(0));
  add_field_errors(cells, columns(), fields.errors());
  if (!fields.ok()) return std::nullopt;
  return prepared;
}

RowOutcome StaffImport::write(const Prepared& p, audit::Batch& batch) {
  const auto now = op_.now_text();
  if (p.existing_id) {
    if (batch
            .updated("staff", *p.existing_id, p.record.org_id, p.before,
                     registry::staff_record_json(p.record))
            .empty())
      return RowOutcome::unchanged;
    registry::update_staff_row(op_.db, *p.existing_id, p.record, now);
    return RowOutcome::updated;
  }
  const auto id = registry::insert_staff(op_.db, p.record, now);
  batch.created("staff", id, p.record.org_id, registry::staff_record_json(p.record));
  return RowOutcome::created;
}

sheet::SheetData staff_sheet(const nlohmann::json& items) {
  using namespace registry;
  sheet::SheetData data{"人员", {}, {}};
  for (const auto& c : staff_columns()) data.columns.push_back({c.header, c.width});
  for (const auto& s : items) {
    std::vector<std::string> specialty_labels;
    for (const auto& v : s["specialties"]) specialty_labels.push_back(specialties().zh(v.get<std::string>()));
    const auto first = s["certificates"].empty() ? nlohmann::json::object() : s["certificates"][0];
    auto text = [](const nlohmann::json& v) { return v.is_string() ? v.get<std::string>() : std::string(); };
    auto label = [&](const Vocabulary& vocabulary, const nlohmann::json& v) {
      return v.is_string() && !v.get<std::string>().empty() ? vocabulary.zh(v.get<std::string>())
                                                            : std::string();
    };
    data.rows.push_back(
        {text(s["name"]), text(s["phone"]), text(s["org_name"]), label(staff_kinds(), s["kind"]),
         label(title_levels(), s["title_level"]), label(expert_pool_levels(), s["expert_pool_level"]),
         label(safety_engineer_levels(), s["safety_engineer_level"]), join_list(specialty_labels),
         label(evaluation_grades(), s["evaluation_grade"]), s["excluded"].get<bool>() ? "是" : "否",
         text(s["excluded_reason"]), text(first.value("name", nlohmann::json())),
         text(first.value("number", nlohmann::json())), text(first.value("expires_on", nlohmann::json()))});
  }
  return data;
}

}  // namespace rw::exchange
