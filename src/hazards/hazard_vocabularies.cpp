#include "hazards/hazard_vocabularies.hpp"

#include <nlohmann/json.hpp>

namespace rw::hazards {

const Vocabulary& hazard_statuses() {
  static const Vocabulary v{{"found", "已发现", "Found"},
                            {"notified", "已告知企业", "Notified"},
                            {"plan_submitted", "整改方案已提交", "Plan submitted"},
                            {"rectifying", "整改中", "Rectifying"},
                            {"evidence_submitted", "整改材料已提交", "Evidence submitted"},
                            {"verified_closed", "已验收销号", "Verified and closed"}};
  return v;
}

const Vocabulary& hazard_domains() {
  static const Vocabulary v{{"environment", "生态环境", "Environment"},
                            {"safety", "安全生产", "Work safety"}};
  return v;
}

// wuxi 第十五条（五）: "未整改到位的作为隐患排查问题点要求企业继续整改".
const Vocabulary& recheck_results() {
  static const Vocabulary v{{"rectified", "已整改到位", "Rectified"},
                            {"not_rectified", "未整改到位", "Not rectified"}};
  return v;
}

const Vocabulary& escalation_rules() {
  static const Vocabulary v{
      {"major_overdue", "重大隐患逾期未整改", "Major hazard overdue"},
      {"long_overdue", "逾期超过 10 个工作日未整改", "Overdue by more than 10 working days"}};
  return v;
}

const Vocabulary& deadline_units() {
  static const Vocabulary v{{"working_days", "工作日", "Working days"}, {"date", "指定日期", "A date"}};
  return v;
}

namespace {

// Sub-classes lettered as in guilin G.1: code <class>.<letter>.
std::vector<Label> lettered(const std::string& class_code,
                            std::initializer_list<std::pair<const char*, const char*>> items) {
  std::vector<Label> out;
  char letter = 'a';
  for (const auto& [zh, en] : items) out.push_back({class_code + "." + letter++, zh, en});
  return out;
}

std::vector<HazardCategory> build_categories() {
  const std::string wuxi = "wuxi 附件 环境应急调查表";
  const std::string g1 = "guilin 附录 G 表 G.1";
  const std::string cd = "chengdu 6.3.1";
  std::vector<HazardCategory> out = {
      // wuxi: the 16 重大隐患 fall in these three classes; the 37 一般隐患 come under headings, given here as
      // the sub-classes of the class they belong to (the grouping is ours: the seed lists the headings only).
      {"environment",
       {"env.emergency_management", "环境应急管理类", "Environmental emergency management"},
       wuxi,
       {{"env.emergency_management.plan", "环境应急预案", "Emergency plan"},
        {"env.emergency_management.screening", "隐患排查治理", "Hazard screening and treatment"},
        {"env.emergency_management.training", "环境应急培训", "Emergency training"},
        {"env.emergency_management.supplies", "环境应急物资装备", "Emergency supplies and equipment"},
        {"env.emergency_management.drill", "环境应急演练", "Emergency drills"}}},
      {"environment",
       {"env.emergency_controls", "环境应急防控措施类", "Environmental emergency controls"},
       wuxi,
       {{"env.emergency_controls.water", "突发水环境事件风险防控措施", "Water incident controls"},
        {"env.emergency_controls.air", "突发大气环境事件风险防控措施", "Air incident controls"}}},
      {"environment",
       {"env.waste_facilities", "危险废物与污染防治设施类",
        "Hazardous waste and pollution-control facilities"},
       wuxi,
       {{"env.waste_facilities.hazardous_waste", "危险废物环境风险防控措施", "Hazardous waste risk controls"},
        // 重大隐患 14 (the six kinds of facilities' safety risk identification); no 一般 heading names it.
        {"env.waste_facilities.facilities", "污染防治设施安全风险辨识",
         "Pollution-control facility safety"}}},
      {"environment",
       {"env.g1.basic_info", "入驻企业环保基本信息", "Basic environmental information"},
       g1,
       lettered("env.g1.basic_info",
                {{"应当申请排污许可证但未申请", "No discharge permit applied for"},
                 {"有关事项发生变化，未及时申请变更排污许可证", "Permit not changed after changes"},
                 {"排污许可证有效期满后未申请延续", "Permit not renewed"},
                 {"未按规定开展环境影响评价或未取得批复", "No EIA or no approval"},
                 {"未按规定完成竣工环境保护验收", "No completion acceptance"},
                 {"存在重大变更而未变更环境影响评价", "Major change without a new EIA"},
                 {"存在国家明令淘汰或禁止的技术、工艺、设备或产品", "Banned technology or equipment"},
                 {"不符合工业园区规划环境影响评价要求", "Against the park's planning EIA"},
                 {"辐射安全相关手续不合规", "Radiation safety formalities"},
                 {"其他", "Other"}})},
      {"environment",
       {"env.g1.facility_operation", "污染防治设施运行", "Pollution-control facility operation"},
       g1,
       lettered("env.g1.facility_operation",
                {{"排放污染物环节未配套污染防治设施，存在废气无组织排放",
                  "No control facility; fugitive emissions"},
                 {"污染防治设施非正常运行（包括闲置、损坏等）", "Facility not operating normally"},
                 {"雨污混接", "Storm and sewage mixed"},
                 {"危险废物暂存场所未按标准要求设置", "Hazardous waste store not to standard"},
                 {"危险废物非正当处置", "Improper hazardous waste disposal"},
                 {"工业固体废物混入生活垃圾", "Industrial waste in household waste"},
                 {"其他", "Other"}})},
      // G.1 letters the eighth item "d" again; it is h here.
      {"environment",
       {"env.g1.self_monitoring", "自行监测", "Self-monitoring"},
       g1,
       lettered("env.g1.self_monitoring",
                {{"未制定自行监测方案", "No self-monitoring plan"},
                 {"自行监测方案不符合相关技术指南要求", "Plan not to the guideline"},
                 {"未按照自行监测方案开展监测", "Plan not followed"},
                 {"废水超标或超总量排放", "Wastewater over limits"},
                 {"废气超标或超总量排放", "Waste gas over limits"},
                 {"噪声超标排放", "Noise over limits"},
                 {"土壤及地下水污级", "Soil and groundwater pollution"},
                 {"其他", "Other"}})},
      {"environment",
       {"env.g1.ledger", "环境管理台账", "Environmental management ledger"},
       g1,
       lettered("env.g1.ledger", {{"未建立环境管理台账", "No ledger"},
                                  {"环境管理台账不符合相关法律法规及技术指南要求", "Ledger not to the rules"},
                                  {"环境管理台账记录不完整", "Ledger incomplete"},
                                  {"其他", "Other"}})},
      {"environment",
       {"env.g1.disclosure", "信息公开", "Information disclosure"},
       g1,
       lettered("env.g1.disclosure", {{"未按要求开展信息公开", "Not disclosed"},
                                      {"信息公开内容与实际不符", "Disclosure does not match"},
                                      {"其他", "Other"}})},
      {"environment",
       {"env.g1.internal_management", "内部环境管理体系建设与运行", "Internal environmental management"},
       g1,
       lettered("env.g1.internal_management",
                {{"未建立内部环境管理制度", "No internal rules"},
                 {"内部环境管理制度落实情况不佳", "Rules poorly applied"},
                 {"未按要求落实突发环境事件应急预案编制及备案工作", "Emergency plan not made or filed"},
                 {"未落实应急预案提出的风险防范措施", "Plan's measures not in place"},
                 {"其他", "Other"}})},
      {"environment",
       {"env.g1.other", "其他", "Other"},
       g1,
       lettered("env.g1.other", {{"未按要求开展清洁生产审核", "No cleaner-production audit"},
                                 {"有处罚、投诉记录，未落实整改", "Penalties or complaints not acted on"},
                                 {"其他", "Other"}})},
      // Ours: where a checklist's finding names no class of the seeds (wuxi's other forms: "危废·贮存",
      // "污水治理"…);
      // the finding's own heading is kept as the sub-class.
      {"environment", {"env.other", "其他环境问题", "Other environmental issues"}, "issue 12", {}},
      // chengdu 6.3.1: "物的危险状态、人的不安全行为和管理上的缺陷", with the environment as the fourth
      // (issue 12).
      {"safety", {"safety.person", "人的不安全行为", "Unsafe acts of people"}, cd, {}},
      {"safety", {"safety.thing", "物的危险状态", "Unsafe conditions of things"}, cd, {}},
      {"safety", {"safety.environment", "环境的不安全因素", "Unsafe environment"}, "issue 12", {}},
      {"safety", {"safety.management", "管理上的缺陷", "Management defects"}, cd, {}},
  };
  return out;
}

}  // namespace

const std::vector<HazardCategory>& hazard_categories() {
  static const std::vector<HazardCategory> categories = build_categories();
  return categories;
}

const HazardCategory* find_category(std::string_view code) {
  for (const auto& c : hazard_categories())
    if (c.label.value == code) return &c;
  return nullptr;
}

std::optional<std::pair<const HazardCategory*, std::string>> category_named(std::string_view text) {
  for (const auto& c : hazard_categories()) {
    if (c.label.zh == text) return std::pair{&c, std::string()};
    for (const auto& sub : c.subs)
      if (sub.zh == text && sub.zh != "其他") return std::pair{&c, sub.value};
  }
  return std::nullopt;
}

nlohmann::json hazard_dictionaries() {
  nlohmann::json categories = nlohmann::json::array();
  for (const auto& c : hazard_categories()) {
    nlohmann::json subs = nlohmann::json::array();
    for (const auto& s : c.subs) subs.push_back({{"value", s.value}, {"zh", s.zh}, {"en", s.en}});
    categories.push_back({{"value", c.label.value},
                          {"zh", c.label.zh},
                          {"en", c.label.en},
                          {"domain", c.domain},
                          {"source", c.source},
                          {"subs", subs}});
  }
  return {{"hazard_statuses", hazard_statuses().to_json()},
          {"hazard_domains", hazard_domains().to_json()},
          {"hazard_categories", categories},
          {"hazard_recheck_results", recheck_results().to_json()},
          {"hazard_escalation_rules", escalation_rules().to_json()},
          {"hazard_deadline_units", deadline_units().to_json()}};
}

}  // namespace rw::hazards
