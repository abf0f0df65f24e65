#include "app/demo_hazards.hpp"

#include <nlohmann/json.hpp>

#include "app/demo_data.hpp"
#include "calendar/calendar_store.hpp"
#include "hazards/hazard_deadlines.hpp"
#include "hazards/hazard_files.hpp"
#include "hazards/hazard_flow.hpp"
#include "hazards/hazard_recheck.hpp"
#include "hazards/hazard_service.hpp"
#include "platform/dates.hpp"
#include "services/step_service.hpp"

namespace rw::app {
namespace {

using nlohmann::json;

std::int64_t id_of(db::Connection& db, const std::string& sql, const db::Params& params = {}) {
  return db.query(sql, params)[0].integer("id");
}

json by_hand(const char* category, const char* sub, const char* grade, const char* description,
             const char* location, const char* basis, const char* suggestion) {
  return {{"domain", "environment"}, {"category", category},       {"sub_category", sub},
          {"grade", grade},          {"description", description}, {"location", location},
          {"basis", basis},          {"suggestion", suggestion}};
}

struct Demo {
  db::Connection& db;
  const Clock& clock;
  accounts::Actor expert, enterprise;

  accounts::Operation as(const accounts::Actor& who) const { return {db, who, clock, "seed-demo"}; }
  std::int64_t record(std::int64_t visit, const json& body) const {
    return hazards::create_hazard(as(expert), visit, body)["id"];
  }
  // The steps in order, each by the party the life cycle gives it to.
  void take(std::int64_t hazard, const std::vector<std::pair<const char*, json>>& steps) const {
    for (const auto& [action, body] : steps) {
      const std::string a(action);
      const bool enterprise_step = a == "submit_plan" || a == "submit_evidence" || a == "add_progress";
      services::take_step(as(enterprise_step ? enterprise : expert), hazards::hazard_machine(), hazard, a,
                          body);
    }
  }
};

const json kPlan = {{"measures", "制定整改方案，采购并安装泄漏液体收集装置，完善危废仓库管理制度"},
                    {"due_on", ""},
                    {"responsible", "钱安环"},
                    {"funds", 28000}};

}  // namespace

void seed_demo_hazards(db::Connection& db, const Clock& clock) {
  hazards::register_hazard_file_kind();
  Demo d{db, clock, demo_user(db, "demo-expert"), demo_user(db, "demo-enterprise")};
  const auto today = china_day(clock.now());
  const auto cal = calendar::load_calendar(db);
  auto plan = kPlan;
  plan["due_on"] = format_date(cal.add_working_days(today, 15));
  const auto done_visit =
      id_of(db, "SELECT id FROM visits WHERE status = 'done' ORDER BY planned_on DESC, id DESC LIMIT 1");
  const auto enterprise_id =
      db.query("SELECT enterprise_id FROM visits WHERE id = ?", {done_visit})[0].integer("enterprise_id");

  // Last year's visit found two hazards; one 重大 was still open when this year's visit started.
  const auto last_year =
      format_date(std::chrono::year_month_day(std::chrono::sys_days(today) - std::chrono::days(358)));
  const auto earlier_visit = id_of(db,
                                   "INSERT INTO visits (enterprise_id, agency_org_id, planned_on, status, "
                                   "started_at, done_on, created_at, updated_at) "
                                   "SELECT enterprise_id, agency_org_id, ?, 'done', ?, ?, created_at, "
                                   "updated_at FROM visits WHERE id = ? RETURNING id",
                                   {last_year, last_year + "T01:00:00Z", last_year, done_visit});
  db.execute(
      "INSERT INTO visit_service_types (visit_id, service_type_version_id) SELECT ?, service_type_version_id "
      "FROM visit_service_types WHERE visit_id = ?",
      {earlier_visit, done_visit});
  db.execute(
      "INSERT INTO visit_team (visit_id, staff_id, leader) SELECT ?, staff_id, leader FROM visit_team WHERE "
      "visit_id = ?",
      {earlier_visit, done_visit});
  const auto carried =
      d.record(earlier_visit, by_hand("env.emergency_controls", "env.emergency_controls.water", "major",
                                      "事故应急池有效容积不满足环境风险评估报告要求", "厂区东南角事故应急池",
                                      "无锡环境应急调查表 重大隐患 7", "扩建事故应急池并完善防渗措施"));
  const auto rectified =
      d.record(earlier_visit, by_hand("env.emergency_management", "env.emergency_management.plan", "general",
                                      "未更新环境应急预案中相关单位和人员通讯录", "安环部",
                                      "无锡环境应急调查表 一般隐患 5", "更新通讯录并重新发放"));
  db.execute("UPDATE hazards SET found_on = ? WHERE visit_id = ?", {last_year, earlier_visit});
  d.take(carried,
         {{"notify", {{"deadline_days", 60}}}, {"submit_plan", plan}, {"accept_plan", json::object()}});
  d.take(rectified, {{"notify", {{"deadline_days", 10}}}});
  hazards::list_rechecks_on_start(db, done_visit, enterprise_id, format_utc(clock.now()));
  hazards::recheck_hazard(d.as(d.expert), done_visit, carried,
                          {{"result", "not_rectified"}, {"note", "应急池扩建尚未完工"}});
  hazards::recheck_hazard(d.as(d.expert), done_visit, rectified, {{"result", "rectified"}});

  // This year's visit: its checklists' findings become hazards (found, notified, rectifying) …
  const auto inspections = db.query(
      "SELECT id FROM inspections WHERE visit_id = ? AND status <> 'open' ORDER BY id", {done_visit});
  std::vector<std::int64_t> made;
  for (std::size_t i = 0; i < inspections.size(); ++i) {
    const auto result =
        hazards::hazards_from_inspection(d.as(d.expert), inspections[i].integer("id"), json::object());
    for (const auto& h : result["created"]) made.push_back(h["id"]);
  }
  if (made.size() >= 2) {
    d.take(made[0], {{"notify", {{"deadline_days", 10}}},
                     {"submit_plan", plan},
                     {"accept_plan", json::object()},
                     {"add_progress", {{"note", "已完成收集装置采购，待安装"}}}});
    d.take(made[1], {{"notify", {{"deadline_days", 5}}}});
  }
  // … and more recorded by hand: a plan waiting, evidence waiting, one closed.
  const auto waiting_plan =
      d.record(done_visit, by_hand("env.waste_facilities", "env.waste_facilities.hazardous_waste", "general",
                                   "危废贮存设施未配备照明设施和消防设施", "危废仓库",
                                   "无锡环境应急调查表 一般隐患 35", "配备防爆照明和灭火器"));
  d.take(waiting_plan, {{"notify", {{"deadline_days", 10}}}, {"submit_plan", plan}});
  const auto waiting_check =
      d.record(done_visit, by_hand("env.g1.ledger", "env.g1.ledger.c", "general",
                                   "危险废物管理台账记录不完整，缺少 5 月出入库记录", "危废仓库",
                                   "《危险废物产生单位管理计划制定指南》", "补齐台账并每日记录"));
  d.take(waiting_check, {{"notify", {{"deadline_days", 5}}},
                         {"submit_plan", plan},
                         {"accept_plan", json::object()},
                         {"submit_evidence", {{"description", "已补齐 5 月出入库记录，指定专人每日登记"}}}});
  const auto closed =
      d.record(done_visit, by_hand("env.emergency_management", "env.emergency_management.supplies", "general",
                                   "未建立环境应急物资装备管理台账", "应急物资库",
                                   "无锡环境应急调查表 一般隐患 12", "建立应急物资台账，定期检查补充"));
  d.take(closed, {{"notify", {{"deadline_days", 5}}},
                  {"submit_plan", plan},
                  {"accept_plan", json::object()},
                  {"submit_evidence", {{"description", "已建立应急物资台账并完成首次盘点"}}},
                  {"verify", {{"result", "台账建立规范，物资与台账一致，同意销号"}}}});

  // A 重大 hazard told a week ago and not rectified by its date: escalated to the regulator
  // (chengdu 6.3.2.3).
  const auto overdue =
      d.record(done_visit, by_hand("env.emergency_controls", "env.emergency_controls.water", "major",
                                   "雨水排口未设置截流措施，事故状态下无法防止废水溢出厂界", "厂区雨水总排口",
                                   "无锡环境应急调查表 重大隐患 11", "雨水排口加装切换阀并设置截流设施"));
  d.take(overdue, {{"notify", {{"deadline_days", 3}}}});
  const auto past =
      format_date(std::chrono::year_month_day(std::chrono::sys_days(today) - std::chrono::days(3)));
  db.execute("UPDATE hazards SET due_on = ? WHERE id = ?", {past, overdue});
  db.execute("UPDATE deadlines SET due_on = ? WHERE object_type = 'hazard' AND object_id = ?",
             {past, overdue});
  hazards::escalate_overdue(db, cal, today, format_utc(clock.now()));
}

}  // namespace rw::app
