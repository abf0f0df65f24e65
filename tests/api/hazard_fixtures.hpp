#pragma once
// Shared by the hazard and notice API tests: a started visit of agency A, and hazards its expert records on
// it.
#include <string>
#include <vector>

#include "services_fixtures.hpp"

namespace rw::testing {

class HazardApiTest : public ServicesApiTest {
 protected:
  using json = nlohmann::json;

  // A visit of agency A to demo enterprise `n` on `day` for a type its commission or agreed plan asks for,
  // with the team a large enterprise needs (three people, an expert with a title), started by its technician.
  static std::int64_t started_visit(std::size_t n, const std::string& day,
                                    const std::string& type = "wuxi.screening.risk_assessment") {
    auto created =
        as("demo-agency")
            .post("/visits", {{"enterprise_id", demo_id(n)},
                              {"service_type_ids", {service_type(type)}},
                              {"planned_on", day},
                              {"staff_ids", {staff_id("陈专家"), staff_id("周专家"), staff_id("刘技术")}}});
    if (created.status != 201) throw std::runtime_error(created.body);
    const auto id = created.json()["id"].get<std::int64_t>();
    auto started = as("demo-technician").post(id_path("visits", id) + "/start", json::object());
    if (started.status != 200) throw std::runtime_error(started.body);
    return id;
  }
  static json found(const std::string& grade, const std::string& description) {
    return {{"domain", "environment"},
            {"category", "env.emergency_controls"},
            {"sub_category", "env.emergency_controls.water"},
            {"grade", grade},
            {"description", description},
            {"location", "事故应急池"},
            {"basis", "无锡环境应急调查表 重大隐患 7"},
            {"suggestion", "扩建事故应急池"}};
  }
  // A hazard recorded by the expert on the visit.
  static std::int64_t recorded(std::int64_t visit, const std::string& grade, const std::string& description) {
    auto r = as("demo-expert").post(id_path("visits", visit) + "/hazards", found(grade, description));
    if (r.status != 201) throw std::runtime_error(r.body);
    return r.json()["id"];
  }
  // The agency's expert tells the enterprise of the hazard with `days` working days to rectify it: the due
  // date.
  static json notified_due_on(std::int64_t hazard, int days) {
    return as("demo-expert")
        .post(step(hazard, "notify"), {{"deadline_days", days}})
        .json()["deadline"]["due_on"];
  }
  static std::string step(std::int64_t hazard, const std::string& path) {
    return id_path("hazards", hazard) + "/" + path;
  }
  static std::vector<std::string> actions_in(const json& history) {
    std::vector<std::string> out;
    for (const auto& event : history) out.push_back(event["action"]);
    return out;
  }
};

}  // namespace rw::testing
