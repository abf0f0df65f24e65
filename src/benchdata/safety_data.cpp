#include "benchdata/safety_data.hpp"

#include "audit/audit_log.hpp"

namespace rw::benchdata {
namespace {

using nlohmann::json;

// Per mille of the enterprises with a done work-safety visit whose lists the agency helped make.
constexpr int kListedPerMille = 250;

struct Activity {
  const char* task;
  const char* activity;
  const char* equipment;
  const char* hazards;
  const char* step;
  const char* consequence;
  const char* controls;
};
const std::vector<Activity> kActivities = {
    {"设备检修", "动火作业", "电焊机、气割设备", "火灾、灼烫、其他爆炸", "动火前可燃气体检测",
     "火灾、人员灼烫", "办理动火作业票，配备灭火器，专人监护"},
    {"物料装卸", "叉车搬运", "叉车", "车辆伤害、物体打击", "货物叉取与转运", "人员被撞、货物坠落",
     "持证驾驶，限速行驶，设置人车分流"},
    {"储罐清理", "有限空间作业", "通风机、气体检测仪", "中毒和窒息、火灾", "进入罐内清理", "中毒窒息",
     "先通风、再检测、后作业，外部专人监护"},
    {"设备巡检", "高处作业", "安全带、登高梯", "高处坠落、物体打击", "登高检查管线", "人员坠落",
     "系挂安全带，设置防护栏杆"},
    {"配电操作", "倒闸操作", "高低压配电柜", "触电、电气火灾", "停送电操作", "触电",
     "执行操作票制度，穿戴绝缘防护用品"},
    {"原料投料", "人工投料", "反应釜、搅拌机", "机械伤害、化学灼伤", "开启投料口投加原料", "化学灼伤",
     "佩戴防护面罩和耐酸碱手套"},
};
struct Equipment {
  const char* name;
  const char* hazards;
  const char* check;
  const char* standard;
};
const std::vector<Equipment> kEquipment = {
    {"储罐", "泄漏、火灾、容器爆炸", "液位计与高液位报警", "液位计完好，高液位报警联锁有效"},
    {"空气压缩机", "容器爆炸、机械伤害", "安全阀与压力表", "安全阀、压力表在检定有效期内"},
    {"桥式起重机", "起重伤害", "限位器与钢丝绳", "限位器灵敏可靠，钢丝绳无断丝变形"},
    {"配电柜", "触电、电气火灾", "接地与柜门联锁", "接地可靠，柜前铺设绝缘垫"},
    {"叉车", "车辆伤害", "制动与警示装置", "制动有效，倒车警示装置完好"},
    {"燃气锅炉", "锅炉爆炸、灼烫", "燃气泄漏报警", "泄漏报警器完好并与切断阀联锁"},
};
const std::vector<std::string> kPlaces = {"生产车间", "危化品仓库", "配电室",
                                          "锅炉房",   "装卸平台",   "原料罐区"};
const std::vector<std::string> kDepartments = {"生产部", "设备部", "仓储部", "安全环保部"};
const std::vector<std::string> kRiskTypes = {"作业活动类", "设备设施类"};

// Three in five graded LS (likelihood and severity each 1-5, the low ones commoner), the others LEC.
void score(Random& rnd, json& body) {
  if (!rnd.chance(600)) {
    body["scoring"] = "lec";
    body["l"] = rnd.pick(safety::lec_l_values());
    body["e"] = rnd.pick(safety::lec_e_values());
    body["c"] = rnd.pick(safety::lec_c_values());
    return;
  }
  body["scoring"] = "ls";
  body["l"] = rnd.among<int>({1, 2, 3, 4, 5}, {25, 35, 25, 10, 5});
  body["s"] = rnd.among<int>({1, 2, 3, 4, 5}, {15, 30, 30, 17, 8});
}

}  // namespace

SafetyRisksWriter::SafetyRisksWriter(WriteBehind& out, World& world, Records& records)
    : w_(world),
      rnd_(world.random.fork(7)),
      records_(records),
      records_table_(out, "safety_risk_records",
                     {"id", "enterprise_id", "kind", "data", "score", "level", "mapping_code", "mapping_name",
                      "created_by", "created_at", "updated_by", "updated_at"}) {}

void SafetyRisksWriter::write_visit(const WorkedVisit& v, bool safety) {
  const auto& e = w_.enterprises[v.enterprise];
  if (listed_.count(v.enterprise) || !(e.featured || (safety && rnd_.chance(kListedPerMille)))) return;
  listed_.insert(v.enterprise);
  const auto at = v.finished_at;
  const auto department = rnd_.pick(kDepartments);
  for (auto n = rnd_.between(3, 6); n > 0; --n) {
    const auto& a = rnd_.pick(kActivities);
    const auto place = rnd_.pick(kPlaces);
    write_record(v, safety::Kind::activity,
                 {{"place", place},
                  {"task", a.task},
                  {"activity", a.activity},
                  {"equipment", a.equipment},
                  {"hazards", a.hazards},
                  {"routine", rnd_.chance(700) ? "routine" : "non_routine"}},
                 at);
    json jha = {{"method", "jha"},
                {"department", department},
                {"unit", place},
                {"object", a.task},
                {"item", a.step},
                {"hazard", a.hazards},
                {"consequence", a.consequence},
                {"controls", a.controls},
                {"risk_type", kRiskTypes[0]},
                {"place_address", place},
                {"risk_source", a.activity}};
    score(rnd_, jha);
    write_record(v, safety::Kind::assessment, jha, at);
  }
  for (auto n = rnd_.between(3, 6); n > 0; --n) {
    const auto& q = rnd_.pick(kEquipment);
    const auto place = rnd_.pick(kPlaces);
    write_record(v, safety::Kind::equipment,
                 {{"place", place}, {"name", q.name}, {"hazards", q.hazards}, {"state", "在用"}}, at);
    json scl = {{"method", "scl"},        {"department", department},
                {"unit", place},          {"object", q.name},
                {"item", q.check},        {"standard", q.standard},
                {"hazard", q.hazards},    {"risk_type", kRiskTypes[1]},
                {"place_address", place}, {"risk_source", q.name}};
    score(rnd_, scl);
    write_record(v, safety::Kind::assessment, scl, at);
  }
}

void SafetyRisksWriter::write_record(const WorkedVisit& v, safety::Kind kind, const json& body,
                                     const std::string& at) {
  const auto& mapping = safety::default_mapping();
  const auto parsed = safety::parse_record(kind, body, mapping, std::nullopt);
  const auto write = safety::record_write(parsed, mapping);
  const auto id = w_.ids.next("safety_risk_records");
  records_table_.add({id, w_.enterprises[v.enterprise].id, std::string(safety::kind_code(kind)), write.data,
                      db::optional_value(write.score), db::optional_value(write.level),
                      db::optional_value(write.mapping_code), db::optional_value(write.mapping_name),
                      v.worker, at, v.worker, at});
  records_.audit(at, v.worker, v.agency_org_id, safety::audit_entity(kind), id, "create",
                 audit::created(parsed.data));
}

}  // namespace rw::benchdata
