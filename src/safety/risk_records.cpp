#include "safety/risk_records.hpp"

#include <cmath>
#include <set>

#include "platform/json_input.hpp"

namespace rw::safety {
namespace {

struct TextField {
  const char* key;
  std::size_t max_chars;
  bool required;
};

// Table 3 作业活动清单: 岗位或场所, 工作任务, 作业活动, 作业步骤, 使用设备设施、工具、仪器仪表,
// 可能产生的危险和 有害因素, 备注（常规/非常规）(the last is `routine`).
const std::vector<TextField> kActivityFields = {{"place", 100, true},      {"task", 200, false},
                                                {"activity", 200, true},   {"steps", 2000, false},
                                                {"equipment", 500, false}, {"hazards", 2000, false}};
// Table 4 设备设施清单: 岗位或场所, 设备设施名称, 可能产生的危险和有害因素, 备注（状态）.
const std::vector<TextField> kEquipmentFields = {
    {"place", 100, true}, {"name", 200, true}, {"hazards", 2000, false}, {"state", 200, false}};
// Tables 5 and 6 share a shape: the heading's three fields (车间（部门）; 岗位 | 区域/工艺过程; 工作任务 |
// 装置/设备/设施), the row's step or check item, SCL's 标准, the hazard (危险和有害因素 | 不符合标准的情况及
// 后果), JHA's 主要后果, 现有安全控制措施, 建议改进措施, 备注; and the 风险清单's own columns (Table 7:
// 风险类型, 风险描述, 场所地址, 风险源, 风险源详细地址).
const std::vector<TextField> kAssessmentFields = {
    {"department", 100, false},    {"unit", 200, false},        {"object", 200, false},
    {"item", 500, true},           {"standard", 2000, false},   {"hazard", 2000, true},
    {"consequence", 1000, false},  {"controls", 2000, false},   {"suggestion", 2000, false},
    {"remarks", 500, false},       {"risk_type", 100, false},   {"risk_description", 1000, false},
    {"place_address", 300, false}, {"risk_source", 300, false}, {"source_address", 300, false}};

void read_texts(Fields& fields, const std::vector<TextField>& specs, nlohmann::json& out) {
  for (const auto& f : specs) {
    const auto value = f.required ? std::optional(fields.required_text(f.key, 1, f.max_chars))
                                  : fields.optional_text(f.key, f.max_chars);
    out[f.key] = value.value_or("");
  }
}

// A factor that must be one of the method's values.
std::optional<double> factor(Fields& fields, const char* key, const std::vector<double>& allowed) {
  const auto value = fields.optional_number(key, 0, 100);
  if (!fields.present(key)) {
    fields.add_error(key, "required", "必填", "required");
    return std::nullopt;
  }
  if (!value) return std::nullopt;
  for (double v : allowed)
    if (std::fabs(v - *value) < 1e-9) return v;
  std::string values;
  for (double v : allowed) values += (values.empty() ? "" : ", ") + nlohmann::json(v).dump();
  fields.add_error(key, "invalid_factor", "取值须为 " + values + " 之一", "must be one of " + values);
  return std::nullopt;
}

const std::vector<double> kLsFactors = {1, 2, 3, 4, 5};

std::optional<Grade> read_grade(Fields& fields, const Mapping& mapping, nlohmann::json& out) {
  const auto scoring = fields.required_choice("scoring", {"ls", "lec"});
  out["scoring"] = scoring;
  if (scoring == "ls") {
    const auto l = factor(fields, "l", kLsFactors), s = factor(fields, "s", kLsFactors);
    if (!l || !s) return std::nullopt;
    out.update({{"l", *l}, {"s", *s}});
    return grade_ls(mapping, *l, *s);
  }
  if (scoring != "lec") return std::nullopt;
  const auto l = factor(fields, "l", lec_l_values());
  const auto e = factor(fields, "e", lec_e_values());
  const auto c = factor(fields, "c", lec_c_values());
  if (!l || !e || !c) return std::nullopt;
  out.update({{"l", *l}, {"e", *e}, {"c", *c}});
  return grade_lec(mapping, *l, *e, *c);
}

nlohmann::json read_points(Fields& fields, const std::optional<PlanSize>& plan) {
  const auto& body = fields.object();
  if (!fields.present("points")) {
    fields.add_error("points", "required", "请在平面图上画出区域", "draw the zone on the site plan");
    return nlohmann::json::array();
  }
  const auto& points = body["points"];
  const auto bad = [&](const char* zh, const char* en) {
    fields.add_error("points", "invalid_polygon", zh, en);
    return nlohmann::json::array();
  };
  if (!points.is_array() || points.size() < 3 || points.size() > kMaxZonePoints)
    return bad("区域须为 3–200 个点", "a zone has 3 to 200 points");
  auto out = nlohmann::json::array();
  for (const auto& p : points) {
    if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_number())
      return bad("每个点须为 [x, y]", "each point is [x, y]");
    const double x = p[0].get<double>(), y = p[1].get<double>();
    const double w = plan ? static_cast<double>(plan->width) : 1e6,
                 h = plan ? static_cast<double>(plan->height) : 1e6;
    if (!std::isfinite(x) || !std::isfinite(y) || x < 0 || y < 0 || x > w || y > h)
      return bad("点须在平面图范围内", "points must lie on the site plan");
    out.push_back({std::round(x * 10) / 10, std::round(y * 10) / 10});
  }
  return out;
}

}  // namespace

std::optional<Kind> kind_from_path(std::string_view segment) {
  if (segment == "activities") return Kind::activity;
  if (segment == "equipment") return Kind::equipment;
  if (segment == "assessments") return Kind::assessment;
  if (segment == "zones") return Kind::zone;
  return std::nullopt;
}

std::string_view kind_code(Kind kind) {
  switch (kind) {
    case Kind::activity:
      return "activity";
    case Kind::equipment:
      return "equipment";
    case Kind::assessment:
      return "assessment";
    case Kind::zone:
      return "zone";
  }
  return "";
}

ParsedRecord parse_record(Kind kind, const nlohmann::json& body, const Mapping& mapping,
                          const std::optional<PlanSize>& plan) {
  Fields fields(body);
  ParsedRecord out{nlohmann::json::object(), std::nullopt, {}};
  switch (kind) {
    case Kind::activity:
      read_texts(fields, kActivityFields, out.data);
      out.data["routine"] = fields.optional_choice("routine", {"routine", "non_routine"}).value_or("routine");
      break;
    case Kind::equipment:
      read_texts(fields, kEquipmentFields, out.data);
      break;
    case Kind::assessment:
      out.data["method"] = fields.required_choice("method", {"jha", "scl"});
      read_texts(fields, kAssessmentFields, out.data);
      out.grade = read_grade(fields, mapping, out.data);
      break;
    case Kind::zone:
      out.data["name"] = fields.required_text("name", 1, 100);
      out.data["points"] = read_points(fields, plan);
      out.risk_ids =
          fields.optional_ids("risk_ids", kMaxRecordsPerKind).value_or(std::vector<std::int64_t>{});
      out.data["risk_ids"] = out.risk_ids;
      break;
  }
  fields.finish();
  return out;
}

RecordWrite record_write(const ParsedRecord& parsed, const Mapping& mapping) {
  RecordWrite write{parsed.data.dump(), std::nullopt, std::nullopt, std::nullopt, std::nullopt};
  if (parsed.grade) {
    write.score = parsed.grade->value;
    write.level = std::string(level_code(parsed.grade->level));
    write.mapping_code = mapping.code;
    write.mapping_name = mapping.name;
  }
  return write;
}

std::string audit_entity(Kind kind) { return "safety_risk_" + std::string(kind_code(kind)); }

Polygon polygon_of(const nlohmann::json& data) {
  Polygon out;
  for (const auto& p : data.value("points", nlohmann::json::array()))
    out.emplace_back(p[0].get<double>(), p[1].get<double>());
  return out;
}

const std::vector<Column>& activity_columns() {
  static const std::vector<Column> columns = {{"place", "岗位或场所"},
                                              {"task", "工作任务"},
                                              {"activity", "作业活动"},
                                              {"steps", "作业步骤"},
                                              {"equipment", "使用设备设施、工具、仪器仪表"},
                                              {"hazards", "可能产生的危险和有害因素"},
                                              {"routine", "备注（常规/非常规）"}};
  return columns;
}

const std::vector<Column>& equipment_columns() {
  static const std::vector<Column> columns = {{"place", "岗位或场所"},
                                              {"name", "设备设施名称"},
                                              {"hazards", "可能产生的危险和有害因素"},
                                              {"state", "备注（状态）"}};
  return columns;
}

const std::vector<Column>& risk_list_columns() {
  static const std::vector<Column> columns = {
      {"risk_type", "风险类型"},     {"risk_description", "风险描述"},
      {"place_address", "场所地址"}, {"hazard", "危害因素"},
      {"risk_source", "风险源"},     {"source_address", "风险源详细地址"},
      {"level", "风险等级"},         {"remarks", "备注"}};
  return columns;
}

std::string routine_label(std::string_view code) { return code == "non_routine" ? "非常规" : "常规"; }
std::string method_label(std::string_view code) {
  return code == "scl" ? "安全检查分析（SCL）" : "工作危害分析（JHA）";
}

}  // namespace rw::safety
