// Insurance policies: create (money, dates, the prevention fund), uniqueness per insurer, who may read
// and change them, and the list filters over the 20 demo policies (insurer A: 12 环责险 2026-01-01 ~
// 2026-12-31 for enterprises 0–11; insurer B: 8 安责险 2026-03-01 ~ 2027-02-28 for enterprises 8–15).
#include "registry_fixtures.hpp"

using namespace rw::testing;
using nlohmann::json;

namespace {

class PolicyApi : public RegistryApiTest {
 protected:
  static json policy_body(const std::string& number, std::int64_t enterprise_id) {
    return {{"insurance_type", "environmental"},
            {"policy_number", number},
            {"enterprise_id", enterprise_id},
            {"starts_on", "2026-01-01"},
            {"ends_on", "2026-12-31"},
            {"premium", 30000},
            {"sum_insured", 2000000},
            {"fund_share_kind", "percent"},
            {"fund_share_value", 15}};
  }
  static std::int64_t demo_id(std::size_t i) { return enterprise_id(demo_enterprise(i)); }
  static std::vector<std::string> errors_of(const HttpResult& r) {
    EXPECT_EQ(r.status, 422) << r.body;
    return field_codes(r.json()["errors"]);
  }
  // The errors of a create with one field changed.
  static std::vector<std::string> errors_with(const Client& client, const json& changes) {
    auto body = policy_body("PICC-T-INVALID", demo_id(0));
    for (const auto& [key, value] : changes.items()) body[key] = value;
    auto r = client.post("/policies", body);
    EXPECT_EQ(r.status, 422) << changes.dump() << " " << r.body;
    return field_codes(r.json()["errors"]);
  }
};

// Reads only: the demo policies as seeded.
class PolicyListApi : public PolicyApi {};

using Codes = std::vector<std::string>;

}  // namespace

TEST_F(PolicyApi, InsurerCreatesForItselfAndTheFundIsComputed) {
  auto insurer = as("demo-insurer");
  auto r = insurer.post("/policies", policy_body("PICC-T-0001", demo_id(0)));
  ASSERT_EQ(r.status, 201) << r.body;
  const auto p = r.json();
  EXPECT_EQ(p["insurer_org_id"], insurer.org_id());
  EXPECT_EQ(p["insurer_name"], kInsurerA);
  EXPECT_EQ(p["enterprise_name"], demo_enterprise(0));
  EXPECT_EQ(p["enterprise_credit_code"],
            admin().get(id_path("enterprises", demo_id(0))).json()["credit_code"]);
  EXPECT_EQ(p["premium"], 30000.0);
  EXPECT_EQ(p["sum_insured"], 2000000.0);
  EXPECT_EQ(p["fund_share_value"], 15.0);
  EXPECT_EQ(p["prevention_fund"], 4500.0);
  EXPECT_EQ(p["status"], "active");
  EXPECT_EQ(insurer.get(id_path("policies", p["id"])).json()["prevention_fund"], 4500.0);

  auto amount = policy_body("PICC-T-0002", demo_id(0));
  amount["fund_share_kind"] = "amount";
  amount["fund_share_value"] = 2500.5;
  EXPECT_EQ(insurer.post("/policies", amount).json()["prevention_fund"], 2500.5);
  auto rounded = policy_body("PICC-T-0003", demo_id(0));
  rounded["premium"] = 33333.33;  // 15% = 4999.9995 → 5000.00
  EXPECT_EQ(insurer.post("/policies", rounded).json()["prevention_fund"], 5000.0);
  auto whole = policy_body("PICC-T-0004", demo_id(0));
  whole["fund_share_value"] = 100;
  EXPECT_EQ(insurer.post("/policies", whole).json()["prevention_fund"], 30000.0);
}

TEST_F(PolicyApi, PolicyNumbersAreUniquePerInsurer) {
  auto insurer_a = as("demo-insurer");
  auto duplicate = insurer_a.post("/policies", policy_body("PICC-WX-2026-1001", demo_id(1)));
  EXPECT_EQ(duplicate.status, 409);
  EXPECT_EQ(duplicate.json()["code"], "duplicate_policy_number");
  EXPECT_EQ(field_codes(duplicate.json()["errors"]), Codes{"policy_number:duplicate_policy_number"});
  // The same number at insurer B is another policy.
  auto body = policy_body("PICC-WX-2026-1001", demo_id(8));
  body["insurer_org_id"] = org_id(kInsurerB);
  auto other_insurer = admin().post("/policies", body);
  ASSERT_EQ(other_insurer.status, 201) << other_insurer.body;
  EXPECT_EQ(other_insurer.json()["insurer_name"], kInsurerB);
  EXPECT_EQ(total_of(admin().get("/policies?q=PICC-WX-2026-1001")), 2);
  // An insurer writes only its own policies; the platform admin must name the insurer.
  EXPECT_EQ(errors_with(insurer_a, {{"insurer_org_id", org_id(kInsurerB)}}),
            Codes{"insurer_org_id:unknown_insurer"});
  EXPECT_EQ(errors_with(admin(), {{"insurer_org_id", org_id(kAgencyA)}}),
            Codes{"insurer_org_id:unknown_insurer"});
  auto unnamed = admin().post("/policies", policy_body("ADMIN-1", demo_id(0)));
  EXPECT_EQ(field_codes(unnamed.json()["errors"]), Codes{"insurer_org_id:required"});
}

TEST_F(PolicyApi, DatesAndMoneyAreValidated) {
  auto insurer = as("demo-insurer");
  EXPECT_EQ(errors_with(insurer, {{"starts_on", "2026-06-01"}, {"ends_on", "2026-05-31"}}),
            Codes{"ends_on:before_start"});
  EXPECT_EQ(errors_with(insurer, {{"ends_on", "2026-02-30"}}), Codes{"ends_on:invalid_date"});
  EXPECT_EQ(errors_with(insurer, {{"fund_share_value", 100.01}}), Codes{"fund_share_value:out_of_range"});
  EXPECT_EQ(
      errors_with(insurer, {{"premium", 1000}, {"fund_share_kind", "amount"}, {"fund_share_value", 1000.01}}),
      Codes{"fund_share_value:exceeds_premium"});
  EXPECT_EQ(errors_with(insurer, {{"sum_insured", 0.001}}), Codes{"sum_insured:too_precise"});
  EXPECT_EQ(errors_with(insurer, {{"premium", 1.005}}), Codes{"premium:too_precise"});
  EXPECT_EQ(errors_with(insurer, {{"fund_share_value", 15.125}}), Codes{"fund_share_value:too_precise"});
  EXPECT_EQ(errors_with(insurer, {{"premium", -1}}), Codes{"premium:out_of_range"});
  EXPECT_EQ(errors_with(insurer, {{"premium", "30000"}}), Codes{"premium:wrong_type"});
  EXPECT_EQ(errors_with(insurer, {{"insurance_type", "fire"}}), Codes{"insurance_type:invalid_choice"});
  EXPECT_EQ(errors_with(insurer, {{"status", "expired"}}), Codes{"status:invalid_choice"});
  auto empty = insurer.post("/policies", json::object());
  EXPECT_EQ(field_codes(empty.json()["errors"]),
            (Codes{"insurance_type:required", "policy_number:required", "enterprise_id:required",
                   "starts_on:required", "ends_on:required", "premium:required", "sum_insured:required",
                   "fund_share_kind:required", "fund_share_value:required"}));
  EXPECT_EQ(insurer.post_raw("/policies", "{").json()["code"], "malformed_json");
  EXPECT_EQ(total_of(admin().get("/policies?q=PICC-T-INVALID")), 0);
}

// A premium of 0 sets nothing aside as a percentage: the fund must then be an amount (issue 9 §5).
TEST_F(PolicyApi, ZeroPremiumCannotCarryAPercentShare) {
  auto insurer = as("demo-insurer");
  auto refused = insurer.post("/policies", [&] {
    auto body = policy_body("PICC-T-ZERO-1", demo_id(0));
    body["premium"] = 0;
    return body;
  }());
  ASSERT_EQ(errors_of(refused), Codes{"fund_share_kind:percent_of_zero_premium"});
  EXPECT_EQ(refused.json()["errors"][0]["message"], "保费为 0 时不能按保费比例计提，请按金额填写");
  EXPECT_EQ(refused.json()["errors"][0]["message_en"],
            "with a premium of 0 the fund cannot be a percentage of it; enter an amount");
  auto body = policy_body("PICC-T-ZERO-1", demo_id(0));
  body["premium"] = 0;
  body["fund_share_kind"] = "amount";
  body["fund_share_value"] = 0;
  auto created = insurer.post("/policies", body);
  ASSERT_EQ(created.status, 201) << created.body;
  const auto zero = id_path("policies", created.json()["id"]);
  EXPECT_EQ(errors_of(insurer.patch(zero, {{"fund_share_kind", "percent"}})),
            Codes{"fund_share_kind:percent_of_zero_premium"});
  // A percentage policy whose premium drops to 0 is refused the same way; a positive premium is fine.
  auto percent = insurer.post("/policies", policy_body("PICC-T-ZERO-2", demo_id(1)));
  ASSERT_EQ(percent.status, 201) << percent.body;
  const auto path = id_path("policies", percent.json()["id"]);
  EXPECT_EQ(errors_of(insurer.patch(path, {{"premium", 0}})),
            Codes{"fund_share_kind:percent_of_zero_premium"});
  EXPECT_EQ(insurer.patch(path, {{"premium", 1}}).status, 200);
  for (const auto& p : {zero, path}) EXPECT_EQ(insurer.del(p).status, 204);
}

// Money is stored in fen: a third decimal is refused, never rounded away, whatever the amount.
TEST_F(PolicyApi, ThreeDecimalsAreRefusedForLargeAmountsToo) {
  auto insurer = as("demo-insurer");
  auto premium = policy_body("PICC-T-PRECISE-1", demo_id(0));
  premium["premium"] = 30000.123;
  EXPECT_EQ(errors_of(insurer.post("/policies", premium)), Codes{"premium:too_precise"});
  auto sum_insured = policy_body("PICC-T-PRECISE-2", demo_id(0));
  sum_insured["sum_insured"] = 2000000.005;
  EXPECT_EQ(errors_of(insurer.post("/policies", sum_insured)), Codes{"sum_insured:too_precise"});
  EXPECT_EQ(total_of(admin().get("/policies?q=PICC-T-PRECISE")), 0);
}

TEST_F(PolicyApi, InForceFollowsTodayAndStatus) {
  auto insurer = as("demo-insurer");
  auto current = policy_body("PICC-T-CURRENT", demo_id(1));
  current["starts_on"] = "2000-01-01";
  current["ends_on"] = "2099-12-31";
  auto r = insurer.post("/policies", current);
  EXPECT_EQ(r.json()["in_force"], true);
  auto past = policy_body("PICC-T-PAST", demo_id(1));
  past["starts_on"] = "2001-01-01";
  past["ends_on"] = "2001-12-31";
  EXPECT_EQ(insurer.post("/policies", past).json()["in_force"], false);
  auto patched = insurer.patch(id_path("policies", r.json()["id"]), {{"status", "terminated"}});
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.json()["in_force"], false);
  EXPECT_EQ(patched.json()["policy_number"], "PICC-T-CURRENT");  // the rest is kept
  EXPECT_EQ(patched.json()["prevention_fund"], 4500.0);
}

TEST_F(PolicyApi, OnlyEnterprisesTheInsurerSeesCanBeInsured) {
  auto insurer_a = as("demo-insurer");
  EXPECT_EQ(errors_with(insurer_a, {{"enterprise_id", demo_id(12)}}),
            Codes{"enterprise_id:unknown_enterprise"});
  EXPECT_EQ(errors_with(insurer_a, {{"enterprise_id", 99999999}}), Codes{"enterprise_id:unknown_enterprise"});
}

TEST_F(PolicyApi, AnotherInsurerCannotSeeOrChangeAPolicy) {
  // A policy of its own, so deleting it does not take an enterprise out of insurer A's sight.
  auto insurer_a = as("demo-insurer");
  auto created = insurer_a.post("/policies", policy_body("PICC-T-SCOPE", demo_id(0)));
  ASSERT_EQ(created.status, 201) << created.body;
  const auto path = id_path("policies", created.json()["id"]);
  auto insurer_b = this->insurer_b();
  for (const auto& r : {insurer_b.get(path), insurer_b.patch(path, {{"premium", 1}}), insurer_b.del(path)}) {
    EXPECT_EQ(r.status, 404);
    EXPECT_EQ(r.json()["code"], "not_found");
  }
  const auto policies = insurer_b.get("/policies?limit=200").json();
  for (const auto& p : policies["items"])
    EXPECT_EQ(p["insurer_org_id"], insurer_b.org_id()) << p["policy_number"];
  // An agency serving the enterprise reads the policy but cannot change it.
  auto agency = as("demo-agency");
  EXPECT_EQ(agency.get(path).status, 200);
  EXPECT_EQ(agency.patch(path, {{"premium", 1}}).status, 403);
  EXPECT_EQ(agency.post("/policies", policy_body("AG-1", demo_id(0))).status, 403);
  EXPECT_EQ(as("demo-agency").get(id_path("policies", policy_id("PAIC-WX-2026-2013"))).status,
            404);  // enterprise 12
  EXPECT_EQ(admin().get(path).json()["premium"], 30000.0);
  // Its own insurer changes and deletes it.
  EXPECT_EQ(insurer_a.patch(path, {{"sum_insured", 2500000}}).json()["sum_insured"], 2500000.0);
  EXPECT_EQ(insurer_a.del(path).status, 204);
  EXPECT_EQ(admin().get(path).status, 404);
}

// ---- the demo policies

TEST_F(PolicyListApi, ScopePerPartyType) {
  EXPECT_EQ(total_of(admin().get("/policies")), 20);
  auto insurer_a = as("demo-insurer").get("/policies?limit=200");
  EXPECT_EQ(total_of(insurer_a), 12);
  for (const auto& number : names_of(insurer_a, "policy_number"))
    EXPECT_EQ(number.rfind("PICC-", 0), 0u) << number;
  EXPECT_EQ(total_of(insurer_b().get("/policies")), 8);
  EXPECT_EQ(total_of(as("demo-agency").get("/policies")),
            10);  // enterprises 0–8 (it declined 9): 9 of A, 1 of B
  EXPECT_EQ(total_of(as("qingyuan-admin").get("/policies")), 7);  // enterprises 10–14: 2 of A, 5 of B
  EXPECT_EQ(total_of(as("demo-park").get("/policies")), 1);       // enterprise 15: insurer B
  EXPECT_EQ(names_of(as("demo-enterprise").get("/policies"), "policy_number"), Codes{"PICC-WX-2026-1001"});
  EXPECT_EQ(total_of(as("demo-regulator").get("/policies")), 20);
}

TEST_F(PolicyListApi, Filters) {
  auto admin = this->admin();
  EXPECT_EQ(total_of(admin.get("/policies?insurance_type=environmental")), 12);
  EXPECT_EQ(total_of(admin.get("/policies?insurance_type=work_safety")), 8);
  EXPECT_EQ(
      sorted(names_of(admin.get("/policies?enterprise_id=" + std::to_string(demo_id(8))), "policy_number")),
      (Codes{"PAIC-WX-2026-2009", "PICC-WX-2026-1009"}));
  EXPECT_EQ(total_of(as("demo-insurer").get("/policies?enterprise_id=" + std::to_string(demo_id(8)))), 1);
  EXPECT_EQ(total_of(admin.get("/policies?insurer_id=" + std::to_string(org_id(kInsurerB)))), 8);
  EXPECT_EQ(total_of(admin.get("/policies?in_force_on=2026-02-01")), 12);  // B's start in March
  EXPECT_EQ(total_of(admin.get("/policies?in_force_on=2026-06-01")), 20);
  EXPECT_EQ(total_of(admin.get("/policies?in_force_on=2027-01-15")), 8);  // A's ended
  EXPECT_EQ(total_of(admin.get("/policies?in_force_on=2027-03-01")), 0);
  EXPECT_EQ(total_of(admin.get("/policies?ends_before=2027-01-01")), 12);
  EXPECT_EQ(total_of(admin.get("/policies?status=terminated")), 0);
  EXPECT_EQ(total_of(admin.get("/policies?q=PAIC")), 8);
  EXPECT_EQ(names_of(admin.get("/policies?q=" + url("恒达")), "policy_number"), Codes{"PICC-WX-2026-1001"});
  const auto code = admin.get(id_path("enterprises", demo_id(9))).json()["credit_code"].get<std::string>();
  EXPECT_EQ(total_of(admin.get("/policies?q=" + code)), 2);
  EXPECT_EQ(admin.get("/policies?in_force_on=2026-13-01").status, 422);
  EXPECT_EQ(admin.get("/policies?insurance_type=fire").status, 422);
  EXPECT_EQ(admin.get("/policies?limit=500").status, 422);
}

TEST_F(PolicyListApi, SortAndPage) {
  auto admin = this->admin();
  auto by_premium = admin.get("/policies?sort=-premium&limit=4").json();
  EXPECT_EQ(by_premium["total"], 20);
  for (const auto& p : by_premium["items"])
    EXPECT_EQ(p["premium"], 50000.0);  // enterprises 4, 9 (A) and 9, 14 (B)
  auto by_number = names_of(admin.get("/policies?sort=policy_number&limit=200"), "policy_number");
  EXPECT_TRUE(std::is_sorted(by_number.begin(), by_number.end()));
  EXPECT_EQ(by_number.front(), "PAIC-WX-2026-2009");
  EXPECT_EQ(admin.get("/policies?limit=5&offset=18").json()["items"].size(), 2u);
  EXPECT_EQ(admin.get("/policies?sort=premium&limit=1").json()["items"][0]["premium"], 30000.0);
  EXPECT_EQ(admin.get("/policies?sort=premium_fen").status, 422);  // the column name is not the API's
  EXPECT_EQ(admin.get("/policies?sort=insurer").status, 422);
}
