#include "registry/enterprise_record.hpp"

#include <algorithm>

#include "accounts/scope.hpp"
#include "platform/json_rows.hpp"
#include "registry/industries.hpp"
#include "registry/uscc.hpp"
#include "registry/vocabularies.hpp"

namespace rw::registry {
namespace {

constexpr const char* kColumns =
    "name, credit_code, legal_representative, registered_address, business_address, longitude, latitude, "
    "contacts, "
    "industry_code, scale, region_id, park_org_id, org_id, production_status, permit_type, permit_number, "
    "permit_valid_from, permit_valid_until, risk_level, risk_assessed_on, risk_source, sensitive_receptors, "
    "tags";

// China's extent, generously: catches swapped or zero coordinates.
constexpr double kMinLongitude = 73, kMaxLongitude = 136, kMinLatitude = 3, kMaxLatitude = 54;
constexpr std::size_t kMaxContacts = 10;

}  // namespace

db::Params enterprise_column_values(const EnterpriseRecord& r) {
  nlohmann::json contacts = nlohmann::json::array();
  for (const auto& c : r.contacts)
    contacts.push_back({{"name", c.name}, {"phone", c.phone}, {"role", c.role}});
  return {r.name,
          r.credit_code,
          r.legal_representative,
          r.registered_address,
          r.business_address,
          db::optional_value(r.longitude),
          db::optional_value(r.latitude),
          contacts.dump(),
          r.industry_code,
          r.scale,
          r.region_id,
          db::optional_value(r.park_org_id),
          db::optional_value(r.org_id),
          r.production_status,
          r.permit_type,
          r.permit_number,
          db::optional_value(r.permit_valid_from),
          db::optional_value(r.permit_valid_until),
          r.risk_level,
          db::optional_value(r.risk_assessed_on),
          r.risk_source,
          nlohmann::json(r.sensitive_receptors).dump(),
          nlohmann::json(r.tags).dump()};
}

namespace {

std::vector<Contact> read_contacts(Fields& fields) {
  std::vector<Contact> out;
  const auto& object = fields.object();
  if (!object.contains("contacts") || object["contacts"].is_null()) return out;
  const auto& list = object["contacts"];
  if (!list.is_array() || list.size() > kMaxContacts) {
    fields.add_error("contacts", "wrong_type", "应为不超过 10 项的联系人数组",
                     "must be an array of at most 10 contacts");
    return out;
  }
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string prefix = "contacts[" + std::to_string(i) + "].";
    if (!list[i].is_object()) {
      fields.add_error("contacts", "wrong_type", "联系人应为对象", "each contact must be an object");
      return out;
    }
    Fields contact(list[i]);
    Contact c{contact.required_text("name", 1, 50), contact.optional_text("phone", 30).value_or(""),
              contact.optional_text("role", 50).value_or("")};
    for (const auto& e : contact.errors())
      fields.add_error(prefix + e.field, e.code, e.message, e.message_en);
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<std::string> text_list(const std::string& json_text) {
  return nlohmann::json::parse(json_text).get<std::vector<std::string>>();
}

}  // namespace

EnterpriseRecord record_from_row(const db::Row& row) {
  EnterpriseRecord r;
  r.name = row.text("name");
  r.credit_code = row.text("credit_code");
  r.legal_representative = row.text("legal_representative");
  r.registered_address = row.text("registered_address");
  r.business_address = row.text("business_address");
  r.longitude = row.optional_real("longitude");
  r.latitude = row.optional_real("latitude");
  for (const auto& c : nlohmann::json::parse(row.text("contacts")))
    r.contacts.push_back({c.value("name", ""), c.value("phone", ""), c.value("role", "")});
  r.industry_code = row.text("industry_code");
  r.scale = row.text("scale");
  r.region_id = row.integer("region_id");
  r.park_org_id = row.optional_integer("park_org_id");
  r.org_id = row.optional_integer("org_id");
  r.production_status = row.text("production_status");
  r.permit_type = row.text("permit_type");
  r.permit_number = row.text("permit_number");
  r.permit_valid_from = row.optional_text("permit_valid_from");
  r.permit_valid_until = row.optional_text("permit_valid_until");
  r.risk_level = row.text("risk_level");
  r.risk_assessed_on = row.optional_text("risk_assessed_on");
  r.risk_source = row.text("risk_source");
  r.sensitive_receptors = text_list(row.text("sensitive_receptors"));
  r.tags = text_list(row.text("tags"));
  return r;
}

const std::vector<std::string>& enterprise_keys() {
  static const std::vector<std::string> keys = {"name",
                                                "credit_code",
                                                "legal_representative",
                                                "registered_address",
                                                "business_address",
                                                "longitude",
                                                "latitude",
                                                "contacts",
                                                "industry_code",
                                                "scale",
                                                "region_id",
                                                "park_org_id",
                                                "org_id",
                                                "production_status",
                                                "permit_type",
                                                "permit_number",
                                                "permit_valid_from",
                                                "permit_valid_until",
                                                "risk_level",
                                                "risk_assessed_on",
                                                "risk_source",
                                                "sensitive_receptors",
                                                "tags"};
  return keys;
}

const std::vector<std::string>& enterprise_self_keys() {
  static const std::vector<std::string> keys = {
      "business_address", "longitude", "latitude", "contacts", "production_status", "sensitive_receptors"};
  return keys;
}

nlohmann::json record_json(const EnterpriseRecord& r) {
  nlohmann::json contacts = nlohmann::json::array();
  for (const auto& c : r.contacts)
    contacts.push_back({{"name", c.name}, {"phone", c.phone}, {"role", c.role}});
  return {{"name", r.name},
          {"credit_code", r.credit_code},
          {"legal_representative", r.legal_representative},
          {"registered_address", r.registered_address},
          {"business_address", r.business_address},
          {"longitude", optional_json(r.longitude)},
          {"latitude", optional_json(r.latitude)},
          {"contacts", contacts},
          {"industry_code", r.industry_code},
          {"scale", r.scale},
          {"region_id", r.region_id},
          {"park_org_id", optional_json(r.park_org_id)},
          {"org_id", optional_json(r.org_id)},
          {"production_status", r.production_status},
          {"permit_type", r.permit_type},
          {"permit_number", r.permit_number},
          {"permit_valid_from", optional_json(r.permit_valid_from)},
          {"permit_valid_until", optional_json(r.permit_valid_until)},
          {"risk_level", r.risk_level},
          {"risk_assessed_on", optional_json(r.risk_assessed_on)},
          {"risk_source", r.risk_source},
          {"sensitive_receptors", r.sensitive_receptors},
          {"tags", r.tags}};
}

EnterpriseRecord read_enterprise(Fields& f) {
  EnterpriseRecord r;
  r.name = f.required_text("name", 2, 100);
  r.credit_code = normalize_uscc(f.required_text("credit_code", 1, 30));
  if (!r.credit_code.empty() && !valid_uscc(r.credit_code))
    f.add_error("credit_code", "invalid_uscc", "统一社会信用代码无效（位数、字符或校验位不对）",
                "is not a valid unified social credit code (length, characters or check character)");
  r.legal_representative = f.optional_text("legal_representative", 50).value_or("");
  r.registered_address = f.optional_text("registered_address", 200).value_or("");
  r.business_address = f.optional_text("business_address", 200).value_or("");
  r.longitude = f.optional_number("longitude", kMinLongitude, kMaxLongitude);
  r.latitude = f.optional_number("latitude", kMinLatitude, kMaxLatitude);
  // One without the other (a value sent but out of range has its own error already).
  if (f.present("longitude") != f.present("latitude"))
    f.add_error(f.present("longitude") ? "latitude" : "longitude", "required", "经纬度须同时填写",
                "longitude and latitude go together");
  r.contacts = read_contacts(f);
  r.industry_code = f.optional_text("industry_code", 4).value_or("");
  if (!r.industry_code.empty()) {
    const auto* industry = IndustryTable::shipped().find(r.industry_code);
    if (!industry || industry->level < 2)
      f.add_error("industry_code", "unknown_industry", "不是 GB/T 4754-2017 的行业代码（大类、中类或小类）",
                  "is not a GB/T 4754-2017 division, group or class code");
  }
  if (f.object().value("scale", nlohmann::json()) != "")  // "" means not yet known
    r.scale = f.optional_choice("scale", enterprise_scales().values()).value_or("");
  r.region_id = f.required_id("region_id");
  r.park_org_id = f.optional_id("park_org_id");
  r.org_id = f.optional_id("org_id");
  r.production_status =
      f.optional_choice("production_status", production_statuses().values()).value_or("operating");
  r.permit_type = f.optional_choice("permit_type", permit_types().values()).value_or("none");
  r.permit_number = f.optional_text("permit_number", 50).value_or("");
  r.permit_valid_from = f.optional_date("permit_valid_from");
  r.permit_valid_until = f.optional_date("permit_valid_until");
  if (r.permit_valid_from && r.permit_valid_until && *r.permit_valid_until < *r.permit_valid_from)
    f.add_error("permit_valid_until", "before_start", "有效期截止日早于起始日", "ends before it starts");
  if (r.permit_type != "none" && r.permit_number.empty() && r.permit_type != "registration")
    f.add_error("permit_number", "required", "重点管理和简化管理须填写排污许可证编号",
                "a permit number is required for key and simplified management");
  r.risk_level = f.optional_choice("risk_level", risk_levels().values()).value_or("unknown");
  r.risk_assessed_on = f.optional_date("risk_assessed_on");
  r.risk_source = f.optional_text("risk_source", 100).value_or("");
  r.sensitive_receptors =
      f.optional_texts("sensitive_receptors", 50, 100).value_or(std::vector<std::string>{});
  r.tags = f.optional_texts("tags", 20, 20).value_or(std::vector<std::string>{});
  return r;
}

std::optional<std::string> EnterpriseChecks::region_level(std::int64_t id) {
  auto [it, fresh] = region_levels_.try_emplace(id);
  if (fresh) {
    auto rows = db_.query("SELECT level FROM regions WHERE id = ?", {id});
    if (!rows.empty()) it->second = rows[0].text("level");
  }
  return it->second;
}

std::optional<std::string> EnterpriseChecks::org_type(std::int64_t id) {
  auto [it, fresh] = org_types_.try_emplace(id);
  if (fresh) {
    auto rows = db_.query("SELECT type FROM organizations WHERE id = ? AND active = 1", {id});
    if (!rows.empty()) it->second = rows[0].text("type");
  }
  return it->second;
}

void EnterpriseChecks::check(Fields& fields, const EnterpriseRecord& record, std::int64_t self_id,
                             std::optional<std::int64_t> stored_org_id) {
  if (record.region_id) {
    const auto level = region_level(record.region_id);
    if (!level)
      fields.add_error("region_id", "unknown_region", "区划不存在", "the region does not exist");
    else if (*level != "street" && *level != "district")
      fields.add_error("region_id", "region_too_coarse", "所属区划须为街道乡镇或区县",
                       "must be a street/town or a district/county");
  }
  if (record.park_org_id && org_type(*record.park_org_id) != "park")
    fields.add_error("park_org_id", "unknown_park", "所属园区不存在", "the park does not exist");
  check_org_binding(fields, record, self_id, stored_org_id);
}

// Whose users speak for the enterprise (agree its plans, answer its notices) is decided by platform admins
// only: a party that could bind the record to an organization of its own making could impersonate it.
void EnterpriseChecks::check_org_binding(Fields& fields, const EnterpriseRecord& record, std::int64_t self_id,
                                         std::optional<std::int64_t> stored_org_id) {
  if (record.org_id == stored_org_id) return;
  if (!user_.is_platform_admin()) {
    fields.add_error("org_id", "org_binding_admin_only", "只有平台管理员可以关联或解除企业机构账号",
                     "only a platform admin may link or unlink the enterprise's organization");
    return;
  }
  if (record.org_id) {
    if (org_type(*record.org_id) != "enterprise") {
      fields.add_error("org_id", "unknown_org", "企业机构账号不存在",
                       "the enterprise organization does not exist");
    } else {
      auto taken =
          db_.query("SELECT id FROM enterprises WHERE org_id = ? AND id <> ?", {*record.org_id, self_id});
      if (!taken.empty())
        fields.add_error("org_id", "org_taken", "该机构已关联其他企业",
                         "the organization belongs to another enterprise");
    }
  }
}

std::int64_t insert_enterprise(db::Connection& db, const EnterpriseRecord& record,
                               std::int64_t created_by_org_id, const std::string& now) {
  return insert_enterprises(db, {record}, created_by_org_id, now).front();
}

std::vector<std::int64_t> insert_enterprises(db::Connection& db, const std::vector<EnterpriseRecord>& records,
                                             std::int64_t created_by_org_id, const std::string& now) {
  // An import's whole chunk a statement: far fewer round trips and statements than one a row, and on SQLite
  // fewer segments flushed to the full-text indexes (one a statement; 100,000 new rows: 9.85 -> 8.95 s of CPU
  // from 100 rows a statement to 500). Within both databases' parameter limits (26 a row).
  constexpr std::size_t kRowsPerStatement = 500;
  std::vector<std::int64_t> ids;
  ids.reserve(records.size());
  for (std::size_t first = 0; first < records.size(); first += kRowsPerStatement) {
    const auto end = std::min(records.size(), first + kRowsPerStatement);
    db::Params params;
    std::string values;
    for (auto i = first; i < end; ++i) {
      auto row = enterprise_column_values(records[i]);
      row.insert(row.end(), {created_by_org_id, now, now});
      values += (values.empty() ? "(" : ", (") + placeholders(row.size()) + ")";
      params.insert(params.end(), std::make_move_iterator(row.begin()), std::make_move_iterator(row.end()));
    }
    // RETURNING promises no order: the new ids are matched to the records by their (unique) credit codes.
    const auto rows = db.query(std::string("INSERT INTO enterprises (") + kColumns +
                                   ", created_by_org_id, created_at, updated_at) VALUES " + values +
                                   " RETURNING id, credit_code",
                               params);
    std::map<std::string, std::int64_t> id_of_code;
    for (std::size_t r = 0; r < rows.size(); ++r)
      id_of_code[rows[r].text("credit_code")] = rows[r].integer("id");
    for (auto i = first; i < end; ++i) ids.push_back(id_of_code.at(records[i].credit_code));
  }
  return ids;
}

void update_enterprise_row(db::Connection& db, std::int64_t id, const EnterpriseRecord& record,
                           const std::string& now) {
  update_enterprises_columns(db, {{id, record}}, now, enterprise_keys());
}

void update_enterprises_columns(db::Connection& db, const std::vector<EnterpriseUpdate>& updates,
                                const std::string& now, const std::vector<std::string>& keys) {
  const auto& all = enterprise_keys();  // the columns' names, in the order of their values
  std::vector<std::size_t> positions;
  std::string names, set, label_kept;
  for (const auto& key : keys) {
    const auto at = std::find(all.begin(), all.end(), key);
    if (at == all.end()) throw std::logic_error("not an enterprise column: " + key);
    positions.push_back(static_cast<std::size_t>(at - all.begin()));
    names += ", " + key;
    set += key + " = v." + key + ", ";
    // An HJ 941 assessment's label (V027) belongs to the level and source it set: typing over either clears
    // it. The CASE reads the row as it was before this UPDATE.
    if (key == "risk_level" || key == "risk_source")
      label_kept += (label_kept.empty() ? "" : " AND ") + ("enterprises." + key + " = v." + key);
  }
  if (!label_kept.empty())
    set += "risk_label = CASE WHEN " + label_kept + " THEN enterprises.risk_label ELSE '' END, ";
  // The new values as a table v: its empty first part, read from enterprises, gives PostgreSQL the columns'
  // types for the untyped parameters of the rows after it (a VALUES list would type them as text first).
  const std::string head = "WITH v (id" + names + ") AS (SELECT id" + names + " FROM enterprises WHERE false";
  const std::string tail =
      ") UPDATE enterprises SET " + set + "updated_at = ? FROM v WHERE enterprises.id = v.id";
  // Many rows a statement: on SQLite each statement that writes the full-text indexes ends by writing them a
  // segment, so one statement a row made an import of 100,000 changed rows cost 1.3 ms a row. Within SQLite's
  // 500 parts of a compound SELECT.
  constexpr std::size_t kRowsPerStatement = 250;
  for (std::size_t first = 0; first < updates.size(); first += kRowsPerStatement) {
    const auto end = std::min(updates.size(), first + kRowsPerStatement);
    std::string rows;
    db::Params params;
    for (auto i = first; i < end; ++i) {
      auto values = enterprise_column_values(updates[i].record);
      rows += " UNION ALL SELECT " + placeholders(positions.size() + 1);
      params.push_back(updates[i].id);
      for (const auto position : positions) params.push_back(std::move(values[position]));
    }
    params.push_back(now);
    db.execute(head + rows + tail, params);
  }
}

std::optional<std::int64_t> enterprise_with_credit_code(db::Connection& db, const std::string& credit_code) {
  auto rows = db.query("SELECT id FROM enterprises WHERE credit_code = ?", {credit_code});
  if (rows.empty()) return std::nullopt;
  return rows[0].integer("id");
}

ApiError duplicate_credit_code() {
  return ApiError(
      ErrorKind::conflict, "duplicate_uscc", "该统一社会信用代码的企业已登记",
      "an enterprise with this credit code is already registered",
      {{"credit_code", "duplicate_uscc", "该统一社会信用代码的企业已登记", "is already registered"}});
}

}  // namespace rw::registry
