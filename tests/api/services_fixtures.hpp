#pragma once
// Shared by the commission, visit, plan and deadline API tests: a server whose clock the test moves,
// starting on Monday 2026-06-01 (10:00 in China), with the demo data dated around that day
// (src/app/demo_services.cpp).
#include "registry_fixtures.hpp"

namespace rw::testing {

inline const std::string kServicesStart = "2026-06-01T02:00:00Z";

class ServicesApiTest : public RegistryApiTest {
 protected:
  static void SetUpTestSuite() {
    ServerConfig config;
    config.clock = kServicesStart;
    // The daily sweep runs only when a test asks (POST /jobs/deadline-sweep), so counts stay exact.
    config.extra_args = {"--job-interval-seconds", "0"};
    server_ = std::make_unique<ServerProcess>(config);
  }
  // Moves the server's clock to 10:00 China time on `day` (YYYY-MM-DD). Sign-in sessions keep working
  // only while their idle time allows, so clients are made after a move.
  static void set_today(const std::string& day) { server_->set_clock(day + "T02:00:00Z"); }

  static std::int64_t demo_id(std::size_t i) { return enterprise_id(demo_enterprise(i)); }
  static std::int64_t service_type(const std::string& code) {
    return find_id(admin().get("/service-types?limit=200&q=" + url(code)), "code", code);
  }

  // A new enterprise insured by insurer A from 2026-01-01 to 2027-12-31, for tests that need fresh ones.
  static std::int64_t insured_enterprise(const std::string& name, int n, const std::string& scale = "small",
                                         const std::string& risk = "general") {
    return insured_enterprise_by(as("demo-insurer"), name, n, scale, risk);
  }
  // The same with a client of insurer A already signed in (signing in is slow).
  static std::int64_t insured_enterprise_by(const Client& insurer, const std::string& name, int n,
                                            const std::string& scale = "small",
                                            const std::string& risk = "general") {
    auto body = enterprise_body(name, test_uscc(n));
    body["scale"] = scale;
    body["risk_level"] = risk;
    auto created = insurer.post("/enterprises", body);
    if (created.status != 201) throw std::runtime_error(created.body);
    const auto id = created.json()["id"].get<std::int64_t>();
    auto policy = insurer.post("/policies", {{"insurance_type", "environmental"},
                                             {"policy_number", "PICC-S-" + std::to_string(n)},
                                             {"enterprise_id", id},
                                             {"starts_on", "2026-01-01"},
                                             {"ends_on", "2027-12-31"},
                                             {"premium", 20000},
                                             {"sum_insured", 1000000},
                                             {"fund_share_kind", "percent"},
                                             {"fund_share_value", 10}});
    if (policy.status != 201) throw std::runtime_error(policy.body);
    return id;
  }

  // Insurer A commissions agency A for the enterprises; returns the commission.
  static nlohmann::json commission(const std::vector<std::int64_t>& enterprises,
                                   const std::string& agency = kAgencyA) {
    return commission_by(as("demo-insurer"), enterprises, agency);
  }
  static nlohmann::json commission_by(const Client& insurer, const std::vector<std::int64_t>& enterprises,
                                      const std::string& agency = kAgencyA) {
    const auto agency_id =
        find_id(insurer.get("/organizations?type=agency&limit=200&q=" + url(agency)), "name", agency);
    const auto code = std::string("wuxi.screening.risk_assessment");
    const auto type = find_id(insurer.get("/service-types?limit=200&q=" + url(code)), "code", code);
    auto r = insurer.post("/commissions", {{"agency_org_id", agency_id},
                                           {"enterprise_ids", enterprises},
                                           {"service_type_ids", {type}},
                                           {"notes", "测试委托"}});
    if (r.status != 201) throw std::runtime_error(r.body);
    return r.json();
  }
  static std::int64_t item_of(const nlohmann::json& commission, std::int64_t enterprise) {
    for (const auto& item : commission["items"])
      if (item["enterprise"]["id"] == enterprise) return item["id"];
    throw std::runtime_error("no item for enterprise " + std::to_string(enterprise));
  }
  static std::string item_path(std::int64_t item, const std::string& action = "") {
    return "/commission-items/" + std::to_string(item) + (action.empty() ? "" : "/" + action);
  }
};

}  // namespace rw::testing
