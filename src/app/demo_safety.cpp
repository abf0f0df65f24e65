#include "app/demo_safety.hpp"

#include <nlohmann/json.hpp>

#include "accounts/sessions.hpp"
#include "files/file_service.hpp"
#include "safety/risk_map.hpp"
#include "safety/risk_service.hpp"

namespace rw::app {
namespace {

using nlohmann::json;

json jha(const char* department, const char* unit, const char* object, const char* item, const char* hazard,
         const char* consequence, const char* controls, int l, int s, const char* suggestion) {
  return {{"method", "jha"},
          {"department", department},
          {"unit", unit},
          {"object", object},
          {"item", item},
          {"hazard", hazard},
          {"consequence", consequence},
          {"controls", controls},
          {"scoring", "ls"},
          {"l", l},
          {"s", s},
          {"suggestion", suggestion},
          {"risk_type", consequence},
          {"place_address", unit}};
}

json scl(const char* department, const char* unit, const char* object, const char* item, const char* standard,
         const char* hazard, const char* controls, double l, double e, double c, const char* suggestion) {
  return {{"method", "scl"},
          {"department", department},
          {"unit", unit},
          {"object", object},
          {"item", item},
          {"standard", standard},
          {"hazard", hazard},
          {"controls", controls},
          {"scoring", "lec"},
          {"l", l},
          {"e", e},
          {"c", c},
          {"suggestion", suggestion},
          {"place_address", unit}};
}

}  // namespace

void seed_demo_safety_risk(db::Connection& db, const Clock& clock, files::FileStore& store) {
  const auto found =
      db.query("SELECT id FROM enterprises WHERE name = ?", {std::string("无锡市恒达化工有限公司")});
  if (found.empty()) return;
  const auto enterprise = found[0].integer("id");
  const auto expert = *accounts::load_user(
      db, db.query("SELECT id FROM users WHERE username = ?", {std::string("demo-expert")})[0].integer("id"));
  const accounts::Operation op{db, expert, clock, "seed-demo"};
  const auto add = [&](const char* kind, const json& body) {
    return safety::create_record(op, enterprise, kind, body)["id"].get<std::int64_t>();
  };
  add("activities", {{"place", "储罐区"},
                     {"task", "原料接收"},
                     {"activity", "甲醇槽车卸车"},
                     {"steps", "接静电接地→连接卸料管→开泵卸料→拆管复位"},
                     {"equipment", "卸车泵、鹤管、静电接地报警器"},
                     {"hazards", "静电火花引发火灾爆炸；甲醇泄漏中毒"},
                     {"routine", "routine"}});
  add("activities", {{"place", "合成车间"},
                     {"task", "生产"},
                     {"activity", "反应釜投料"},
                     {"steps", "确认釜内状态→开启排风→投料→封闭投料口"},
                     {"equipment", "反应釜、投料泵、防爆对讲机"},
                     {"hazards", "物料飞溅灼伤；有毒气体逸散"},
                     {"routine", "routine"}});
  add("activities", {{"place", "污水处理站"},
                     {"task", "设备维护"},
                     {"activity", "调节池清淤"},
                     {"steps", "办理有限空间作业票→通风检测→佩戴呼吸器进入→清淤→撤离"},
                     {"equipment", "四合一气体检测仪、正压式空气呼吸器、三脚架"},
                     {"hazards", "硫化氢中毒和窒息"},
                     {"routine", "non_routine"}});
  add("equipment", {{"place", "储罐区"},
                    {"name", "甲醇储罐（100 m³）"},
                    {"hazards", "泄漏、火灾、爆炸"},
                    {"state", "在用"}});
  add("equipment", {{"place", "合成车间"}, {"name", "离心机"}, {"hazards", "机械伤害"}, {"state", "在用"}});
  add("equipment",
      {{"place", "锅炉房"}, {"name", "导热油炉"}, {"hazards", "超压爆炸、烫伤"}, {"state", "在用"}});
  const auto tank_fire =
      add("assessments",
          jha("储运部", "储罐区", "甲醇卸车", "开泵卸料", "静电积聚，遇点火源引发火灾爆炸", "火灾、爆炸",
              "静电接地报警器、防爆电气", 4, 5, "增设卸车区可燃气体检测报警并联锁切断"));
  const auto charging =
      add("assessments", jha("合成车间", "反应釜岗位", "投料", "投料", "投料口敞开，有毒气体逸散",
                             "中毒和窒息", "局部排风", 3, 5, "改为密闭投料"));
  add("assessments", jha("设备部", "污水处理站", "调节池清淤", "进入池内清淤", "有限空间内硫化氢积聚",
                         "中毒和窒息", "作业票、气体检测", 4, 4, "配置连续气体监测和专人监护"));
  const auto forklift = add("assessments", jha("储运部", "成品仓库", "搬运", "叉车转运", "叉车超速、视线受阻",
                                               "车辆伤害", "限速标识", 3, 3, "划设人车分离通道"));
  add("assessments", jha("设备部", "配电室", "电气检修", "停电检修", "未验电、无人监护", "触电", "工作票制度",
                         2, 5, "执行停电、验电、挂牌上锁"));
  const auto office = add("assessments", jha("综合部", "办公楼", "日常办公", "用电", "电气线路老化", "火灾",
                                             "定期检查", 2, 2, "更换老化线路"));
  const auto arrester = add("assessments", scl("储运部", "储罐区", "甲醇储罐", "呼吸阀、阻火器",
                                               "完好有效、定期检查", "阻火器堵塞失效，罐内超压或回火",
                                               "每年检查一次", 6, 6, 15, "每季度检查阻火器并记录"));
  const auto centrifuge =
      add("assessments", scl("合成车间", "离心工序", "离心机", "防护罩", "转动部位防护罩完好",
                             "防护罩缺失，衣物卷入", "操作规程", 3, 6, 15, "恢复防护罩并设联锁"));
  add("assessments", scl("设备部", "锅炉房", "导热油炉", "安全阀", "按期校验、铅封完好", "安全阀未校验，超压",
                         "年度校验", 1, 6, 15, "建立校验台账"));
  const auto racks = add("assessments", scl("储运部", "成品仓库", "货架", "货架承重", "标明限重、不超载",
                                            "货架超载倾覆", "限重标识", 1, 3, 7, "定期检查货架变形"));
  // The site plan, drawn as the zones below outline it.
  const std::vector<safety::PlanBuilding> buildings = {
      {"储罐区", 60, 60, 320, 240},      {"合成车间", 430, 60, 380, 260}, {"成品仓库", 860, 60, 280, 260},
      {"污水处理站", 60, 380, 320, 300}, {"配电室", 430, 400, 160, 140},  {"锅炉房", 640, 400, 170, 200},
      {"办公楼", 860, 400, 280, 280}};
  const auto plan = files::upload_file(op, store, safety::draw_site_plan_png(1200, 760, buildings),
                                       std::nullopt, files::RowTransaction::callers);
  safety::set_site_plan(op, enterprise, {{"file_id", plan.id}});
  const auto zone = [&](const char* name, const safety::PlanBuilding& b, std::vector<std::int64_t> risks) {
    add("zones",
        {{"name", name},
         {"points",
          {{b.x, b.y}, {b.x + b.width, b.y}, {b.x + b.width, b.y + b.height}, {b.x, b.y + b.height}}},
         {"risk_ids", risks}});
  };
  zone("储罐区", buildings[0], {tank_fire, arrester});
  zone("合成车间", buildings[1], {charging, centrifuge});
  zone("成品仓库", buildings[2], {forklift, racks});
  zone("办公楼", buildings[6], {office});
}

}  // namespace rw::app
