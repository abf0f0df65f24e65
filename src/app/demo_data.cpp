#include "app/demo_data.hpp"

#include <map>

#include "accounts/password.hpp"
#include "accounts/sessions.hpp"
#include "accounts/user_store.hpp"
#include "app/demo_archive.hpp"
#include "app/demo_env_risk.hpp"
#include "app/demo_hazards.hpp"
#include "app/demo_notices.hpp"
#include "app/demo_registry.hpp"
#include "app/demo_reports.hpp"
#include "app/demo_safety.hpp"
#include "app/demo_services.hpp"
#include "app/demo_sum_insured.hpp"
#include "app/demo_webhooks.hpp"
#include "notices/number_store.hpp"
#include "platform/clock.hpp"
#include "platform/dates.hpp"
#include "registry/enterprise_search_index.hpp"
#include "registry/uscc.hpp"

namespace rw::app {
namespace {

struct Seeder {
  db::Connection& db;
  std::string now;

  std::int64_t region(const std::string& code, const std::string& name, const std::string& level,
                      std::optional<std::int64_t> parent) {
    return db
        .query(
            "INSERT INTO regions (code, name, level, parent_id, created_at, updated_at) VALUES (?, ?, ?, ?, "
            "?, ?) "
            "RETURNING id",
            {code, name, level, db::optional_value(parent), now, now})[0]
        .integer("id");
  }

  std::int64_t org(const std::string& name, const std::string& type, std::optional<std::int64_t> parent,
                   std::vector<std::int64_t> regions, const std::string& credit_code = "") {
    const auto id =
        db.query(
              "INSERT INTO organizations (name, type, parent_id, credit_code, contact_phone, active, "
              "created_at, updated_at) VALUES (?, ?, ?, ?, '', 1, ?, ?) RETURNING id",
              {name, type, db::optional_value(parent), credit_code, now, now})[0]
            .integer("id");
    for (auto region_id : regions)
      db.execute("INSERT INTO organization_regions (org_id, region_id) VALUES (?, ?)", {id, region_id});
    return id;
  }
};

// A valid credit code for demo enterprise n (organization code part made up, check character computed).
std::string demo_credit_code(int n) {
  char first17[18];
  std::snprintf(first17, sizeof first17, "913202%02dMA%07d", 13 + n % 2, 1000000 + n * 7919);
  return std::string(first17) + *registry::uscc_check_character(first17);
}

}  // namespace

bool seed_demo(db::Database& database, const Clock& clock, files::FileStore& store) {
  auto lease = database.acquire();
  db::Transaction transaction(*lease, true);
  if (!lease->query("SELECT 1 AS one FROM users WHERE username = 'demo-admin'").empty()) return false;
  Seeder s{*lease, format_utc(clock.now())};

  const auto jiangsu = s.region("320000", "江苏省", "province", std::nullopt);
  const auto wuxi = s.region("320200", "无锡市", "city", jiangsu);
  const auto liangxi = s.region("320213", "梁溪区", "district", wuxi);
  const auto xinwu = s.region("320214", "新吴区", "district", wuxi);
  const std::vector<std::int64_t> streets = {s.region("320213001", "崇安寺街道", "street", liangxi),
                                             s.region("320213002", "通江街道", "street", liangxi),
                                             s.region("320214001", "旺庄街道", "street", xinwu),
                                             s.region("320214002", "硕放街道", "street", xinwu)};

  const auto platform = s.org("Riskwatch 风险防控服务平台", "platform", std::nullopt, {});
  const auto regulator = s.org("无锡市生态环境局", "regulator", std::nullopt, {wuxi});
  const auto insurer_a = s.org("中国人民财产保险股份有限公司无锡市分公司", "insurer", std::nullopt, {wuxi});
  const auto insurer_b = s.org("中国平安财产保险股份有限公司无锡分公司", "insurer", std::nullopt, {wuxi});
  const auto agency_a = s.org("无锡环科风险评估有限公司", "agency", std::nullopt, {liangxi});
  const auto agency_b = s.org("江苏清源环境技术服务有限公司", "agency", std::nullopt, {xinwu});
  const auto park = s.org("无锡新吴高新技术产业园", "park", std::nullopt, {streets[3]});

  const char* names[] = {"恒达化工",     "华润印染",     "锡能电镀",     "太湖精密铸造", "江南涂料",
                         "新材表面处理", "宏远制药",     "东方纺织",     "利民食品",     "金属热处理",
                         "蓝天包装印刷", "富源塑料",     "明光电子",     "长江钢管",     "清泉水务",
                         "瑞丰橡胶",     "中科电池材料", "协和医疗器械", "安达物流",     "创新半导体"};
  std::vector<std::int64_t> enterprises;
  for (int i = 0; i < 20; ++i) {
    const bool in_park = i >= 15;  // the park's resident enterprises belong to it
    enterprises.push_back(s.org(std::string("无锡市") + names[i] + "有限公司", "enterprise",
                                in_park ? std::optional(park) : std::nullopt, {streets[i % 4]},
                                demo_credit_code(i)));
  }
  const auto first_enterprise = enterprises.front();

  // Every demo user shares one password, so one hash serves all and seeding stays fast.
  const auto hash = accounts::hash_password(kDemoPassword);
  struct DemoUser {
    const char* username;
    const char* display_name;
    std::int64_t org;
    std::vector<std::string> roles;
  };
  const std::vector<DemoUser> users = {
      {"demo-admin", "平台管理员", platform, {"admin"}},
      {"demo-regulator", "王监管", regulator, {"manager"}},
      {"demo-viewer", "赵查看", regulator, {"viewer"}},
      {"demo-insurer", "李保险", insurer_a, {"manager", "reviewer"}},
      {"demo-agency", "张机构", agency_a, {"admin", "manager"}},
      {"demo-expert", "陈专家", agency_a, {"expert"}},
      {"demo-technician", "刘技术", agency_a, {"technician"}},
      {"demo-expert2", "周专家", agency_a, {"expert"}},
      {"qingyuan-admin", "吴主任", agency_b, {"admin", "manager"}},
      {"qingyuan-expert", "郑专家", agency_b, {"expert"}},
      {"qingyuan-technician", "孙技术", agency_b, {"technician"}},
      {"demo-enterprise", "钱安环", first_enterprise, {"enterprise_user"}},
      {"demo-park", "冯园区", park, {"manager"}},
  };
  for (const auto& u : users)
    accounts::insert_user(*lease, {u.org, u.username, u.display_name, u.roles, hash, "", ""}, s.now);
  const DemoOrganizations orgs{platform, insurer_a, insurer_b,   agency_a,
                               agency_b, park,      enterprises, streets};
  seed_demo_registry(*lease, orgs, s.now);
  seed_demo_services(*lease, orgs, clock, store);
  seed_demo_hazards(*lease, clock);
  seed_demo_env_risk(*lease, clock, enterprises);
  seed_demo_sum_insured(*lease, insurer_a, s.now);
  seed_demo_reports(*lease, clock, store);
  seed_demo_webhooks(*lease, agency_a, s.now);
  // The numbers the demo agency and regulator give their warning notices (yueqing att.2:
  // 温环乐预警〔2023〕0012号).
  notices::save_pattern(*lease, agency_a, "warning", "锡环科预警〔{year}〕{seq:4}号", s.now, std::nullopt);
  notices::save_pattern(*lease, regulator, "warning", "锡环预警〔{year}〕{seq:4}号", s.now, std::nullopt);
  seed_demo_notices(*lease, clock, store);
  seed_demo_safety_risk(*lease, clock, store);
  seed_demo_archive(*lease, clock, store);
  registry::index_waiting_enterprises(*lease);  // all the demo's enterprises in one pass
  transaction.commit();
  return true;
}

accounts::Actor demo_user(db::Connection& db, const std::string& username) {
  const auto id = db.query("SELECT id FROM users WHERE username = ?", {username}).integers("id").at(0);
  return *accounts::load_user(db, id);
}

}  // namespace rw::app
