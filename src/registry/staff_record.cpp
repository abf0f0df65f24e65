#include "registry/staff_record.hpp"

#include "access/visibility.hpp"
#include "platform/json_rows.hpp"
#include "registry/party_store.hpp"
#include "registry/vocabularies.hpp"

namespace rw::registry {
namespace {

constexpr std::size_t kMaxCertificates = 20;

std::vector<Certificate> read_certificates(Fields& fields) {
  std::vector<Certificate> out;
  const auto& object = fields.object();
  if (!object.contains("certificates") || object["certificates"].is_null()) return out;
  const auto& list = object["certificates"];
  if (!list.is_array() || list.size() > kMaxCertificates) {
    fields.add_error("certificates", "wrong_type", "应为不超过 20 项的证书数组",
                     "must be an array of at most 20 certificates");
    return out;
  }
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (!list[i].is_object()) {
      fields.add_error("certificates", "wrong_type", "证书应为对象", "each certificate must be an object");
      return out;
    }
    Fields item(list[i]);
    Certificate c{item.required_text("name", 1, 100), item.optional_text("number", 50).value_or(""),
                  item.optional_date("expires_on")};
    for (const auto& e : item.errors())
      fields.add_error("certificates[" + std::to_string(i) + "]." + e.field, e.code, e.message, e.message_en);
    out.push_back(std::move(c));
  }
  return out;
}

db::Params column_values(const StaffRecord& r) {
  return {r.org_id,
          db::optional_value(r.user_id),
          r.name,
          r.phone,
          r.title_level,
          r.kind,
          db::optional_value(r.expert_pool_level),
          db::optional_value(r.safety_engineer_level),
          nlohmann::json(r.specialties).dump(),
          r.evaluation_grade,
          std::int64_t{r.excluded ? 1 : 0},
          r.excluded_reason,
          std::int64_t{r.active ? 1 : 0}};
}

void save_certificates(db::Connection& db, std::int64_t staff_id,
                       const std::vector<Certificate>& certificates) {
  db.execute("DELETE FROM staff_certificates WHERE staff_id = ?", {staff_id});
  for (const auto& c : certificates)
    db.execute("INSERT INTO staff_certificates (staff_id, name, number, expires_on) VALUES (?, ?, ?, ?)",
               {staff_id, c.name, c.number, db::optional_value(c.expires_on)});
}

}  // namespace

const std::vector<std::string>& staff_keys() {
  static const std::vector<std::string> keys = {"org_id",
                                                "user_id",
                                                "name",
                                                "phone",
                                                "title_level",
                                                "kind",
                                                "expert_pool_level",
                                                "safety_engineer_level",
                                                "specialties",
                                                "certificates",
                                                "evaluation_grade",
                                                "excluded",
                                                "excluded_reason",
                                                "active"};
  return keys;
}

StaffRecord read_staff(Fields& f, const accounts::Actor& user) {
  StaffRecord r;
  r.org_id = f.optional_id("org_id").value_or(user.org_id);
  r.user_id = f.optional_id("user_id");
  r.name = f.required_text("name", 1, 50);
  r.phone = f.optional_text("phone", 30).value_or("");
  r.title_level = f.optional_choice("title_level", title_levels().values()).value_or("none");
  r.kind = f.required_choice("kind", staff_kinds().values());
  r.expert_pool_level = f.optional_choice("expert_pool_level", expert_pool_levels().values());
  r.safety_engineer_level = f.optional_choice("safety_engineer_level", safety_engineer_levels().values());
  // Absent or null (an empty spreadsheet cell, a PATCH over a record without one); an invalid value has its
  // own error.
  if (r.kind == "expert" && !r.expert_pool_level && !f.present("expert_pool_level"))
    f.add_error("expert_pool_level", "required", "专家须填写所在专家库级别",
                "experts need the level of their expert pool");
  if (r.kind != "expert") r.expert_pool_level.reset();
  if (r.kind == "safety_engineer" && !r.safety_engineer_level && !f.present("safety_engineer_level"))
    f.add_error("safety_engineer_level", "required", "注册安全工程师须填写级别",
                "registered safety engineers need their level");
  if (r.kind != "safety_engineer") r.safety_engineer_level.reset();
  r.specialties =
      f.optional_choices("specialties", specialties().values()).value_or(std::vector<std::string>{});
  r.certificates = read_certificates(f);
  if (f.object().value("evaluation_grade", nlohmann::json()) != "")  // "" means not yet evaluated
    r.evaluation_grade = f.optional_choice("evaluation_grade", evaluation_grades().values()).value_or("");
  r.excluded = f.optional_bool("excluded").value_or(false);
  r.excluded_reason = f.optional_text("excluded_reason", 200).value_or("");
  if (r.excluded && r.excluded_reason.empty())
    f.add_error("excluded_reason", "required", "排除人员须说明原因", "a reason is required when excluding");
  if (!r.excluded) r.excluded_reason.clear();
  r.active = f.optional_bool("active").value_or(true);
  return r;
}

bool may_write_staff_of(db::Connection& db, const accounts::Actor& user, std::int64_t org_id) {
  return access::may_change(db, user, access::kStaff, {{"org_id", org_id}}) &&
         (is_org_of_type(db, org_id, "agency") || is_org_of_type(db, org_id, "insurer"));
}

void check_staff(db::Connection& db, const accounts::Actor& user, Fields& fields, const StaffRecord& record,
                 std::int64_t self_id) {
  if (!may_write_staff_of(db, user, record.org_id)) {
    fields.add_error("org_id", "unknown_org", "机构不存在或不是服务机构、保险机构",
                     "the organization does not exist or is not an agency or insurer");
    return;
  }
  if (record.user_id) {
    if (db.query("SELECT 1 AS one FROM users WHERE id = ? AND org_id = ?", {*record.user_id, record.org_id})
            .empty())
      fields.add_error("user_id", "unknown_user", "用户不存在或不属于该机构",
                       "the user does not exist in this organization");
    else if (!db.query("SELECT 1 AS one FROM staff WHERE user_id = ? AND id <> ?", {*record.user_id, self_id})
                  .empty())
      fields.add_error("user_id", "user_taken", "该用户已关联其他人员档案",
                       "the user is linked to another staff record");
  }
  if (!record.phone.empty()) {
    auto holder = staff_with_phone(db, record.org_id, record.phone);
    if (holder && *holder != self_id)
      fields.add_error("phone", "duplicate_phone", "本机构已有使用该手机号的人员",
                       "another staff member of the organization has this phone");
  }
}

std::optional<std::int64_t> staff_with_phone(db::Connection& db, std::int64_t org_id,
                                             const std::string& phone) {
  auto rows = db.query("SELECT id FROM staff WHERE org_id = ? AND phone = ?", {org_id, phone});
  if (rows.empty()) return std::nullopt;
  return rows[0].integer("id");
}

std::int64_t insert_staff(db::Connection& db, const StaffRecord& record, const std::string& now) {
  auto params = column_values(record);
  params.insert(params.end(), {now, now});
  const auto id =
      db.query(
            "INSERT INTO staff (org_id, user_id, name, phone, title_level, kind, expert_pool_level, "
            "safety_engineer_level, specialties, evaluation_grade, excluded, excluded_reason, active, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            params)[0]
          .integer("id");
  save_certificates(db, id, record.certificates);
  return id;
}

void update_staff_row(db::Connection& db, std::int64_t id, const StaffRecord& record,
                      const std::string& now) {
  auto params = column_values(record);
  params.insert(params.end(), {now, id});
  db.execute(
      "UPDATE staff SET org_id = ?, user_id = ?, name = ?, phone = ?, title_level = ?, kind = ?, "
      "expert_pool_level = ?, safety_engineer_level = ?, specialties = ?, evaluation_grade = ?, excluded = "
      "?, "
      "excluded_reason = ?, active = ?, updated_at = ? WHERE id = ?",
      params);
  save_certificates(db, id, record.certificates);
}

StaffRecord staff_from_row(const db::Row& row, std::vector<Certificate> certificates) {
  StaffRecord r;
  r.org_id = row.integer("org_id");
  r.user_id = row.optional_integer("user_id");
  r.name = row.text("name");
  r.phone = row.text("phone");
  r.title_level = row.text("title_level");
  r.kind = row.text("kind");
  r.expert_pool_level = row.optional_text("expert_pool_level");
  r.safety_engineer_level = row.optional_text("safety_engineer_level");
  r.specialties = nlohmann::json::parse(row.text("specialties")).get<std::vector<std::string>>();
  r.certificates = std::move(certificates);
  r.evaluation_grade = row.text("evaluation_grade");
  r.excluded = row.integer("excluded") == 1;
  r.excluded_reason = row.text("excluded_reason");
  r.active = row.integer("active") == 1;
  return r;
}

nlohmann::json staff_record_json(const StaffRecord& r) {
  nlohmann::json certificates = nlohmann::json::array();
  for (const auto& c : r.certificates)
    certificates.push_back(
        {{"name", c.name}, {"number", c.number}, {"expires_on", optional_json(c.expires_on)}});
  return {{"org_id", r.org_id},
          {"user_id", optional_json(r.user_id)},
          {"name", r.name},
          {"phone", r.phone},
          {"title_level", r.title_level},
          {"kind", r.kind},
          {"expert_pool_level", optional_json(r.expert_pool_level)},
          {"safety_engineer_level", optional_json(r.safety_engineer_level)},
          {"specialties", r.specialties},
          {"certificates", certificates},
          {"evaluation_grade", r.evaluation_grade},
          {"excluded", r.excluded},
          {"excluded_reason", r.excluded_reason},
          {"active", r.active}};
}

std::map<std::int64_t, std::vector<Certificate>> certificates_of(db::Connection& db,
                                                                 const std::vector<std::int64_t>& staff_ids) {
  std::map<std::int64_t, std::vector<Certificate>> out;
  if (staff_ids.empty()) return out;
  db::Params params(staff_ids.begin(), staff_ids.end());
  auto rows =
      db.query("SELECT staff_id, name, number, expires_on FROM staff_certificates WHERE staff_id IN (" +
                   placeholders(staff_ids.size()) + ") ORDER BY id",
               params);
  for (std::size_t i = 0; i < rows.size(); ++i)
    out[rows[i].integer("staff_id")].push_back(
        {rows[i].text("name"), rows[i].text("number"), rows[i].optional_text("expires_on")});
  return out;
}

}  // namespace rw::registry
