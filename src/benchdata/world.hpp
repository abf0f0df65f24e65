#pragma once
// What the generator keeps in memory between its stages: the parties and records later stages point
// at, with the ids it gave them. Every table is written with explicit ids in generation order, so a
// seed always yields the same rows.
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "benchdata/random.hpp"
#include "benchdata/write_behind.hpp"
#include "calendar/working_calendar.hpp"
#include "platform/db/database.hpp"

namespace rw::benchdata {

using Day = std::chrono::sys_days;

struct Scale {
  std::string name;
  bool whole_province = true;     // all 13 cities, or 无锡市 only
  std::size_t max_districts = 0;  // per city; 0: all of them
  int min_streets = 6, max_streets = 14;
  std::int64_t enterprises = 0;
  std::int64_t visits = 0;
};
// tiny (tests), city, province.
const Scale& scale_named(const std::string& name);

struct User {
  std::int64_t id = 0;
  std::string username;  // the audit log repeats it
};

struct StaffMember {
  std::int64_t id = 0;
  std::optional<std::int64_t> user_id;
  bool expert = false;
  // May go on any visit this generator plans: counts for the staffing rule (not excluded, not graded
  // 不合格) with an intermediate title or above, so every team meets wuxi §15(三) and chengdu 5.2.4.
  bool qualified = false;
  std::string name;
};

struct Agency {
  std::int64_t org_id = 0;
  std::string name;
  std::int64_t lead_user_id = 0;  // admin and manager
  int weight = 0;                 // its share of the city's commissions
  std::vector<StaffMember> staff;
};

struct InsurerBranch {
  std::int64_t org_id = 0;
  std::string name;
  std::size_t company = 0;           // index into the insurer companies
  std::int64_t manager_user_id = 0;  // manager and reviewer
  std::int64_t reviewer_user_id = 0;
  std::int64_t policy_serial = 0;
};

struct City {
  std::size_t data = 0;  // index into jiangsu_cities()
  std::int64_t region_id = 0;
  std::vector<InsurerBranch> insurers;
  std::vector<Agency> agencies;
};

struct Enterprise {
  std::int64_t id = 0;
  std::string name;
  std::size_t city = 0;  // index into World::cities
  std::string scale;
  std::string risk_level;
  std::string industry_word;
  // The other fields a checklist's conditions read (inspections/inspection_store.cpp enterprise_facts).
  std::string industry_code;
  std::string permit_type;
  std::string production_status;
  std::vector<std::string> tags;
  std::optional<std::int64_t> org_id;
  std::optional<std::int64_t> user_id;  // its enterprise_user, when it has an organization
  // The organization that registered it, whose archive settings (or its type's default list) apply.
  std::int64_t keeper_org_id = 0;
  std::string keeper_type;
  Day registered;
  bool featured = false;  // demo-enterprise: served by demo-agency with an agreed plan
};

struct Policy {
  std::int64_t id = 0;
  std::size_t enterprise = 0;  // index into World::enterprises
  std::size_t insurer = 0;     // index into the city's insurers
  std::string insurance_type;  // environmental | work_safety
  Day starts_on;
  Day ends_on;
  bool active = true;
};

// A visit that started (in progress or done): its inspections are written after the services.
struct WorkedVisit {
  std::int64_t id = 0;
  std::size_t enterprise = 0;  // index into World::enterprises
  std::int64_t agency_org_id = 0;
  std::vector<std::int64_t> service_type_version_ids;
  Day day;
  std::string started_at;
  std::string finished_at;  // empty while in progress
  std::int64_t worker = 0;  // the team member who records its steps (services_data.cpp Team::worker)
  std::string leader_name;
};

// The next id of every table written with ids.
class Ids {
 public:
  std::int64_t next(const std::string& table) { return ++last_[table]; }
  const std::map<std::string, std::int64_t>& last() const { return last_; }

 private:
  std::map<std::string, std::int64_t> last_;
};

struct World {
  World(Scale scale_, Random random_, Day today_, calendar::WorkingCalendar calendar_,
        std::string password_hash_)
      : scale(std::move(scale_)),
        random(random_),
        today(today_),
        calendar(std::move(calendar_)),
        password_hash(std::move(password_hash_)) {}

  Scale scale;
  Random random;
  Day today;
  calendar::WorkingCalendar calendar;
  std::string password_hash;
  Ids ids;
  std::int64_t platform_org_id = 0;
  std::int64_t admin_user_id = 0;
  std::vector<City> cities;
  std::vector<User> users;  // by id - 1
  std::vector<Enterprise> enterprises;
  std::vector<Policy> policies;
  std::int64_t demo_insurer_org_id = 0;
  std::vector<WorkedVisit> worked_visits;  // in id order

  const User& user(std::int64_t id) const { return users.at(static_cast<std::size_t>(id - 1)); }
};

// "2026-05-06T01:30:00Z" for `minute` minutes into the China day `day`.
std::string moment(Day day, int minute);
std::string date_text(Day day);

// The stages, in order, each within the write transaction generate() opens for it, writing through `out`.
void write_registry(WriteBehind& out, World& world);
void write_services(WriteBehind& out, World& world);
void write_inspections(WriteBehind& out, World& world);
void write_archive(WriteBehind& out, World& world);

}  // namespace rw::benchdata
