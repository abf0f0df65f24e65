#include "app/demo_env_risk.hpp"

#include <nlohmann/json.hpp>

#include "app/demo_data.hpp"
#include "envrisk/assessment_flow.hpp"
#include "envrisk/assessment_service.hpp"
#include "services/step_service.hpp"

namespace rw::app {
namespace {

using nlohmann::json;

json all_met(std::initializer_list<const char*> items) {
  json out = json::object();
  for (const auto* item : items) out[item] = "meets";
  return out;
}

// A paint maker: solvents and LPG on site, one 聚合 unit. Air: Q 6 + 4 + 3 + 0.6 (LPG, a gas: air only)
// = 13.6, M 10, E2 → 较大-大气(Q2-M1-E2); water: Q 13, M 10 + two measures missing 16 = 26, a sensitive water
// body downstream (E2) → 较大-水(Q2-M2-E2).
json paint_maker() {
  auto water = all_met(
      {"interception", "clean_water_system", "production_wastewater", "discharge_permit", "hazardous_waste"});
  water["accident_water_collection"] = "fails";
  water["rainwater_system"] = "fails";
  water["water_incidents"] = "none";
  return {
      {"assessed_on", "2026-05-20"},
      {"substances",
       {{{"name", "二甲苯"}, {"quantity_t", 60}},
        {{"name", "甲苯"}, {"quantity_t", 40}},
        {{"name", "乙酸乙酯"}, {"quantity_t", 30}},
        {{"name", "液化石油气"}, {"quantity_t", 6}}}},
      {"process_units", {{{"process", "聚合"}, {"count", 1}}}},
      {"air_controls",
       {{"toxic_gas_monitoring", "in_place"}, {"protective_distance", "meets"}, {"air_incidents", "none"}}},
      {"water_controls", water},
      {"air_receptors", {{"people_5km", 32000}, {"people_500m", 420}}},
      {"water_receptors", {{"sensitive_area_10km", true}}}};
}

// A foundry: natural gas for the furnaces (甲烷, a gas: air only) and a little diesel (油类物质, 2500 t):
// air Q 1.504, M 0, E3 → 一般-大气(Q1-M1-E3); water Q 0.004 → 一般-水(Q0).
json foundry() {
  auto water = all_met({"interception", "accident_water_collection", "clean_water_system", "rainwater_system",
                        "production_wastewater", "discharge_permit", "hazardous_waste"});
  water["water_incidents"] = "none";
  return {{"assessed_on", "2026-05-12"},
          {"substances", {{{"name", "天然气"}, {"quantity_t", 15}}, {{"name", "柴油"}, {"quantity_t", 10}}}},
          {"air_controls",
           {{"toxic_gas_monitoring", "not_involved"},
            {"protective_distance", "meets"},
            {"air_incidents", "none"}}},
          {"water_controls", water},
          {"air_receptors", {{"people_5km", 8000}, {"people_500m", 150}}},
          {"water_receptors", json::object()}};
}

// A chemical maker with ammonia and chlorine, awaiting the insurer's review: air Q 12 + 10 = 22, M 25
// (合成氨, 氯化, one high-pressure unit) + 25 (no boundary monitoring) = 50, E2 → 重大-大气(Q2-M3-E2); water
// Q 12 (氨气 counts, 氯气 as a gas does not), M 25, E3 → 较大-水(Q2-M2-E3).
json chemical_maker() {
  auto water = all_met({"interception", "accident_water_collection", "clean_water_system", "rainwater_system",
                        "production_wastewater", "discharge_permit", "hazardous_waste"});
  water["water_incidents"] = "none";
  return {
      {"assessed_on", "2026-05-25"},
      {"substances", {{{"name", "液氨"}, {"quantity_t", 60}}, {{"name", "液氯"}, {"quantity_t", 10}}}},
      {"process_units", {{{"process", "合成氨"}, {"count", 1}}, {{"process", "氯化"}, {"count", 1}}}},
      {"high_temperature_pressure_units", 1},
      {"air_controls",
       {{"toxic_gas_monitoring", "missing"}, {"protective_distance", "meets"}, {"air_incidents", "none"}}},
      {"water_controls", water},
      {"air_receptors", {{"people_5km", 26000}, {"people_500m", 380}}},
      {"water_receptors", json::object()}};
}

}  // namespace

void seed_demo_env_risk(db::Connection& db, const Clock& clock,
                        const std::vector<std::int64_t>& enterprise_orgs) {
  if (enterprise_orgs.size() < 5) return;
  const auto expert = demo_user(db, "demo-expert"), insurer = demo_user(db, "demo-insurer");
  const accounts::Operation by_expert{db, expert, clock, "seed-demo"},
      by_insurer{db, insurer, clock, "seed-demo"};
  const auto enterprise = [&](std::size_t index) {
    return db.query("SELECT id FROM enterprises WHERE org_id = ?", {enterprise_orgs[index]})[0].integer("id");
  };
  for (const auto& [index, body] : {std::pair<std::size_t, json>{4, paint_maker()}, {3, foundry()}}) {
    const auto assessment = envrisk::create_assessment(by_expert, enterprise(index), body);
    services::take_step(by_insurer, envrisk::assessment_machine(), assessment["id"].get<std::int64_t>(),
                        "review", json::object());
  }
  // Last year's, printed by last year's 环责险风险评估报告 and reviewed with it (demo_reports.cpp).
  auto last_year = chemical_maker();
  last_year["assessed_on"] = "2025-06-10";
  envrisk::create_assessment(by_expert, enterprise(0), last_year);
}

void seed_demo_pending_assessment(db::Connection& db, const Clock& clock, std::int64_t enterprise_id) {
  const accounts::Operation by_expert{db, demo_user(db, "demo-expert"), clock, "seed-demo"};
  envrisk::create_assessment(by_expert, enterprise_id, chemical_maker());
}

}  // namespace rw::app
