#include "registry/vocabularies.hpp"

namespace rw::registry {

const Vocabulary& enterprise_scales() {
  static const Vocabulary v{{"large", "大型", "Large"},
                            {"medium", "中型", "Medium"},
                            {"small", "小型", "Small"},
                            {"micro", "微型", "Micro"}};
  return v;
}

const Vocabulary& production_statuses() {
  static const Vocabulary v{{"operating", "生产", "Operating"},
                            {"suspended", "停产", "Suspended"},
                            {"seasonal", "季节性停产", "Seasonally suspended"},
                            {"closed", "关闭", "Closed"}};
  return v;
}

const Vocabulary& permit_types() {
  static const Vocabulary v{{"key", "重点管理", "Key management"},
                            {"simplified", "简化管理", "Simplified management"},
                            {"registration", "登记管理", "Registration"},
                            {"none", "无", "None"}};
  return v;
}

const Vocabulary& risk_levels() {
  static const Vocabulary v{{"general", "一般", "General"},
                            {"larger", "较大", "Larger"},
                            {"major", "重大", "Major"},
                            {"unknown", "未评定", "Not assessed"}};
  return v;
}

const Vocabulary& insurance_types() {
  static const Vocabulary v{{"environmental", "环责险", "Environmental liability"},
                            {"work_safety", "安责险", "Work-safety liability"}};
  return v;
}

const Vocabulary& policy_statuses() {
  static const Vocabulary v{{"active", "有效", "Active"}, {"terminated", "已终止", "Terminated"}};
  return v;
}

const Vocabulary& fund_share_kinds() {
  static const Vocabulary v{{"amount", "固定金额", "Fixed amount"},
                            {"percent", "保费比例", "Share of premium"}};
  return v;
}

const Vocabulary& title_levels() {
  static const Vocabulary v{{"none", "无", "None"},
                            {"junior", "初级", "Junior"},
                            {"intermediate", "中级", "Intermediate"},
                            {"senior", "高级", "Senior"},
                            {"full_senior", "正高级", "Full senior"}};
  return v;
}

const Vocabulary& staff_kinds() {
  static const Vocabulary v{{"expert", "专家", "Expert"},
                            {"technician", "技术人员", "Technician"},
                            {"safety_engineer", "注册安全工程师", "Registered safety engineer"}};
  return v;
}

const Vocabulary& expert_pool_levels() {
  static const Vocabulary v{{"county", "区县级", "County"},
                            {"city", "市级", "City"},
                            {"province", "省级", "Province"},
                            {"national", "国家级", "National"}};
  return v;
}

const Vocabulary& safety_engineer_levels() {
  static const Vocabulary v{
      {"junior", "初级", "Junior"}, {"intermediate", "中级", "Intermediate"}, {"senior", "高级", "Senior"}};
  return v;
}

const Vocabulary& specialties() {
  static const Vocabulary v{{"water", "水污染防治", "Water"},
                            {"air", "大气污染防治", "Air"},
                            {"solid_waste", "固体废物", "Solid waste"},
                            {"soil", "土壤及地下水", "Soil and groundwater"},
                            {"noise", "噪声", "Noise"},
                            {"emergency", "环境应急", "Environmental emergency"},
                            {"eia_permit", "环评与排污许可", "EIA and discharge permits"},
                            {"safety", "安全生产", "Work safety"},
                            {"chemicals", "危险化学品", "Hazardous chemicals"},
                            {"fire", "消防", "Fire protection"},
                            {"other", "其他", "Other"}};
  return v;
}

const Vocabulary& evaluation_grades() {
  static const Vocabulary v{{"excellent", "优秀", "Excellent"},
                            {"good", "良好", "Good"},
                            {"fair", "中等", "Fair"},
                            {"unqualified", "不合格", "Unqualified"}};
  return v;
}

nlohmann::json registry_dictionaries() {
  return {{"enterprise_scales", enterprise_scales().to_json()},
          {"production_statuses", production_statuses().to_json()},
          {"permit_types", permit_types().to_json()},
          {"risk_levels", risk_levels().to_json()},
          {"insurance_types", insurance_types().to_json()},
          {"policy_statuses", policy_statuses().to_json()},
          {"fund_share_kinds", fund_share_kinds().to_json()},
          {"title_levels", title_levels().to_json()},
          {"staff_kinds", staff_kinds().to_json()},
          {"expert_pool_levels", expert_pool_levels().to_json()},
          {"safety_engineer_levels", safety_engineer_levels().to_json()},
          {"specialties", specialties().to_json()},
          {"evaluation_grades", evaluation_grades().to_json()}};
}

}  // namespace rw::registry
