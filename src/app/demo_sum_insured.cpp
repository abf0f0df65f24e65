#include "app/demo_sum_insured.hpp"

#include <nlohmann/json.hpp>

#include "suminsured/sum_insured_rules.hpp"
#include "suminsured/sum_insured_store.hpp"

namespace rw::app {

void seed_demo_sum_insured(db::Connection& db, std::int64_t insurer_org_id, const std::string& now) {
  auto bands = suminsured::table_json(suminsured::example_table())["bands"];
  for (auto& band : bands) {
    band.erase("text");
    if (band["scale"] == "micro") band["min_wan"] = band["min_wan"].get<std::int64_t>() + 30;
  }
  const auto publisher = db.query("SELECT id FROM users WHERE username = 'demo-insurer'")[0].integer("id");
  suminsured::insert_version(
      db,
      {insurer_org_id, "人保无锡环责险建议保额表（2026 版）",
       "累计赔偿限额（万元）；微型企业下限较示例各上调 30 万元。", bands.dump(), publisher},
      now);
}

}  // namespace rw::app
