// The registry of the generated province: regions, organizations of every party, users, staff,
// enterprises and policies, with the audit entries their creation leaves.
#include <algorithm>
#include <cctype>
#include <set>

#include "audit/audit_log.hpp"
#include "benchdata/jiangsu.hpp"
#include "benchdata/records.hpp"
#include "benchdata/words.hpp"
#include "benchdata/world.hpp"
#include "registry/enterprise_record.hpp"
#include "registry/policy_record.hpp"
#include "registry/staff_record.hpp"

namespace rw::benchdata {
namespace {

// The columns an enterprise row has: the product's writable fields, then what the store keeps itself.
std::vector<std::string> enterprise_columns() {
  std::vector<std::string> columns = {"id"};
  const auto& keys = registry::enterprise_keys();
  columns.insert(columns.end(), keys.begin(), keys.end());
  columns.insert(columns.end(), {"created_by_org_id", "archived", "created_at", "updated_at"});
  return columns;
}

using std::chrono::days;

struct InsurerCompany {
  const char* name;
  const char* prefix;  // of its policy numbers
  int weight;          // market share among insured enterprises, in percent
  bool everywhere;     // has a branch in every city
};
const std::vector<InsurerCompany> kInsurers = {
    {"中国人民财产保险股份有限公司", "PICC", 32, true},   {"中国平安财产保险股份有限公司", "PAIC", 20, true},
    {"中国太平洋财产保险股份有限公司", "CPIC", 16, true}, {"中国人寿财产保险股份有限公司", "CLPC", 9, false},
    {"中华联合财产保险股份有限公司", "CICI", 7, false},   {"中国大地财产保险股份有限公司", "CCIC", 6, false},
    {"阳光财产保险股份有限公司", "SSIC", 5, false},       {"紫金财产保险股份有限公司", "ZJIC", 5, false},
};

struct Park {
  std::int64_t org_id = 0;
  std::int64_t user_id = 0;
};

struct Street {
  std::int64_t region_id = 0;
  std::string name;
  std::size_t park = 0;  // 1-based index into the city's parks; 0: none
};

struct District {
  const DistrictData* data = nullptr;
  std::vector<Street> streets;
};

struct CityPlaces {
  std::vector<District> districts;
  std::vector<Park> parks;
};

class RegistryWriter {
 public:
  RegistryWriter(WriteBehind& out, World& world)
      : w_(world),
        records_(out, world),
        regions_(out, "regions", {"id", "code", "name", "level", "parent_id", "created_at", "updated_at"}),
        orgs_(out, "organizations",
              {"id", "name", "type", "parent_id", "credit_code", "contact_phone", "active", "created_at",
               "updated_at"}),
        org_regions_(out, "organization_regions", {"org_id", "region_id"}),
        users_(out, "users",
               {"id", "org_id", "username", "display_name", "phone", "email", "password_hash", "active",
                "created_at", "updated_at"}),
        roles_(out, "user_roles", {"user_id", "role"}),
        staff_(out, "staff",
               {"id", "org_id", "user_id", "name", "phone", "title_level", "kind", "expert_pool_level",
                "safety_engineer_level", "specialties", "evaluation_grade", "excluded", "excluded_reason",
                "active", "created_at", "updated_at"}),
        certificates_(out, "staff_certificates", {"id", "staff_id", "name", "number", "expires_on"}),
        enterprises_(out, "enterprises", enterprise_columns()),
        policies_(out, "policies",
                  {"id", "insurance_type", "insurer_org_id", "policy_number", "enterprise_id", "starts_on",
                   "ends_on", "premium_fen", "sum_insured_fen", "fund_share_kind", "fund_share_value",
                   "status", "created_at", "updated_at"}),
        subscriptions_(out, "webhook_subscriptions",
                       {"id", "org_id", "url", "event_types", "secret", "description", "active", "created_by",
                        "created_at", "updated_at"}),
        setup_day_(world.today - days(420)),
        setup_at_(moment(setup_day_, 9 * 60)) {
    orgs_.after(regions_);
    org_regions_.after(orgs_);
    users_.after(orgs_);
    roles_.after(users_);
    staff_.after(users_);
    certificates_.after(staff_);
    enterprises_.after(orgs_);
    policies_.after(enterprises_);
    subscriptions_.after(users_);
  }

  void run() {
    w_.platform_org_id = org("Riskwatch 风险防控服务平台", "platform", std::nullopt, {});
    w_.admin_user_id = user(w_.platform_org_id, "demo-admin", "平台管理员", {"admin"});
    const auto province = region(kProvinceCode, kProvinceName, "province", std::nullopt);
    const auto province_bureau = org("江苏省生态环境厅", "regulator", std::nullopt, {province});
    user(province_bureau, "jiangsu-eco", person_name(w_.random), {"manager"});
    std::vector<std::int64_t> insurer_heads;
    for (const auto& company : kInsurers) {
      const auto head = org(std::string(company.name) + "江苏省分公司", "insurer", std::nullopt, {province});
      subscribe(head, user(head, "ins" + std::to_string(head) + "-admin", person_name(w_.random),
                           {"admin", "manager"}));
      insurer_heads.push_back(head);
    }
    for (const auto& data : jiangsu_cities())
      if (w_.scale.whole_province || data.code == std::string(kWuxiCode))
        add_city(data, province, insurer_heads);
    add_qingyuan_branches();
    for (auto& city : w_.cities) {
      for (const auto& branch : city.insurers)
        if (branch.org_id == w_.demo_insurer_org_id) subscribe(branch.org_id, branch.manager_user_id);
      for (std::size_t a = 0; a < city.agencies.size(); a += 3)
        subscribe(city.agencies[a].org_id, city.agencies[a].lead_user_id);
      add_staff(city);
      city_weights_.push_back(jiangsu_cities()[city.data].weight);
      insurer_weights_.emplace_back();
      for (const auto& branch : city.insurers)
        insurer_weights_.back().push_back(kInsurers[branch.company].weight);
    }
    for (std::int64_t i = 0; i < w_.scale.enterprises; ++i) add_enterprise();
    for (auto* table : {&regions_, &orgs_, &org_regions_, &users_, &roles_, &staff_, &certificates_,
                        &enterprises_, &policies_, &subscriptions_})
      table->flush();
    records_.flush();
  }

 private:
  std::int64_t region(const std::string& code, const std::string& name, const char* level,
                      std::optional<std::int64_t> parent) {
    const auto id = w_.ids.next("regions");
    regions_.add({id, code, name, std::string(level), db::optional_value(parent), setup_at_, setup_at_});
    records_.audit(setup_at_, admin(), std::nullopt, "region", id, "create",
                   audit::created({{"code", code},
                                   {"name", name},
                                   {"level", level},
                                   {"parent_id", parent ? nlohmann::json(*parent) : nlohmann::json()}}));
    return id;
  }

  // The platform admin sets the regions and organizations up; before that user exists, no audit.
  std::int64_t admin() const { return w_.admin_user_id; }

  std::int64_t org(const std::string& name, const char* type, std::optional<std::int64_t> parent,
                   const std::vector<std::int64_t>& regions, const std::string& credit_code = "",
                   const std::string& at = "") {
    const auto id = w_.ids.next("organizations");
    const auto& when = at.empty() ? setup_at_ : at;
    orgs_.add({id, name, std::string(type), db::optional_value(parent), credit_code, std::string(),
               std::int64_t{1}, when, when});
    for (auto region_id : regions) org_regions_.add({id, region_id});
    if (w_.admin_user_id)
      records_.audit(when, admin(), id, "organization", id, "create",
                     audit::created({{"name", name},
                                     {"type", type},
                                     {"parent_id", parent ? nlohmann::json(*parent) : nlohmann::json()},
                                     {"credit_code", credit_code},
                                     {"region_ids", regions}}));
    return id;
  }

  // Every transition of an object the organization sees goes to its system (webhooks/webhook_outbox.cpp):
  // the insurers' provincial branches, the demo insurer, and the first agency of each city and every third
  // after it (the demo agency among them): 25 in the province. Their URLs answer nothing: the benchmarks send
  // no delivery (bench/province-bench.sh).
  void subscribe(std::int64_t org_id, std::int64_t admin_user_id) {
    const auto id = w_.ids.next("webhook_subscriptions");
    // Its own numbers, so the rest of the province is the same with or without subscriptions.
    Random numbers(static_cast<std::uint64_t>(org_id));
    std::string secret;
    for (int i = 0; i < 64; ++i) secret.push_back("0123456789abcdef"[numbers.below(16)]);
    const auto url = "https://hooks.example.cn/riskwatch/" + std::to_string(org_id);
    subscriptions_.add({id, org_id, url, std::string(R"(["*"])"), secret, std::string("业务系统对接"),
                        std::int64_t{1}, admin_user_id, setup_at_, setup_at_});
    records_.audit(setup_at_, admin_user_id, org_id, "webhook_subscription", id, "create",
                   audit::created({{"id", id},
                                   {"org", {{"id", org_id}}},
                                   {"url", url},
                                   {"event_types", {"*"}},
                                   {"description", "业务系统对接"},
                                   {"active", true}}));
  }

  std::int64_t user(std::int64_t org_id, const std::string& username, const std::string& display_name,
                    const std::vector<std::string>& roles, const std::string& at = "") {
    const auto id = w_.ids.next("users");
    const auto& when = at.empty() ? setup_at_ : at;
    users_.add({id, org_id, username, display_name, mobile_phone(w_.random), std::string(), w_.password_hash,
                std::int64_t{1}, when, when});
    for (const auto& role : roles) roles_.add({id, role});
    w_.users.push_back({id, username});
    records_.audit(
        when, w_.admin_user_id ? admin() : id, org_id, "user", id, "create",
        audit::created(
            {{"username", username}, {"display_name", display_name}, {"org_id", org_id}, {"roles", roles}}));
    return id;
  }

  void add_city(const CityData& data, std::int64_t province, const std::vector<std::int64_t>& insurer_heads) {
    const bool wuxi = data.code == std::string(kWuxiCode);
    City city;
    city.data = static_cast<std::size_t>(&data - jiangsu_cities().data());
    city.region_id = region(data.code, data.name, "city", province);
    CityPlaces places;
    const std::string city_name = data.name;
    const auto bureau = org(city_name + "生态环境局", "regulator", std::nullopt, {city.region_id});
    if (wuxi) {
      user(bureau, "demo-regulator", "王监管", {"manager"});
      user(bureau, "demo-viewer", "赵查看", {"viewer"});
    } else {
      user(bureau, "reg" + std::to_string(bureau), person_name(w_.random), {"manager"});
    }
    const auto safety_bureau = org(city_name + "应急管理局", "regulator", std::nullopt, {city.region_id});
    user(safety_bureau, "reg" + std::to_string(safety_bureau), person_name(w_.random), {"manager"});

    const auto district_count = w_.scale.max_districts
                                    ? std::min(w_.scale.max_districts, data.districts.size())
                                    : data.districts.size();
    for (std::size_t d = 0; d < district_count; ++d) {
      // 无锡's 新吴区 hosts the demo park, so the tiny scale keeps it.
      const auto& district =
          wuxi && w_.scale.max_districts ? data.districts[data.districts.size() - 3 + d] : data.districts[d];
      District places_district{&district, {}};
      const auto district_id = region(district.code, district.name, "district", city.region_id);
      const auto branch = org(city_name + "生态环境局" + short_district_name(district.name) + "分局",
                              "regulator", bureau, {district_id});
      user(branch, "reg" + std::to_string(branch), person_name(w_.random), {"manager"});
      const std::string name = district.name;
      const bool towns =
          name.size() >= 3 && (name.substr(name.size() - 3) == "县" || name.substr(name.size() - 3) == "市");
      const auto names = street_names(
          w_.random, static_cast<std::size_t>(w_.random.between(w_.scale.min_streets, w_.scale.max_streets)),
          towns);
      for (std::size_t s = 0; s < names.size(); ++s) {
        const auto serial = std::to_string(s + 1);
        const auto code = std::string(district.code) + std::string(3 - serial.size(), '0') + serial;
        places_district.streets.push_back({region(code, names[s], "street", district_id), names[s], 0});
      }
      places.districts.push_back(std::move(places_district));
    }
    add_parks(places, data, wuxi);

    for (std::size_t c = 0; c < kInsurers.size(); ++c) {
      if (!kInsurers[c].everywhere && !wuxi && !w_.random.chance(700)) continue;
      InsurerBranch branch;
      branch.company = c;
      branch.name = std::string(kInsurers[c].name) + city_name + "分公司";
      branch.org_id = org(branch.name, "insurer", insurer_heads[c], {city.region_id});
      const bool demo = wuxi && c == 0;
      branch.manager_user_id =
          user(branch.org_id, demo ? "demo-insurer" : "ins" + std::to_string(branch.org_id) + "-manager",
               demo ? "李保险" : person_name(w_.random), {"manager", "reviewer"});
      branch.reviewer_user_id = user(branch.org_id, "ins" + std::to_string(branch.org_id) + "-reviewer",
                                     person_name(w_.random), {"reviewer"});
      if (demo) w_.demo_insurer_org_id = branch.org_id;
      city.insurers.push_back(branch);
    }
    add_agencies(city, data, wuxi);
    w_.cities.push_back(std::move(city));
    places_.push_back(std::move(places));
  }

  void add_parks(CityPlaces& places, const CityData& data, bool wuxi) {
    static const std::vector<std::string> kinds = {"经济开发区", "高新技术产业园", "化工园区", "工业集中区"};
    const std::size_t count = std::min<std::size_t>(places.districts.size(), 2);
    for (std::size_t p = 0; p < count; ++p) {
      // In 无锡 the demo park sits in 新吴区; elsewhere the parks are in the first districts.
      auto& district = places.districts[wuxi ? places.districts.size() - 1 - p : p];
      if (district.streets.size() < 2) continue;
      const bool demo = wuxi && p == 0;
      const auto name = demo ? std::string("无锡新吴高新技术产业园")
                             : std::string(data.short_name) + short_district_name(district.data->name) +
                                   w_.random.pick(kinds);
      const auto org_id =
          org(name, "park", std::nullopt, {district.streets[0].region_id, district.streets[1].region_id});
      const auto user_id = user(org_id, demo ? "demo-park" : "park" + std::to_string(org_id),
                                demo ? "冯园区" : person_name(w_.random), {"manager"});
      places.parks.push_back({org_id, user_id});
      district.streets[0].park = district.streets[1].park = places.parks.size();
    }
  }

  void add_agencies(City& city, const CityData& data, bool wuxi) {
    static const std::vector<std::string> forms = {"环境科技有限公司", "环保咨询有限公司", "风险评估有限公司",
                                                   "安全技术服务有限公司", "环境工程技术有限公司"};
    const std::string short_name = data.short_name;
    if (wuxi) {
      const std::string a_name = "无锡环科风险评估有限公司", b_name = "江苏清源环境技术服务有限公司";
      const auto a = org(a_name, "agency", std::nullopt, {city.region_id});
      city.agencies.push_back({a, a_name, user(a, "demo-agency", "张机构", {"admin", "manager"}), 40, {}});
      const auto b = org(b_name, "agency", std::nullopt, {city.region_id});
      city.agencies.push_back({b, b_name, user(b, "qingyuan-admin", "吴主任", {"admin", "manager"}), 25, {}});
      qingyuan_org_id_ = b;
    }
    const int local = 2 + (data.weight >= 9) + (data.weight >= 20);
    for (int i = 0; i < local; ++i) {
      const auto name = (w_.random.chance(700) ? short_name : std::string("江苏")) + brand_word(w_.random) +
                        w_.random.pick(forms);
      const auto id = org(name, "agency", std::nullopt, {city.region_id});
      city.agencies.push_back(
          {id,
           name,
           user(id, "agy" + std::to_string(id) + "-admin", person_name(w_.random), {"admin", "manager"}),
           static_cast<int>(w_.random.between(10, 30)),
           {}});
    }
  }

  // 清源 has branches in 苏州 and 常州: its admin's reach covers theirs.
  void add_qingyuan_branches() {
    for (auto& city : w_.cities) {
      const std::string name = jiangsu_cities()[city.data].name;
      if (!qingyuan_org_id_ || (name != "苏州市" && name != "常州市")) continue;
      const auto branch = "江苏清源环境技术服务有限公司" + name + "分公司";
      const auto id = org(branch, "agency", qingyuan_org_id_, {city.region_id});
      city.agencies.push_back(
          {id,
           branch,
           user(id, "agy" + std::to_string(id) + "-admin", person_name(w_.random), {"admin", "manager"}),
           20,
           {}});
    }
  }

  struct StaffSeed {
    const char* username;  // nullptr: no sign-in
    const char* name;
    const char* title;
    const char* kind;
    const char* grade;
    bool excluded;
  };

  void add_staff(City& city) {
    const bool wuxi = jiangsu_cities()[city.data].code == std::string(kWuxiCode);
    int total_weight = 0;
    for (const auto& a : city.agencies) total_weight += a.weight;
    const auto city_share = w_.scale.enterprises * jiangsu_cities()[city.data].weight /
                            (w_.scale.whole_province ? 100 : jiangsu_cities()[city.data].weight);
    for (std::size_t a = 0; a < city.agencies.size(); ++a) {
      auto& agency = city.agencies[a];
      // The people the demo logins are, as in the demo seed (app/demo_registry.cpp).
      if (wuxi && a == 0) {
        for (const auto& s :
             {StaffSeed{"demo-expert", "陈专家", "senior", "expert", "good", false},
              StaffSeed{"demo-expert2", "周专家", "full_senior", "expert", "excellent", false},
              StaffSeed{"demo-technician", "刘技术", "intermediate", "technician", "good", false},
              StaffSeed{nullptr, "何初级", "junior", "technician", "good", false},
              StaffSeed{nullptr, "马排除", "intermediate", "expert", "unqualified", true}})
          seeded_staff(agency, s);
      }
      if (wuxi && a == 1) {
        for (const auto& s :
             {StaffSeed{"qingyuan-expert", "郑专家", "senior", "expert", "good", false},
              StaffSeed{"qingyuan-technician", "孙技术", "intermediate", "technician", "good", false}})
          seeded_staff(agency, s);
      }
      const auto count = 6 + city_share * agency.weight / total_weight / 30;
      for (std::int64_t i = 0; i < count; ++i) generated_staff(agency, i);
    }
  }

  void seeded_staff(Agency& agency, const StaffSeed& s) {
    registry::StaffRecord r;
    r.org_id = agency.org_id;
    r.name = s.name;
    r.title_level = s.title;
    r.kind = s.kind;
    if (r.kind == "expert") r.expert_pool_level = "city";
    r.specialties = {"water", "emergency"};
    r.evaluation_grade = s.grade;
    r.excluded = s.excluded;
    if (s.excluded) r.excluded_reason = "上年度下半年考评不合格";
    const auto id = w_.ids.next("staff");
    if (s.username) r.user_id = user(agency.org_id, s.username, s.name, {s.kind});
    write_staff(agency, r, id);
  }

  // The first three of an agency can always form a team: a titled expert and two titled technicians.
  void generated_staff(Agency& agency, std::int64_t index) {
    auto& rnd = w_.random;
    static const std::vector<std::string> specialties = {"water",     "air",       "solid_waste", "soil",
                                                         "noise",     "emergency", "eia_permit",  "safety",
                                                         "chemicals", "fire"};
    registry::StaffRecord r;
    r.org_id = agency.org_id;
    r.name = person_name(rnd);
    switch (rnd.weighted({35, 50, 15})) {
      case 0:
        r.kind = "expert";
        r.title_level = std::vector<std::string>{"junior", "intermediate", "senior",
                                                 "full_senior"}[rnd.weighted({8, 35, 45, 12})];
        r.expert_pool_level =
            std::vector<std::string>{"county", "city", "province", "national"}[rnd.weighted({30, 45, 20, 5})];
        break;
      case 1:
        r.kind = "technician";
        r.title_level =
            std::vector<std::string>{"junior", "intermediate", "senior"}[rnd.weighted({20, 60, 20})];
        break;
      default:
        r.kind = "safety_engineer";
        r.safety_engineer_level =
            std::vector<std::string>{"junior", "intermediate", "senior"}[rnd.weighted({15, 60, 25})];
        r.title_level =
            std::vector<std::string>{"none", "intermediate", "senior"}[rnd.weighted({40, 50, 10})];
    }
    while (r.specialties.size() < static_cast<std::size_t>(rnd.between(1, 3))) {
      const auto& s = rnd.pick(specialties);
      if (std::find(r.specialties.begin(), r.specialties.end(), s) == r.specialties.end())
        r.specialties.push_back(s);
    }
    r.evaluation_grade = std::vector<std::string>{"", "excellent", "good", "fair",
                                                  "unqualified"}[rnd.weighted({20, 15, 45, 17, 3})];
    if (index < 3) {
      r.kind = index == 0 ? "expert" : "technician";
      r.title_level = "senior";
      r.safety_engineer_level.reset();
      r.expert_pool_level = index == 0 ? std::optional<std::string>("city") : std::nullopt;
      r.evaluation_grade = "good";
    }
    r.excluded = r.evaluation_grade == "unqualified" || (index >= 3 && rnd.chance(10));
    if (r.excluded) r.excluded_reason = "年度考评不合格，暂停派遣";
    if (r.kind == "safety_engineer" || rnd.chance(500))
      r.certificates.push_back({r.kind == "safety_engineer" ? "注册安全工程师" : "环境影响评价工程师",
                                std::to_string(rnd.between(10000000, 99999999)),
                                date_text(w_.today + days(rnd.between(-60, 1500)))});
    if (r.kind == "expert" && rnd.chance(300))
      r.certificates.push_back(
          {"注册环保工程师", std::to_string(rnd.between(10000000, 99999999)), std::nullopt});
    const auto id = w_.ids.next("staff");
    if (rnd.chance(400))
      r.user_id = user(agency.org_id, "staff" + std::to_string(id), r.name,
                       {r.kind == "expert" ? "expert" : "technician"});
    write_staff(agency, r, id);
  }

  void write_staff(Agency& agency, registry::StaffRecord& r, std::int64_t id) {
    do r.phone = mobile_phone(w_.random);
    while (!staff_phones_.insert({agency.org_id, r.phone}).second);
    const auto at = setup_at_;
    staff_.add({id, r.org_id, db::optional_value(r.user_id), r.name, r.phone, r.title_level, r.kind,
                db::optional_value(r.expert_pool_level), db::optional_value(r.safety_engineer_level),
                nlohmann::json(r.specialties).dump(), r.evaluation_grade, std::int64_t{r.excluded},
                r.excluded_reason, std::int64_t{1}, at, at});
    for (const auto& c : r.certificates)
      certificates_.add(
          {w_.ids.next("staff_certificates"), id, c.name, c.number, db::optional_value(c.expires_on)});
    records_.audit(at, agency.lead_user_id, agency.org_id, "staff", id, "create",
                   audit::created(registry::staff_record_json(r)));
    const bool counts = !r.excluded && r.evaluation_grade != "unqualified";
    const bool titled =
        r.title_level == "intermediate" || r.title_level == "senior" || r.title_level == "full_senior";
    agency.staff.push_back({id, r.user_id, r.kind == "expert", counts && titled, r.name});
  }

  void add_enterprise();
  struct PlannedPolicy {
    Policy policy;
    registry::PolicyRecord record;
  };
  // The policies of a new enterprise; marks the one demo-enterprise signs in as.
  std::vector<PlannedPolicy> plan_policies(Enterprise& e, std::size_t index,
                                           const registry::EnterpriseRecord& r, bool insured,
                                           bool uses_platform);

  World& w_;
  Records records_;
  BulkInsert regions_, orgs_, org_regions_, users_, roles_, staff_, certificates_, enterprises_, policies_,
      subscriptions_;
  Day setup_day_;
  std::string setup_at_;
  std::vector<CityPlaces> places_;  // parallel to w_.cities
  std::int64_t qingyuan_org_id_ = 0;
  std::set<std::pair<std::int64_t, std::string>> staff_phones_;
  std::set<std::string> names_;
  std::set<std::string> credit_codes_;
  bool featured_chosen_ = false;
  std::vector<int> city_weights_;
  std::vector<std::vector<int>> insurer_weights_;
};

void RegistryWriter::add_enterprise() {
  auto& rnd = w_.random;
  const auto ci = rnd.weighted(city_weights_);
  const auto& data = jiangsu_cities()[w_.cities[ci].data];
  auto& places = places_[ci];
  const auto& district = rnd.pick(places.districts);
  const auto& street = rnd.pick(district.streets);
  const Park* park = street.park && rnd.chance(700) ? &places.parks[street.park - 1] : nullptr;
  const auto industry = pick_industry(rnd);
  registry::EnterpriseRecord r;
  for (int attempt = 0; r.name.empty() || !names_.insert(r.name).second; ++attempt) {
    auto brand = brand_word(rnd);
    if (attempt >= 8) brand += brand_word(rnd);  // a crowded register: two brand words
    r.name =
        company_name(rnd, data.short_name, short_district_name(district.data->name), brand, industry.word);
  }
  do r.credit_code = credit_code(rnd, district.data->code);
  while (!credit_codes_.insert(r.credit_code).second);
  r.legal_representative = person_name(rnd);
  const auto place = std::string(kProvinceName) + data.name + district.data->name + street.name;
  r.registered_address = place + road_address(rnd);
  r.business_address = rnd.chance(850) ? r.registered_address : place + road_address(rnd);
  if (rnd.chance(970)) {
    r.longitude = data.longitude + static_cast<double>(rnd.below(50001) - 25000) / 100000.0;
    r.latitude = data.latitude + static_cast<double>(rnd.below(40001) - 20000) / 100000.0;
  }
  r.contacts.push_back({r.legal_representative, mobile_phone(rnd), "法定代表人"});
  for (auto n = rnd.between(0, 2); n > 0; --n)
    r.contacts.push_back({person_name(rnd), mobile_phone(rnd),
                          rnd.among<std::string>({"环保负责人", "安全负责人", "生产主管"}, {5, 3, 2})});
  r.industry_code = industry.code;
  r.scale = rnd.among<std::string>({"large", "medium", "small", "micro", ""}, {4, 16, 50, 25, 5});
  r.region_id = street.region_id;
  if (park) r.park_org_id = park->org_id;
  r.production_status =
      rnd.among<std::string>({"operating", "suspended", "seasonal", "closed"}, {92, 3, 3, 2});
  r.risk_level = rnd.among<std::string>({"general", "larger", "major", "unknown"}, {55, 20, 7, 18});
  r.permit_type =
      r.risk_level == "major" || r.scale == "large"
          ? "key"
          : rnd.among<std::string>({"key", "simplified", "registration", "none"}, {15, 35, 45, 5});
  if (r.permit_type != "none") {
    // 排污许可证编号: the credit code, a serial and P (a permit) or W (a registration receipt).
    r.permit_number = r.credit_code + "001" + (r.permit_type == "registration" ? "W" : "P");
    const auto from = w_.today - days(rnd.between(30, 1500));
    r.permit_valid_from = date_text(from);
    r.permit_valid_until = date_text(from + days(5 * 365 - 1));
  }
  if (r.risk_level != "unknown") {
    r.risk_assessed_on = date_text(w_.today - days(rnd.between(20, 900)));
    r.risk_source =
        rnd.among<std::string>({"突发环境事件应急预案备案", "环责险风险评估", "企业环境风险自评"}, {5, 3, 2});
  }
  r.sensitive_receptors = sensitive_receptors(rnd);
  if (r.permit_type == "key" && rnd.chance(600)) r.tags.push_back("重点排污单位");
  if (industry.code.rfind("26", 0) == 0 && rnd.chance(500)) r.tags.push_back("涉危险化学品");
  const bool archived = rnd.chance(10);

  Enterprise e;
  e.id = w_.ids.next("enterprises");
  e.name = r.name;
  e.city = ci;
  e.scale = r.scale;
  e.risk_level = r.risk_level;
  e.industry_word = industry.word;
  e.industry_code = r.industry_code;
  e.permit_type = r.permit_type;
  e.production_status = r.production_status;
  e.tags = r.tags;
  const auto index = w_.enterprises.size();
  const bool uses_platform = !archived && rnd.chance(800);
  const auto policies =
      plan_policies(e, index, r, !archived && r.production_status != "closed", uses_platform);
  // Registered shortly before its first policy starts: by the insurer that imported it, else by its park,
  // else by the platform.
  Day registered = setup_day_ + days(rnd.between(0, 300));
  std::int64_t creator_org = w_.platform_org_id, creator_user = w_.admin_user_id;
  e.keeper_type = "platform";
  if (!policies.empty()) {
    registered = std::min(w_.today - days(1),
                          std::max(setup_day_, policies.front().policy.starts_on - days(rnd.between(3, 20))));
    const auto& branch = w_.cities[ci].insurers[policies.front().policy.insurer];
    creator_org = branch.org_id;
    creator_user = branch.manager_user_id;
    e.keeper_type = "insurer";
  } else if (park) {
    creator_org = park->org_id;
    creator_user = park->user_id;
    e.keeper_type = "park";
  }
  e.keeper_org_id = creator_org;
  e.registered = registered;
  const auto at = moment(registered, static_cast<int>(rnd.between(8 * 60, 17 * 60)));
  if (uses_platform) {
    e.org_id = org(r.name, "enterprise", park ? std::optional(park->org_id) : std::nullopt,
                   {street.region_id}, r.credit_code, at);
    r.org_id = e.org_id;
    auto username = r.credit_code;  // enterprises sign in with their credit code
    std::transform(username.begin(), username.end(), username.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    e.user_id = user(*e.org_id, e.featured ? "demo-enterprise" : username,
                     e.featured ? "钱安环" : r.contacts.back().name, {"enterprise_user"}, at);
  }
  const auto stored = registry::record_json(r);
  db::Params row{e.id};
  const auto values = registry::enterprise_column_values(r);
  row.insert(row.end(), values.begin(), values.end());
  row.insert(row.end(), {creator_org, std::int64_t{archived}, at, at});
  enterprises_.add(std::move(row));
  records_.audit(at, creator_user, creator_org, "enterprise", e.id, "create", audit::created(stored));
  for (const auto& [policy, record] : policies) {
    const auto& branch = w_.cities[ci].insurers[policy.insurer];
    const auto policy_at =
        moment(std::clamp(policy.starts_on - days(rnd.between(0, 10)), registered, w_.today),
               static_cast<int>(rnd.between(8 * 60, 17 * 60)));
    policies_.add({policy.id, record.insurance_type, record.insurer_org_id, record.policy_number, e.id,
                   record.starts_on, record.ends_on, record.premium_fen, record.sum_insured_fen,
                   record.fund_share_kind, record.fund_share_value, record.status, policy_at, policy_at});
    records_.audit(policy_at, branch.manager_user_id, branch.org_id, "policy", policy.id, "create",
                   audit::created(registry::policy_record_json(record)));
    w_.policies.push_back(policy);
  }
  w_.enterprises.push_back(std::move(e));
}

std::vector<RegistryWriter::PlannedPolicy> RegistryWriter::plan_policies(Enterprise& e, std::size_t index,
                                                                         const registry::EnterpriseRecord& r,
                                                                         bool insured, bool uses_platform) {
  auto& rnd = w_.random;
  auto& city = w_.cities[e.city];
  std::vector<PlannedPolicy> out;
  if (!insured) return out;
  bool environmental = rnd.chance(800);
  const bool work_safety = rnd.chance(500);
  if (!environmental && !work_safety && rnd.chance(940)) environmental = true;
  const auto& weights = insurer_weights_[e.city];
  const auto environmental_insurer = rnd.weighted(weights);
  for (const auto* type : {"environmental", "work_safety"}) {
    const bool env = type == std::string("environmental");
    if (!(env ? environmental : work_safety)) continue;
    // An enterprise often buys both from one insurer.
    const auto insurer =
        env || (environmental && rnd.chance(400)) ? environmental_insurer : rnd.weighted(weights);
    auto& branch = city.insurers[insurer];
    Policy p;
    p.id = w_.ids.next("policies");
    p.enterprise = index;
    p.insurer = insurer;
    p.insurance_type = type;
    p.starts_on =
        rnd.chance(950) ? w_.today - days(rnd.between(0, 364)) : w_.today + days(rnd.between(1, 30));
    p.ends_on = p.starts_on + days(364);
    p.active = !rnd.chance(30);
    const std::int64_t base = r.scale == "large"    ? 60000
                              : r.scale == "medium" ? 25000
                              : r.scale == "micro"  ? 6000
                                                    : 12000;
    const std::int64_t risk = r.risk_level == "major" ? 180 : r.risk_level == "larger" ? 130 : 100;
    const std::int64_t premium = base * risk / (env ? 100 : 200) * rnd.between(80, 120) / 100 * 100;  // fen
    const std::int64_t insured_yuan = r.scale == "large"    ? 5000000
                                      : r.scale == "medium" ? 2000000
                                      : r.scale == "micro"  ? 500000
                                                            : 1000000;
    const bool percent = rnd.chance(700);
    char number[40];
    std::snprintf(number, sizeof number, "%s%c%d%.4s%08lld", kInsurers[branch.company].prefix,
                  env ? 'E' : 'S', static_cast<int>(std::chrono::year_month_day(p.starts_on).year()),
                  jiangsu_cities()[city.data].code, static_cast<long long>(++branch.policy_serial));
    registry::PolicyRecord record{type,
                                  branch.org_id,
                                  number,
                                  e.id,
                                  date_text(p.starts_on),
                                  date_text(p.ends_on),
                                  premium,
                                  insured_yuan * 100 * (env ? 1 : 2),
                                  percent ? "percent" : "amount",
                                  percent ? rnd.between(10, 20) * 100 : premium * 15 / 100 / 10000 * 10000,
                                  p.active ? "active" : "terminated"};
    // demo-enterprise: a 无锡 enterprise on the platform, insured by PICC for a while.
    if (!featured_chosen_ && uses_platform && env && branch.org_id == w_.demo_insurer_org_id && p.active &&
        p.starts_on <= w_.today - days(120)) {
      featured_chosen_ = e.featured = true;
    }
    out.push_back({p, record});
  }
  return out;
}

}  // namespace

void write_registry(WriteBehind& out, World& world) { RegistryWriter(out, world).run(); }

}  // namespace rw::benchdata
