#include "app/demo_registry.hpp"

#include "registry/enterprise_record.hpp"
#include "registry/policy_record.hpp"
#include "registry/staff_record.hpp"

namespace rw::app {
namespace {

struct DemoEnterprise {
  const char* industry;
  const char* scale;
  const char* risk;
  const char* permit;
  const char* contact;
};

// Parallel to the 20 demo enterprise organizations, in order.
const DemoEnterprise kEnterprises[] = {
    {"2614", "large", "major", "key", "钱安环"},
    {"1713", "medium", "larger", "key", "孙志强"},
    {"3360", "small", "larger", "key", "李红梅"},
    {"3391", "medium", "general", "simplified", "周建华"},
    {"2641", "small", "larger", "key", "吴晓东"},
    {"3360", "small", "general", "simplified", "郑丽"},
    {"2710", "large", "major", "key", "王海涛"},
    {"1711", "medium", "general", "registration", "冯磊"},
    {"1391", "small", "general", "registration", "陈静"},
    {"3360", "micro", "general", "simplified", "褚卫国"},
    {"2231", "small", "general", "registration", "卫敏"},
    {"2922", "small", "unknown", "registration", "蒋涛"},
    {"3982", "medium", "larger", "key", "沈洁"},
    {"3130", "large", "larger", "key", "韩冰"},
    {"4620", "medium", "larger", "key", "杨帆"},
    {"2911", "medium", "general", "simplified", "朱军"},
    {"3841", "large", "major", "key", "秦雪"},
    {"3581", "small", "general", "registration", "尤佳"},
    {"5990", "small", "unknown", "none", "许强"},
    {"3973", "large", "larger", "key", "何平"},
};

void seed_enterprises(db::Connection& db, const DemoOrganizations& orgs, const std::string& now,
                      std::vector<std::int64_t>& ids) {
  for (std::size_t i = 0; i < orgs.enterprises.size(); ++i) {
    const auto& demo = kEnterprises[i];
    auto org = db.query("SELECT name, credit_code FROM organizations WHERE id = ?", {orgs.enterprises[i]})[0];
    registry::EnterpriseRecord r;
    r.name = org.text("name");
    r.credit_code = org.text("credit_code");
    r.legal_representative = demo.contact;
    r.registered_address =
        "无锡市" + std::string(i % 4 < 2 ? "梁溪区" : "新吴区") + "工业路 " + std::to_string(10 + i) + " 号";
    r.business_address = r.registered_address;
    r.longitude = 120.30 + 0.01 * static_cast<double>(i);
    r.latitude = 31.55 + 0.005 * static_cast<double>(i);
    r.contacts = {{demo.contact, "1395150" + std::to_string(1000 + i), "环保负责人"}};
    r.industry_code = demo.industry;
    r.scale = demo.scale;
    r.region_id = orgs.streets[i % orgs.streets.size()];
    if (i >= 15) r.park_org_id = orgs.park;
    r.org_id = orgs.enterprises[i];
    r.permit_type = demo.permit;
    if (r.permit_type != "none") {
      r.permit_number = "91320200MA" + std::to_string(1000000 + i) + "001P";
      r.permit_valid_from = "2023-06-01";
      r.permit_valid_until = "2028-05-31";
    }
    r.risk_level = demo.risk;
    if (r.risk_level != "unknown") {
      r.risk_assessed_on = "2025-03-15";
      r.risk_source = "突发环境事件应急预案备案";
    }
    r.sensitive_receptors = {"京杭大运河", "居民区（约 300 米）"};
    ids.push_back(registry::insert_enterprise(db, r, orgs.platform, now));
  }
}

void seed_policies(db::Connection& db, const DemoOrganizations& orgs,
                   const std::vector<std::int64_t>& enterprises, const std::string& now) {
  for (std::size_t i = 0; i < enterprises.size(); ++i) {
    const std::int64_t premium = (30000 + 5000 * static_cast<std::int64_t>(i % 5)) * 100;
    if (i < 12)
      registry::insert_policy(
          db,
          {"environmental", orgs.insurer_a, "PICC-WX-2026-" + std::to_string(1001 + i), enterprises[i],
           "2026-01-01", "2026-12-31", premium, 2000000LL * 100, "percent", 1500, "active"},
          now);
    if (i >= 8 && i < 16)
      registry::insert_policy(
          db,
          {"work_safety", orgs.insurer_b, "PAIC-WX-2026-" + std::to_string(2001 + i), enterprises[i],
           "2026-03-01", "2027-02-28", premium, 1000000LL * 100, "amount", 5000LL * 100, "active"},
          now);
  }
}

std::optional<std::int64_t> user_id(db::Connection& db, const char* username) {
  auto rows = db.query("SELECT id FROM users WHERE username = ?", {std::string(username)});
  if (rows.empty()) return std::nullopt;
  return rows[0].integer("id");
}

void seed_staff(db::Connection& db, const DemoOrganizations& orgs, const std::string& now) {
  auto person = [&](std::int64_t org, const char* username, const char* name, const char* phone,
                    const char* title, const char* kind, std::vector<std::string> specialties) {
    registry::StaffRecord r;
    r.org_id = org;
    if (username) r.user_id = user_id(db, username);
    r.name = name;
    r.phone = phone;
    r.title_level = title;
    r.kind = kind;
    if (r.kind == "expert") r.expert_pool_level = "city";
    r.specialties = std::move(specialties);
    r.evaluation_grade = "good";
    return r;
  };
  auto chen = person(orgs.agency_a, "demo-expert", "陈专家", "13912340001", "senior", "expert",
                     {"water", "emergency"});
  chen.certificates = {{"环境影响评价工程师", "HP0012345", "2027-06-30"}};
  registry::insert_staff(db, chen, now);
  auto zhou = person(orgs.agency_a, "demo-expert2", "周专家", "13912340002", "full_senior", "expert",
                     {"air", "solid_waste"});
  zhou.expert_pool_level = "province";
  zhou.evaluation_grade = "excellent";
  registry::insert_staff(db, zhou, now);
  registry::insert_staff(db,
                         person(orgs.agency_a, "demo-technician", "刘技术", "13912340003", "intermediate",
                                "technician", {"water", "noise"}),
                         now);
  registry::insert_staff(
      db, person(orgs.agency_a, nullptr, "何初级", "13912340004", "junior", "technician", {"soil"}), now);
  auto ma = person(orgs.agency_a, nullptr, "马排除", "13912340005", "intermediate", "expert", {"water"});
  ma.evaluation_grade = "unqualified";
  ma.excluded = true;
  ma.excluded_reason = "2025 年下半年考评不合格";
  registry::insert_staff(db, ma, now);
  registry::insert_staff(db,
                         person(orgs.agency_b, "qingyuan-expert", "郑专家", "13912340006", "senior", "expert",
                                {"emergency", "chemicals"}),
                         now);
  registry::insert_staff(db,
                         person(orgs.agency_b, "qingyuan-technician", "孙技术", "13912340007", "intermediate",
                                "technician", {"air"}),
                         now);
}

}  // namespace

void seed_demo_registry(db::Connection& db, const DemoOrganizations& orgs, const std::string& now) {
  std::vector<std::int64_t> enterprises;
  seed_enterprises(db, orgs, now, enterprises);
  seed_policies(db, orgs, enterprises, now);
  seed_staff(db, orgs, now);
}

}  // namespace rw::app
