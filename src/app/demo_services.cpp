#include "app/demo_services.hpp"

#include "app/demo_inspections.hpp"
#include "calendar/calendar_store.hpp"
#include "platform/dates.hpp"
#include "services/deadline_rules.hpp"
#include "services/deadline_store.hpp"

namespace rw::app {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

std::string day_text(calendar::Date today, int offset) { return format_date(sys_days(today) + days(offset)); }

std::int64_t id_of(db::Connection& db, const std::string& sql, const db::Params& params) {
  return db.query(sql, params)[0].integer("id");
}

std::int64_t version_of(db::Connection& db, const char* code) {
  return id_of(db,
               "SELECT v.id FROM service_type_versions v JOIN service_types t ON t.id = v.type_id "
               "WHERE t.code = ? AND v.version = t.current_version",
               {std::string(code)});
}

struct Seeder {
  db::Connection& db;
  const DemoOrganizations& orgs;
  calendar::Date today;
  std::string now;
  calendar::WorkingCalendar calendar = calendar::load_calendar(db);
  std::vector<std::int64_t> enterprises;  // enterprise ids in demo order

  std::int64_t user(const char* username) {
    return id_of(db, "SELECT id FROM users WHERE username = ?", {std::string(username)});
  }
  std::int64_t staff(const char* name) {
    return id_of(db, "SELECT id FROM staff WHERE name = ?", {std::string(name)});
  }

  std::int64_t commission(std::int64_t insurer, std::int64_t agency, const char* by, const char* notes,
                          const std::vector<std::int64_t>& versions) {
    const auto id =
        id_of(db,
              "INSERT INTO commissions (insurer_org_id, agency_org_id, notes, created_by, created_at) "
              "VALUES (?, ?, ?, ?, ?) RETURNING id",
              {insurer, agency, std::string(notes), user(by), now});
    for (auto v : versions)
      db.execute(
          "INSERT INTO commission_service_types (commission_id, service_type_version_id) VALUES (?, ?)",
          {id, v});
    return id;
  }

  // An item in `status`; accepted items were accepted `accepted_days_ago` days ago.
  std::int64_t item(std::int64_t commission, std::size_t enterprise, std::int64_t insurer,
                    std::int64_t agency, const char* status, int accepted_days_ago = 0,
                    const char* reason = "") {
    const auto enterprise_id = enterprises[enterprise];
    const auto policy =
        id_of(db, "SELECT id FROM policies WHERE enterprise_id = ? AND insurer_org_id = ? LIMIT 1",
              {enterprise_id, insurer});
    const bool accepted = std::string(status) == "accepted";
    const auto accepted_on = sys_days(today) - days(accepted_days_ago);
    const auto due = format_date(services::commission_on_site_due(calendar, accepted_on));
    const auto id =
        id_of(db,
              "INSERT INTO commission_items (commission_id, enterprise_id, policy_id, status, accepted_on, "
              "due_on, reason, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
              {commission, enterprise_id, policy, std::string(status),
               accepted ? db::Value(format_date(accepted_on)) : db::null_value(),
               accepted ? db::Value(due) : db::null_value(), std::string(reason), now});
    if (accepted)
      services::open_deadline(
          db,
          {"commission_on_site", "commission_item", id, std::nullopt, enterprise_id, agency, insurer,
           format_date(accepted_on), due, services::kCommissionOnSiteDays, "calendar_days", "wuxi §15(二)"},
          now);
    return id;
  }

  // Past visits are `offset` calendar days back; planned ones `offset` working days ahead.
  std::int64_t visit(std::size_t enterprise, std::optional<std::int64_t> item, int offset, const char* status,
                     std::int64_t version, const std::vector<std::int64_t>& team) {
    const auto planned =
        offset <= 0 ? day_text(today, offset) : format_date(calendar.add_working_days(today, offset));
    const bool done = std::string(status) == "done";
    const auto id =
        id_of(db,
              "INSERT INTO visits (enterprise_id, agency_org_id, commission_item_id, planned_on, status, "
              "done_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
              {enterprises[enterprise], orgs.agency_a, db::optional_value(item), planned, std::string(status),
               done ? db::Value(planned) : db::null_value(), now, now});
    db.execute("INSERT INTO visit_service_types (visit_id, service_type_version_id) VALUES (?, ?)",
               {id, version});
    for (std::size_t i = 0; i < team.size(); ++i)
      db.execute("INSERT INTO visit_team (visit_id, staff_id, leader) VALUES (?, ?, ?)",
                 {id, team[i], std::int64_t{i == 0}});
    return id;
  }
};

}  // namespace

void seed_demo_services(db::Connection& db, const DemoOrganizations& orgs, const Clock& clock,
                        files::FileStore& store) {
  const auto today = china_day(clock.now());
  const auto now = format_utc(clock.now());
  Seeder s{db, orgs, today, now};
  s.enterprises = db.query("SELECT id FROM enterprises ORDER BY id").integers("id");
  const auto assessment = version_of(db, "wuxi.screening.risk_assessment");
  const auto emergency = version_of(db, "wuxi.screening.emergency_hazard");
  const auto safety_screening = version_of(db, "chengdu.hazard_screening");

  // Insurer A asked agency A to assess its environmental-liability insureds 0–9.
  const auto a = s.commission(orgs.insurer_a, orgs.agency_a, "demo-insurer",
                              "2026 年度环责险风险评估，请于 60 日内完成现场服务。", {assessment, emergency});
  std::vector<std::int64_t> items;
  for (std::size_t i = 0; i < 5; ++i)
    items.push_back(s.item(a, i, orgs.insurer_a, orgs.agency_a, "accepted", i == 4 ? 70 : 20));
  for (std::size_t i = 5; i < 8; ++i) s.item(a, i, orgs.insurer_a, orgs.agency_a, "pending");
  s.item(a, 8, orgs.insurer_a, orgs.agency_a, "cancel_requested", 0,
         "企业实际经营地址与登记信息不符，无法联系");
  s.item(a, 9, orgs.insurer_a, orgs.agency_a, "declined", 0, "超出本机构服务区域");
  // Insurer B asked agency B for work-safety screening of 10–14.
  const auto b =
      s.commission(orgs.insurer_b, orgs.agency_b, "demo-insurer", "安责险隐患排查", {safety_screening});
  for (std::size_t i = 10; i < 15; ++i) s.item(b, i, orgs.insurer_b, orgs.agency_b, "pending");

  const auto chen = s.staff("陈专家"), liu = s.staff("刘技术"), zhou = s.staff("周专家");
  // Every visit answers an accepted item of commission a (its types), with a team the staffing rule admits.
  // Done a week ago at a large enterprise (three people, a titled expert: wuxi §15(三)); the commission
  // served.
  const auto done = s.visit(0, items[0], -7, "done", assessment, {chen, zhou, liu});
  db.execute("UPDATE commission_items SET status = 'completed', completed_on = ? WHERE id = ?",
             {day_text(today, -7), items[0]});
  services::close_deadlines(db, "commission_item", items[0], "commission_on_site", "met",
                            day_text(today, -7));
  // A large enterprise's deep assessment uploads by a date agreed with the enterprise (wuxi att.1 一(一)7:
  // 除大型企业深度评估…外), here two weeks after the visit.
  const auto done_day = sys_days(today) - days(7);
  services::open_deadline(db,
                          {"data_upload", "visit", done, assessment, s.enterprises[0], orgs.agency_a,
                           orgs.insurer_a, format_date(done_day), format_date(done_day + days(14)), 14,
                           "calendar_days", services::kAgreedUploadBasis},
                          now);
  seed_demo_inspections(db, clock, store, done,
                        id_of(db, "SELECT user_id AS id FROM staff WHERE id = ?", {chen}));
  s.visit(1, items[1], 0, "confirmed", assessment, {chen, liu});
  s.visit(2, items[2], 2, "planned", assessment, {zhou, liu});
  s.visit(3, items[3], 5, "planned", emergency, {chen, zhou});

  // Enterprise 0 agreed its plan for the year; enterprise 1's waits for the enterprise.
  const auto year = static_cast<int>(today.year());
  for (std::size_t i = 0; i < 2; ++i) {
    const bool agreed = i == 0;
    const auto plan =
        id_of(db,
              "INSERT INTO service_plans (enterprise_id, year, insurer_org_id, agency_org_id, status, "
              "enterprise_overview, safeguards, created_by_org_id, created_at, updated_at, agreed_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
              {s.enterprises[i], std::int64_t{year}, orgs.insurer_a, orgs.agency_a,
               std::string(agreed ? "agreed" : "proposed"), std::string("化工生产企业，涉及危险化学品储存。"),
               std::string("服务小组一对一服务，现场服务前与企业确认时间。"), orgs.agency_a, now, now,
               agreed ? db::Value(now) : db::null_value()});
    db.execute(
        "INSERT INTO service_plan_items (plan_id, position, service_type_version_id, measures, frequency, "
        "expected_results) VALUES (?, 0, ?, ?, ?, ?)",
        {plan, assessment, std::string("查阅环保手续与台账，现场勘查风险单元"), std::string("每年 1 次"),
         std::string("环责险风险评估报告、隐患清单及整改建议")});
    for (auto member : {chen, liu})
      db.execute("INSERT INTO service_plan_staff (plan_id, staff_id) VALUES (?, ?)", {plan, member});
  }
}

}  // namespace rw::app
