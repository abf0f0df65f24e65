#include "envrisk/evaluation_io.hpp"

#include <nlohmann/json.hpp>

#include <set>

#include "envrisk/substance_catalog.hpp"
#include "platform/json_input.hpp"

namespace rw::envrisk {
namespace {

const nlohmann::json kEmptyObject = nlohmann::json::object();
constexpr std::int64_t kMaxUnits = 100;
constexpr std::int64_t kMaxPeople = 100'000'000;
constexpr double kMaxQuantity = 1e9;
const char* const kRawKeys[] = {"substances",      "process_units",  "high_temperature_pressure_units",
                                "phase_out_units", "air_controls",   "water_controls",
                                "air_receptors",   "water_receptors"};

void copy_errors(Fields& to, const Fields& from, const std::string& prefix) {
  for (const auto& e : from.errors()) to.add_error(prefix + e.field, e.code, e.message, e.message_en);
}

// The object under `key` (absent or null: nullptr), or a wrong_type error.
const nlohmann::json* object_at(Fields& fields, const std::string& key) {
  if (!fields.present(key)) return nullptr;
  const auto& value = fields.object()[key];
  if (value.is_object()) return &value;
  fields.add_error(key, "wrong_type", "应为对象", "must be an object");
  return nullptr;
}

// A list under `key` of at most `max` items, or an error.
const nlohmann::json* list_at(Fields& fields, const std::string& key, std::size_t max) {
  if (!fields.present(key)) return nullptr;
  const auto& value = fields.object()[key];
  if (value.is_array() && value.size() <= max) return &value;
  fields.add_error(key, "invalid_list", "应为不超过 " + std::to_string(max) + " 项的列表",
                   "must be a list of at most " + std::to_string(max) + " items");
  return nullptr;
}

std::optional<GivenIndicators> read_given(Fields& fields, const std::string& key) {
  const auto* object = object_at(fields, key);
  if (!object) return std::nullopt;
  Fields f(*object);
  f.require("q");
  f.require("m");
  f.require("e");
  const auto q = f.optional_number("q", 0, kMaxQuantity);
  const auto m = f.optional_number("m", 0, 100);
  const auto e = f.optional_choice("e", {"E1", "E2", "E3"});
  copy_errors(fields, f, key + ".");
  if (!q || !m || !e) return std::nullopt;
  return GivenIndicators{*q, *m, *parse_e(*e)};
}

void read_substances(Fields& fields, db::Connection& db, const TableVersion& table, RawInputs& raw) {
  const auto* list = list_at(fields, "substances", kMaxSubstances);
  if (!list) return;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const auto prefix = "substances[" + std::to_string(i) + "]";
    Fields f((*list)[i].is_object() ? (*list)[i] : kEmptyObject);
    SubstanceRef ref{f.optional_id("substance_id"), f.optional_text("name", 200).value_or(""),
                     f.optional_text("cas", 20).value_or("")};
    f.require("quantity_t");
    const auto quantity = f.optional_number("quantity_t", 0, kMaxQuantity);
    const auto share = f.optional_number("share", 0, 1).value_or(1);
    const auto air = f.optional_bool("air"), water = f.optional_bool("water");
    if (f.ok() && !ref.id && ref.name.empty() && ref.cas.empty())
      f.add_error("name", "required", "请填写物质名称、CAS 号或从表中选择",
                  "give the substance's name, CAS or id");
    copy_errors(fields, f, prefix + ".");
    if (!f.ok()) continue;
    const auto row = resolve_substance(db, table, ref, fields, prefix);
    if (!row) continue;
    const auto media = default_media(row->part, row->physical_state);
    raw.substances.push_back({row->name, row->cas, *quantity, share, row->critical_t, air.value_or(media.air),
                              water.value_or(media.water)});
  }
}

void read_units(Fields& fields, RawInputs& raw) {
  static const std::set<std::string> processes(listed_processes().begin(), listed_processes().end());
  if (const auto* list = list_at(fields, "process_units", processes.size()))
    for (std::size_t i = 0; i < list->size(); ++i) {
      Fields f((*list)[i].is_object() ? (*list)[i] : kEmptyObject);
      const auto process = f.required_choice("process", processes);
      f.require("count");
      const auto count = f.optional_integer("count", 0, kMaxUnits);
      copy_errors(fields, f, "process_units[" + std::to_string(i) + "].");
      if (f.ok()) raw.units.listed.push_back({process, static_cast<int>(*count)});
    }
  raw.units.high_temperature_pressure =
      static_cast<int>(fields.optional_integer("high_temperature_pressure_units", 0, kMaxUnits).value_or(0));
  raw.units.phase_out_equipment =
      static_cast<int>(fields.optional_integer("phase_out_units", 0, kMaxUnits).value_or(0));
}

// {item code: option code} checked against the medium's score table.
std::map<std::string, std::string> read_controls(Fields& fields, const std::string& key,
                                                 const std::vector<ControlItem>& table) {
  std::map<std::string, std::string> out;
  const auto* object = object_at(fields, key);
  if (!object) return out;
  for (const auto& [item_code, option] : object->items()) {
    const auto field = key + "." + item_code;
    const auto item =
        std::find_if(table.begin(), table.end(), [&](const ControlItem& c) { return c.code == item_code; });
    if (item == table.end()) {
      fields.add_error(field, "unknown_control_item", "评分表中没有该项", "no such item in the score table");
      continue;
    }
    if (option.is_null()) continue;
    const auto chosen = option.is_string() ? option.get<std::string>() : std::string();
    if (std::none_of(item->options.begin(), item->options.end(),
                     [&](const ControlOption& o) { return o.code == chosen; })) {
      fields.add_error(field, "invalid_choice", "不是该项的选项", "is not an option of this item");
      continue;
    }
    out[item_code] = chosen;
  }
  return out;
}

void read_receptors(Fields& fields, RawInputs& raw) {
  if (const auto* object = object_at(fields, "air_receptors")) {
    Fields f(*object);
    raw.air_receptors = {f.optional_integer("people_5km", 0, kMaxPeople),
                         f.optional_integer("people_500m", 0, kMaxPeople),
                         f.optional_integer("pipeline_people_per_km", 0, kMaxPeople),
                         f.optional_bool("special_zone_5km").value_or(false)};
    copy_errors(fields, f, "air_receptors.");
  }
  if (const auto* object = object_at(fields, "water_receptors")) {
    Fields f(*object);
    raw.water_receptors = {f.optional_bool("drinking_water_zone_10km").value_or(false),
                           f.optional_bool("national_border_24h").value_or(false),
                           f.optional_bool("sensitive_area_10km").value_or(false),
                           f.optional_bool("provincial_border_24h").value_or(false),
                           f.optional_bool("karst_or_flood_area").value_or(false)};
    copy_errors(fields, f, "water_receptors.");
  }
}

std::string band(const char* letter, int value) { return letter + std::to_string(value); }

nlohmann::json medium_json(const MediumResult& r) {
  nlohmann::json out = {{"level", level_zh(r.grade.level)},
                        {"level_code", level_code(r.grade.level)},
                        {"label", r.label},
                        {"q", r.q},
                        {"q_band", band("Q", r.grade.q)},
                        {"m", r.m},
                        {"m_band", band("M", r.grade.m)},
                        {"e", band("E", r.grade.e)},
                        {"given", r.given}};
  if (r.given) return out;
  nlohmann::json terms = nlohmann::json::array(), controls = nlohmann::json::array();
  for (const auto& t : r.q_terms)
    terms.push_back(
        {{"name", t.name}, {"pure_t", t.pure_t}, {"critical_t", t.critical_t}, {"ratio", t.ratio}});
  for (const auto& a : r.controls.answers)
    controls.push_back({{"item", a.item},
                        {"zh", a.zh},
                        {"option", a.option},
                        {"option_zh", a.option_zh},
                        {"score", a.score}});
  out["substances"] = terms;
  out["process_score"] = r.process.score;
  out["process_score_uncapped"] = r.process.uncapped;
  out["control_score"] = r.controls.score;
  out["controls"] = controls;
  out["e_because"] = r.e.because;
  return out;
}

}  // namespace

EvaluationInput read_evaluation_input(db::Connection& db, const TableVersion& table,
                                      const nlohmann::json& body) {
  Fields fields(body);
  EvaluationInput input;
  input.air = read_given(fields, "air");
  input.water = read_given(fields, "water");
  input.penalised_last_3_years = fields.optional_bool("penalised_last_3_years").value_or(false);
  const bool raw =
      std::any_of(std::begin(kRawKeys), std::end(kRawKeys), [&](const char* k) { return fields.has(k); });
  if (raw) {
    const auto scores = score_table_of(table);
    RawInputs inputs;
    read_substances(fields, db, table, inputs);
    read_units(fields, inputs);
    inputs.air_controls = read_controls(fields, "air_controls", scores.air);
    inputs.water_controls = read_controls(fields, "water_controls", scores.water);
    read_receptors(fields, inputs);
    input.raw = std::move(inputs);
  }
  if (fields.ok() && !input.air && !input.water && !input.raw)
    fields.add_error("air", "nothing_to_grade", "请给出大气或水的 Q、M、E，或填写风险物质等评估数据",
                     "give Q, M and E for air or water, or the assessment's inputs");
  fields.finish();
  return input;
}

nlohmann::json evaluation_json(const Evaluation& evaluation, const EvaluationInput& input,
                               const TableVersion& table) {
  nlohmann::json out = {{"level", level_zh(evaluation.enterprise.level)},
                        {"level_code", level_code(evaluation.enterprise.level)},
                        {"label", evaluation.enterprise.label},
                        {"raised", evaluation.enterprise.raised},
                        {"penalised_last_3_years", input.penalised_last_3_years},
                        {"table", table_ref_json(table)},
                        {"air", nullptr},
                        {"water", nullptr}};
  for (const auto& medium : evaluation.media)
    out[std::string(medium_code(medium.grade.medium))] = medium_json(medium);
  auto& steps = out["explanation"] = nlohmann::json::array();
  for (const auto& step : evaluation.explanation)
    steps.push_back({{"medium", step.medium.empty() ? nlohmann::json() : nlohmann::json(step.medium)},
                     {"step", step.step},
                     {"text", step.zh}});
  return out;
}

}  // namespace rw::envrisk
