// `riskwatch bench-data` at the tiny scale, on SQLite or PostgreSQL: the generated data keeps the product's
// invariants, checked through the product itself (its credit-code check, its API and its staffing rule).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "archive/archive_lists.hpp"
#include "archive/archive_store.hpp"
#include "benchdata/generator.hpp"
#include "envrisk/substance_catalog.hpp"
#include "forms/form_rules.hpp"
#include "harness.hpp"
#include "inspections/inspection_store.hpp"
#include "inspections/template_store.hpp"
#include "platform/db/database.hpp"
#include "platform/db/migrations.hpp"
#include "registry/uscc.hpp"
#include "services/catalog.hpp"
#include "test_database.hpp"

namespace rw::testing {
namespace {

using json = nlohmann::json;

constexpr const char* kToday = "2026-06-15";
constexpr std::uint64_t kSeed = 7;

benchdata::Summary generate_into(const std::string& url, std::uint64_t seed) {
  auto database = db::Database::open(url, 1);
  db::migrate(*database);
  services::install_shipped_catalog(*database->acquire());
  inspections::install_shipped_templates(*database->acquire());
  envrisk::install_shipped_substance_table(*database->acquire());
  archive::install_shipped_lists(*database->acquire());
  return benchdata::generate(*database, {"tiny", seed, kToday, kDemoPassword});
}

std::string text_of(const db::Value& value) {
  if (const auto* i = std::get_if<std::int64_t>(&value)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&value)) return std::to_string(*d);
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  return "NULL";
}

// Every row of the tables the generator fills (users without the salted password hash), in id order.
std::string dump(const std::string& url) {
  auto database = db::Database::open(url, 1);
  auto lease = database->acquire();
  std::string out;
  // Not the assessments' result, which names when its table was published (before generating).
  const char* const kDumped[] = {
      "SELECT id, org_id, username, display_name, phone FROM users ORDER BY id",
      "SELECT * FROM enterprises ORDER BY id",
      "SELECT * FROM policies ORDER BY id",
      "SELECT * FROM staff ORDER BY id",
      "SELECT * FROM commission_items ORDER BY id",
      "SELECT * FROM service_plans ORDER BY id",
      "SELECT * FROM visits ORDER BY id",
      "SELECT * FROM visit_team ORDER BY visit_id, staff_id",
      "SELECT * FROM deadlines ORDER BY id",
      "SELECT * FROM notifications ORDER BY id",
      "SELECT * FROM status_events ORDER BY id",
      "SELECT * FROM audit_log ORDER BY id",
      "SELECT * FROM inspections ORDER BY id",
      "SELECT * FROM inspection_answers ORDER BY inspection_id, item_id",
      "SELECT * FROM inspection_findings ORDER BY id",
      "SELECT * FROM visit_photo_consents ORDER BY visit_id",
      "SELECT * FROM training_records ORDER BY id",
      "SELECT * FROM hazards ORDER BY id",
      "SELECT * FROM hazard_escalations ORDER BY id",
      "SELECT * FROM hazard_progress ORDER BY id",
      "SELECT * FROM hazard_rechecks ORDER BY visit_id, hazard_id",
      "SELECT * FROM archive_events ORDER BY id",
      "SELECT * FROM archive_item_states ORDER BY enterprise_id, list_code, item_code",
      "SELECT * FROM notices ORDER BY id",
      "SELECT * FROM notice_hazards ORDER BY notice_id, hazard_id",
      "SELECT id, enterprise_id, org_id, status, level, label, inputs, assessed_on, created_by, created_at, "
      "reviewed_by, reviewed_at FROM env_risk_assessments ORDER BY id",
  };
  for (const char* sql : kDumped) {
    const auto rows = lease->query(sql);
    for (const auto& row : rows.values) {
      for (const auto& value : row) out += text_of(value) + "|";
      out += "\n";
    }
  }
  return out;
}

class BenchDataApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // The clock is the data's today; the daily sweep is left out, since the generator already ran it.
    server_ = std::make_unique<ServerProcess>(
        ServerConfig{{"--job-interval-seconds", "0"}, false, std::string(kToday) + "T02:00:00Z"});
    summary_ = generate_into(server_->db_url(), kSeed);
    database_ = db::Database::open(server_->db_url(), 1);
  }
  static void TearDownTestSuite() {
    database_.reset();
    server_.reset();
  }

  static db::Rows query(const std::string& sql, const db::Params& params = {}) {
    return database_->acquire()->query(sql, params);
  }
  static std::int64_t count(const std::string& sql, const db::Params& params = {}) {
    return query("SELECT COUNT(*) AS n FROM " + sql, params)[0].integer("n");
  }
  static std::int64_t org_of(const std::string& username) {
    return query("SELECT org_id FROM users WHERE username = ?", {username})[0].integer("org_id");
  }
  static Client as(const std::string& username) { return client_for(server_->port(), username); }
  static std::int64_t total_of(const HttpResult& list) {
    EXPECT_EQ(list.status, 200) << list.body;
    return list.json()["total"].get<std::int64_t>();
  }

  static inline std::unique_ptr<ServerProcess> server_;
  static inline benchdata::Summary summary_;
  static inline std::unique_ptr<db::Database> database_;
};

TEST_F(BenchDataApi, WritesTheScaleAskedForAndEveryTable) {
  EXPECT_EQ(summary_.rows.at("enterprises"), 240);
  EXPECT_EQ(summary_.rows.at("visits"), 720);
  EXPECT_EQ(count("enterprises"), 240);
  EXPECT_EQ(count("visits"), 720);
  ASSERT_EQ(summary_.rows.size(), 40u);
  for (const auto& [table, rows] : summary_.rows) EXPECT_GT(rows, 0) << table;
  // About 1.3 policies per enterprise; every status of each status machine occurs.
  EXPECT_GT(count("policies"), 240 * 12 / 10);
  EXPECT_LT(count("policies"), 240 * 15 / 10);
  for (const char* status :
       {"pending", "accepted", "declined", "cancel_requested", "cancelled", "withdrawn", "completed"})
    EXPECT_GT(count("commission_items WHERE status = ?", {std::string(status)}), 0) << status;
  for (const char* status : {"planned", "confirmed", "in_progress", "done", "could_not_enter", "cancelled"})
    EXPECT_GT(count("visits WHERE status = ?", {std::string(status)}), 0) << status;
  for (const char* status : {"draft", "proposed", "agreed", "returned"})
    EXPECT_GT(count("service_plans WHERE status = ?", {std::string(status)}), 0) << status;
  EXPECT_GT(count("deadlines WHERE status = 'open' AND overdue = 1"), 0);
  // Regions: the province, 无锡市, two of its districts and their generated streets.
  EXPECT_EQ(count("regions WHERE level = 'province' AND name = '江苏省'"), 1);
  EXPECT_EQ(count("regions WHERE level = 'city'"), 1);
  EXPECT_EQ(count("regions WHERE level = 'district'"), 2);
}

// demo-enterprise's agency listed its work-safety risks on a visit: activities and equipment, each graded in
// a JHA or SCL row whose score is L × S (or L × E × C) of its own factors, and every record in the audit.
TEST_F(BenchDataApi, TheDemoEnterprisesAgencyListedAndGradedItsWorkSafetyRisks) {
  const auto own = as("demo-enterprise").get("/enterprises").json()["items"][0]["id"].get<std::int64_t>();
  const auto risks = as("demo-agency").get("/enterprises/" + std::to_string(own) + "/safety-risk");
  ASSERT_EQ(risks.status, 200) << risks.body;
  const auto view = risks.json();
  EXPECT_GE(view["activities"].size(), 3u);
  EXPECT_GE(view["equipment"].size(), 3u);
  ASSERT_EQ(view["assessments"].size(), view["activities"].size() + view["equipment"].size());
  const std::set<std::string> levels = {"low", "general", "large", "major"};
  for (const auto& a : view["assessments"]) {
    const double factors = a["scoring"] == "ls"
                               ? a["l"].get<double>() * a["s"].get<double>()
                               : a["l"].get<double>() * a["e"].get<double>() * a["c"].get<double>();
    EXPECT_NEAR(a["score"].get<double>(), factors, 1e-9) << a.dump();
    EXPECT_TRUE(levels.count(a["level"].get<std::string>())) << a.dump();
  }
  EXPECT_EQ(
      count("audit_log WHERE entity LIKE 'safety_risk_%' AND action = 'create' AND entity_id IN (SELECT "
            "CAST(id AS TEXT) FROM safety_risk_records WHERE enterprise_id = ?)",
            {own}),
      static_cast<std::int64_t>(view["activities"].size() * 2 + view["equipment"].size() * 2));
}

// Schema objects by name, with their definitions: what `sqlite` or `postgres` lists (columns name and sql).
std::map<std::string, std::string> schema_objects(db::Connection& db, const char* sqlite,
                                                  const char* postgres) {
  const auto rows = db.query(db.dialect() == db::Dialect::sqlite ? sqlite : postgres);
  std::map<std::string, std::string> out;
  for (std::size_t i = 0; i < rows.size(); ++i) out[rows[i].text("name")] = rows[i].text("sql");
  return out;
}

// The same objects of a freshly migrated database.
std::map<std::string, std::string> migrated_schema_objects(const char* sqlite, const char* postgres) {
  auto migrated = db::Database::open(fresh_database_url(), 1);
  db::migrate(*migrated);
  return schema_objects(*migrated->acquire(), sqlite, postgres);
}

// The generator drops the indexes of its largest tables while it fills them and builds them at the end: the
// generated database has every index the migrations made, defined as they defined it.
TEST_F(BenchDataApi, LeavesEveryIndexAsTheMigrationsMadeIt) {
  constexpr const char* kSqlite = "SELECT name, sql FROM sqlite_master WHERE type = 'index'";
  constexpr const char* kPostgres =
      "SELECT indexname AS name, indexdef AS sql FROM pg_indexes WHERE schemaname = current_schema()";
  const auto expected = migrated_schema_objects(kSqlite, kPostgres);
  // Indexes of tables the generator defers (V001's and V018's), one of them unique.
  ASSERT_TRUE(expected.contains("audit_log_entity"));
  ASSERT_TRUE(expected.contains("hazards_enterprise"));
  ASSERT_TRUE(expected.contains("hazards_finding"));
  EXPECT_EQ(schema_objects(*database_->acquire(), kSqlite, kPostgres), expected);
}

// PostgreSQL's survey triggers are off while the stages write (DeferredSurveys): each is on again after.
TEST_F(BenchDataApi, LeavesEveryTriggerOn) {
  constexpr const char* kSqlite = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'";
  constexpr const char* kPostgres =
      "SELECT tgname AS name, '' AS sql FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'D'";
  const auto expected = migrated_schema_objects(kSqlite, kPostgres);
  ASSERT_TRUE(std::any_of(expected.begin(), expected.end(),
                          [](const auto& trigger) { return trigger.first.starts_with("visits_survey"); }));
  EXPECT_EQ(schema_objects(*database_->acquire(), kSqlite, kPostgres), expected);
}

TEST_F(BenchDataApi, EveryCreditCodePassesTheCheck) {
  const auto rows = query("SELECT credit_code FROM enterprises");
  ASSERT_EQ(rows.size(), 240u);
  for (std::size_t i = 0; i < rows.size(); ++i)
    EXPECT_TRUE(registry::valid_uscc(rows[i].text("credit_code"))) << rows[i].text("credit_code");
  EXPECT_EQ(count("(SELECT DISTINCT credit_code FROM enterprises) c"), 240);
}

TEST_F(BenchDataApi, DemoLoginsSignInAsTheirParties) {
  const auto insurer = org_of("demo-insurer");
  const auto insured = count(
      "enterprises e WHERE e.archived = 0 AND (e.created_by_org_id = ? OR EXISTS (SELECT 1 FROM policies p "
      "WHERE "
      "p.enterprise_id = e.id AND p.insurer_org_id = ?))",
      {insurer, insurer});
  EXPECT_GT(insured, 40);  // PICC holds about a third of the policies
  EXPECT_EQ(total_of(as("demo-insurer").get("/enterprises?limit=5")), insured);
  // The regulator over the city sees every live enterprise; the enterprise itself only.
  EXPECT_EQ(total_of(as("demo-regulator").get("/enterprises?limit=5")),
            count("enterprises WHERE archived = 0"));
  EXPECT_EQ(total_of(as("demo-enterprise").get("/enterprises")), 1);
  const auto agency = org_of("demo-agency");
  EXPECT_EQ(total_of(as("demo-agency").get("/visits?limit=5")),
            count("visits WHERE agency_org_id = ?", {agency}));
  EXPECT_GT(total_of(as("demo-expert").get("/visits?mine=true&limit=5")), 0);
  for (const char* username : {"demo-admin", "demo-viewer", "demo-technician", "demo-expert2",
                               "qingyuan-admin", "demo-park", "qingyuan-expert"})
    EXPECT_NO_THROW(as(username)) << username;
}

// Organizations' systems subscribe to every transition (25 at province scale), so a step in the
// benchmarks tells those that see its object, as a step in a live province would.
TEST_F(BenchDataApi, SubscribedOrganizationsHearOfTheStepsOfWhatTheySee) {
  const auto agency = org_of("demo-agency"), insurer = org_of("demo-insurer");
  const auto insurer_head = query("SELECT parent_id FROM organizations WHERE id = ?", {insurer})[0];
  ASSERT_FALSE(insurer_head.is_null("parent_id"));
  EXPECT_GT(count("webhook_subscriptions WHERE active = 1"), 3);
  EXPECT_EQ(total_of(as("demo-agency").get("/webhooks")), 1);  // its admin manages it

  const auto item = query(
      "SELECT id FROM commission_items WHERE status = 'pending' AND agency_org_id = ? AND insurer_org_id = ? "
      "ORDER BY id LIMIT 1",
      {agency, insurer});
  ASSERT_EQ(item.size(), 1u);
  const auto id = item[0].integer("id");
  const auto step =
      as("demo-agency")
          .post("/commission-items/" + std::to_string(id) + "/request-cancel", {{"reason", "企业信息有误"}});
  ASSERT_EQ(step.status, 200) << step.body;
  const auto told = query(
      "SELECT ws.org_id FROM webhook_deliveries d JOIN webhook_subscriptions ws ON ws.id = d.subscription_id "
      "JOIN webhook_events ev ON ev.id = d.event_id WHERE ev.object_type = 'commission_item' AND "
      "ev.object_id = ? AND ev.action = 'request_cancel' ORDER BY ws.org_id",
      {id});
  auto expected = std::vector<std::int64_t>{agency, insurer, insurer_head.integer("parent_id")};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(told.integers("org_id"), expected);
}

// The generator writes commission items without their parties; V057's trigger gives each its commission's,
// and refuses to move an item to another commission, which would leave it with the old one's parties.
TEST_F(BenchDataApi, EveryCommissionItemCarriesItsCommissionsParties) {
  ASSERT_GT(count("commission_items"), 0);
  EXPECT_EQ(
      count("commission_items ci JOIN commissions c ON c.id = ci.commission_id WHERE ci.insurer_org_id IS "
            "DISTINCT FROM c.insurer_org_id OR ci.agency_org_id IS DISTINCT FROM c.agency_org_id"),
      0);
  const auto two = query(
      "SELECT c.id FROM commissions c WHERE EXISTS (SELECT 1 FROM commission_items ci WHERE "
      "ci.commission_id = c.id) ORDER BY c.id LIMIT 2");
  ASSERT_EQ(two.size(), 2u);
  EXPECT_ANY_THROW(
      database_->acquire()->execute("UPDATE commission_items SET commission_id = ? WHERE commission_id = ?",
                                    {two[1].integer("id"), two[0].integer("id")}));
  EXPECT_EQ(count("commission_items WHERE commission_id = ?", {two[0].integer("id")}),
            count("commission_items ci JOIN commissions c ON c.id = ci.commission_id WHERE c.id = ? AND "
                  "ci.insurer_org_id = c.insurer_org_id",
                  {two[0].integer("id")}));
}

TEST_F(BenchDataApi, EveryVisitIsOfAnEnterpriseItsAgencyServes) {
  EXPECT_EQ(
      count("visits v WHERE NOT EXISTS (SELECT 1 FROM commission_items ci JOIN commissions c ON c.id = "
            "ci.commission_id WHERE ci.enterprise_id = v.enterprise_id AND c.agency_org_id = v.agency_org_id "
            "AND ci.status IN ('accepted', 'completed'))"),
      0);
  // A completed commission was served by a done visit that day; an accepted one by none yet.
  EXPECT_EQ(
      count("commission_items ci WHERE ci.status = 'completed' AND NOT EXISTS (SELECT 1 FROM visits v WHERE "
            "v.commission_item_id = ci.id AND v.status = 'done' AND v.done_on = ci.completed_on)"),
      0);
  EXPECT_EQ(
      count(
          "commission_items ci JOIN commissions c ON c.id = ci.commission_id WHERE ci.status = 'accepted' "
          "AND EXISTS (SELECT 1 FROM visits v WHERE v.enterprise_id = ci.enterprise_id AND v.agency_org_id = "
          "c.agency_org_id AND v.status = 'done')"),
      0);
  // Visits beyond the commission follow a plan the enterprise agreed, with the plan's service types.
  EXPECT_EQ(
      count(
          "visit_service_types t JOIN visits v ON v.id = t.visit_id WHERE v.plan_id IS NOT NULL AND NOT "
          "EXISTS (SELECT 1 FROM service_plans p JOIN service_plan_items i ON i.plan_id = p.id WHERE p.id = "
          "v.plan_id AND p.status = 'agreed' AND i.service_type_version_id = t.service_type_version_id)"),
      0);
  EXPECT_EQ(count("commission_items WHERE status = 'accepted'"),
            count("deadlines WHERE kind = 'commission_on_site' AND status = 'open'"));
}

// A policy's yearly survey is the first done visit in its period with a yearly-survey service type of its own
// insurance; the triggers that keep it (V044) ran as the generator wrote visits and their service types.
TEST_F(BenchDataApi, PoliciesKeepTheDayOfTheirYearlySurvey) {
  const std::string first_survey =
      "(SELECT MIN(v.done_on) FROM visits v JOIN visit_service_types t ON t.visit_id = v.id JOIN "
      "service_type_versions s ON s.id = t.service_type_version_id WHERE v.enterprise_id = p.enterprise_id "
      "AND "
      "v.status = 'done' AND s.annual_survey = 1 AND s.insurance_type = p.insurance_type AND v.done_on >= "
      "p.starts_on AND v.done_on <= p.ends_on)";
  EXPECT_GT(count("policies p WHERE p.surveyed_on IS NOT NULL"), 0);
  EXPECT_GT(count("policies p WHERE p.surveyed_on IS NULL"), 0);
  EXPECT_EQ(count("policies p WHERE COALESCE(p.surveyed_on, '') <> COALESCE(" + first_survey + ", '')"), 0);
  // The insurer's survey gaps are its policies in force today without one.
  const auto gaps = count(
      "policies p WHERE p.insurer_org_id = ? AND p.status = 'active' AND p.starts_on <= ? "
      "AND p.ends_on >= ? AND " +
          first_survey + " IS NULL",
      {org_of("demo-insurer"), kToday, kToday});
  EXPECT_GT(gaps, 0);
  EXPECT_EQ(total_of(as("demo-insurer").get("/survey-gaps")), gaps);
  // Pages of 7 give the whole list's order: by expiry, then the enterprise's name.
  const auto whole = as("demo-insurer").get("/survey-gaps?limit=200").json()["items"];
  ASSERT_EQ(static_cast<std::int64_t>(whole.size()), gaps);
  std::vector<std::int64_t> order, paged;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    order.push_back(whole[i]["policy"]["id"]);
    if (i == 0) continue;
    const auto key = [](const json& g) {
      return std::make_pair(g["policy"]["ends_on"].get<std::string>(),
                            g["enterprise"]["name"].get<std::string>());
    };
    EXPECT_LE(key(whole[i - 1]), key(whole[i])) << i;
  }
  for (std::int64_t offset = 0; offset < gaps; offset += 7) {
    const auto page = as("demo-insurer").get("/survey-gaps?limit=7&offset=" + std::to_string(offset)).json();
    for (const auto& g : page["items"]) paged.push_back(g["policy"]["id"]);
  }
  EXPECT_EQ(paged, order);
}

TEST_F(BenchDataApi, TeamsMeetTheStaffingRuleAndTheAgencyCanScheduleMore) {
  auto agency = as("demo-agency");
  const auto visits = query(
      "SELECT v.id, v.enterprise_id, v.special_request, v.duration_days FROM visits v WHERE v.agency_org_id "
      "= ? "
      "ORDER BY v.id LIMIT 25",
      {org_of("demo-agency")});
  ASSERT_GT(visits.size(), 10u);
  for (std::size_t i = 0; i < visits.size(); ++i) {
    const auto id = visits[i].integer("id");
    json body = {
        {"enterprise_id", visits[i].integer("enterprise_id")},
        {"special_request", visits[i].integer("special_request") == 1},
        {"duration_days", visits[i].integer("duration_days")},
        {"staff_ids",
         query("SELECT staff_id FROM visit_team WHERE visit_id = ? ORDER BY leader DESC, staff_id", {id})
             .integers("staff_id")},
        {"service_type_ids",
         query("SELECT v.type_id FROM visit_service_types t JOIN service_type_versions v ON v.id = "
               "t.service_type_version_id WHERE t.visit_id = ?",
               {id})
             .integers("type_id")}};
    const auto check = agency.post("/visits/team-check", body);
    ASSERT_EQ(check.status, 200) << check.body;
    EXPECT_EQ(check.json()["satisfied"], true) << "visit " << id << ": " << check.body;
  }
  // demo-enterprise agreed its plan for the year: the agency may schedule another of its services.
  const auto plan = query(
      "SELECT p.enterprise_id, v.type_id FROM service_plans p JOIN service_plan_items i ON i.plan_id = p.id "
      "JOIN "
      "service_type_versions v ON v.id = i.service_type_version_id JOIN enterprises e ON e.id = "
      "p.enterprise_id JOIN "
      "users u ON u.org_id = e.org_id WHERE u.username = 'demo-enterprise' AND p.status = 'agreed'");
  ASSERT_FALSE(plan.empty());
  // Three titled people with an expert, as the demo seed has them: enough for any enterprise.
  const auto team =
      query("SELECT id FROM staff WHERE name IN ('陈专家', '周专家', '刘技术') AND org_id = ? ORDER BY id",
            {org_of("demo-agency")})
          .integers("id");
  const auto created = agency.post("/visits", {{"enterprise_id", plan[0].integer("enterprise_id")},
                                               {"service_type_ids", {plan[0].integer("type_id")}},
                                               {"planned_on", "2026-06-18"},
                                               {"staff_ids", team}});
  EXPECT_EQ(created.status, 201) << created.body;
}

TEST_F(BenchDataApi, VisitsThatStartedHaveTheInspectionsTheProductOpens) {
  const auto visits = query("SELECT id, status FROM visits ORDER BY id");
  // The product's own reads, on a connection of their own (query() takes the suite's one).
  auto product_db = db::Database::open(server_->db_url(), 1);
  auto lease = product_db->acquire();
  std::int64_t started = 0;
  for (std::size_t i = 0; i < visits.size(); ++i) {
    const auto id = visits[i].integer("id");
    const auto status = visits[i].text("status");
    auto expected = status == "in_progress" || status == "done" ? inspections::templates_for_visit(*lease, id)
                                                                : std::vector<std::int64_t>{};
    started += !expected.empty();
    EXPECT_EQ(query("SELECT template_id FROM inspections WHERE visit_id = ? ORDER BY id", {id})
                  .integers("template_id"),
              expected)
        << "visit " << id << " (" << status << ")";
  }
  EXPECT_GT(started, 100);
  // A visit in progress: every checklist open and empty, ready to be answered.
  EXPECT_GT(count("inspections i JOIN visits v ON v.id = i.visit_id WHERE v.status = 'in_progress'"), 0);
  EXPECT_EQ(count("inspections i JOIN visits v ON v.id = i.visit_id WHERE v.status = 'in_progress' AND "
                  "(i.status <> 'open' OR EXISTS (SELECT 1 FROM inspection_answers a WHERE a.inspection_id = "
                  "i.id))"),
            0);
  // A done visit: its checklists submitted or signed, photo consent mostly given, some training.
  for (const char* status : {"open", "submitted", "signed"})
    EXPECT_GT(
        count("inspections i JOIN visits v ON v.id = i.visit_id WHERE v.status = 'done' AND i.status = ?",
              {std::string(status)}),
        0)
        << status;
  EXPECT_EQ(count("inspections WHERE status <> 'open' AND (submitted_at IS NULL OR submitted_by IS NULL)"),
            0);
  EXPECT_EQ(count("inspections WHERE status = 'signed' AND (signed_at IS NULL OR signer_name = '')"), 0);
  EXPECT_EQ(count("status_events WHERE object_type = 'inspection' AND action = 'submit'"),
            count("inspections WHERE status <> 'open'"));
  EXPECT_EQ(count("status_events WHERE object_type = 'inspection' AND action = 'sign'"),
            count("inspections WHERE status = 'signed'"));
  EXPECT_GT(count("visit_photo_consents"), count("visits WHERE status = 'done'") / 2);
  EXPECT_EQ(count("visit_photo_consents c JOIN visits v ON v.id = c.visit_id WHERE v.status <> 'done'"), 0);
  EXPECT_GT(count("training_records"), 0);
  EXPECT_GT(count("inspection_findings WHERE grade = 'major'"), 0);
  EXPECT_GT(count("inspection_findings WHERE grade = 'general'"), 0);
  // The agency reads them through the API.
  const auto visit = query(
      "SELECT i.visit_id, COUNT(*) AS n FROM inspections i WHERE i.agency_org_id = ? GROUP BY i.visit_id "
      "ORDER BY i.visit_id LIMIT 1",
      {org_of("demo-agency")});
  ASSERT_EQ(visit.size(), 1u);
  EXPECT_EQ(
      total_of(
          as("demo-agency").get("/inspections?visit_id=" + std::to_string(visit[0].integer("visit_id")))),
      visit[0].integer("n"));
}

TEST_F(BenchDataApi, AnswersAreValidAndMakeTheStoredFindingsAndScore) {
  // The product's own reads, on a connection of their own (query() takes the suite's one).
  auto product_db = db::Database::open(server_->db_url(), 1);
  auto lease = product_db->acquire();
  std::map<std::int64_t, forms::Template> templates;
  const auto template_of = [&](std::int64_t id) -> const forms::Template& {
    if (!templates.count(id)) templates.emplace(id, inspections::find_template(*lease, id)->form);
    return templates.at(id);
  };
  // Every finding names an item of its inspection's template, every answer fits its item.
  const auto findings = query(
      "SELECT f.item_id, i.template_id FROM inspection_findings f JOIN inspections i ON i.id = "
      "f.inspection_id");
  ASSERT_GT(findings.size(), 10u);
  for (std::size_t i = 0; i < findings.size(); ++i)
    EXPECT_NE(template_of(findings[i].integer("template_id")).item(findings[i].text("item_id")), nullptr)
        << findings[i].text("item_id");
  const auto answers = query(
      "SELECT a.item_id, a.value, i.template_id FROM inspection_answers a JOIN inspections i ON i.id = "
      "a.inspection_id");
  ASSERT_GT(answers.size(), 100u);
  for (std::size_t i = 0; i < answers.size(); ++i) {
    const auto* item = template_of(answers[i].integer("template_id")).item(answers[i].text("item_id"));
    ASSERT_NE(item, nullptr) << answers[i].text("item_id");
    EXPECT_FALSE(forms::check_answer(*item, json::parse(answers[i].text("value"))).has_value())
        << item->id << ": " << answers[i].text("value");
  }
  // For a few submitted checklists with findings, the template read from its JSON and the stored answers
  // give exactly the stored findings, in order, and the score, with nothing left to answer.
  const auto submitted = query(
      "SELECT i.id FROM inspections i WHERE i.status <> 'open' AND EXISTS (SELECT 1 FROM inspection_findings "
      "f WHERE f.inspection_id = i.id) ORDER BY i.id LIMIT 3");
  ASSERT_EQ(submitted.size(), 3u);
  for (const auto id : submitted.integers("id")) {
    const auto row = *inspections::inspection_row(*lease, id);
    const auto body =
        query("SELECT body FROM checklist_templates WHERE id = ?", {row.integer("template_id")});
    const auto form = forms::parse_template(json::parse(body[0].text("body")));
    forms::Answers given;
    for (const auto& [item, answer] : inspections::answers_of(*lease, id)) given[item] = answer.answer;
    const auto facts = inspections::enterprise_facts(row);
    EXPECT_TRUE(forms::submission_gaps(form, given, facts).empty()) << "inspection " << id;
    std::vector<std::string> expected, stored;
    for (const auto& f : forms::raised_findings(form, given, facts))
      expected.push_back(f.item_id + "|" + f.option_value + "|" + f.finding.grade + "|" +
                         f.finding.description);
    const auto rows = inspections::findings_of(*lease, id);
    for (std::size_t i = 0; i < rows.size(); ++i)
      stored.push_back(rows[i].text("item_id") + "|" + rows[i].text("option_value") + "|" +
                       rows[i].text("grade") + "|" + rows[i].text("description"));
    EXPECT_FALSE(expected.empty());
    EXPECT_EQ(stored, expected) << "inspection " << id;
    const auto score = forms::score(form, given, facts);
    EXPECT_EQ(row.is_null("score"), !score.has_value());
    if (score) EXPECT_DOUBLE_EQ(row.real("score"), score->total);
  }
}

// The hazards of the done visits: one per finding of the visit's own checklists and more by hand, every
// status of the life cycle, escalations only of open hazards past due, and the agency lists exactly its own.
TEST_F(BenchDataApi, HazardsFollowTheirVisitsFindingsAndLifeCycle) {
  EXPECT_EQ(
      count("inspection_findings f WHERE f.inspection_id IN (SELECT i.id FROM inspections i JOIN visits v ON "
            "v.id = i.visit_id WHERE v.status = 'done') AND NOT EXISTS (SELECT 1 FROM hazards h WHERE "
            "h.finding_id = f.id)"),
      0);
  EXPECT_EQ(count("hazards h JOIN inspections i ON i.id = h.inspection_id WHERE i.visit_id <> h.visit_id"),
            0);
  EXPECT_EQ(count("hazards h JOIN visits v ON v.id = h.visit_id WHERE v.status <> 'done'"), 0);
  for (const char* status :
       {"found", "notified", "plan_submitted", "rectifying", "evidence_submitted", "verified_closed"})
    EXPECT_GT(count("hazards WHERE status = ?", {std::string(status)}), 0) << status;
  EXPECT_EQ(count("hazards WHERE status <> 'found' AND due_on IS NULL"), 0);
  EXPECT_EQ(count("hazards WHERE status = 'verified_closed' AND accepted_on IS NULL"), 0);
  EXPECT_GT(count("hazard_escalations"), 0);
  EXPECT_EQ(
      count("hazard_escalations x JOIN hazards h ON h.id = x.hazard_id WHERE h.status = 'verified_closed' "
            "OR h.due_on >= ? OR h.escalated_on IS NULL",
            {std::string(kToday)}),
      0);
  const auto agency = as("demo-agency");
  const auto own = count("hazards WHERE agency_org_id = ?", {agency.org_id()});
  EXPECT_GT(own, 0);
  EXPECT_EQ(agency.get("/hazards?limit=5").json()["total"].get<std::int64_t>(), own);
}

// The rectification around the hazards: the enterprise's progress notes while it rectified, and the later
// visits' re-checks as hazard_recheck.cpp makes them, each result with its consequence on the hazard.
TEST_F(BenchDataApi, HazardsHaveTheirProgressNotesAndTheLaterVisitsRechecks) {
  ASSERT_GT(count("hazard_progress"), 0);
  // Noted by the enterprise's own user, on a hazard that got to 整改中, after it was found and before it was
  // closed; each note is in the hazard's history.
  EXPECT_EQ(
      count("hazard_progress p JOIN hazards h ON h.id = p.hazard_id JOIN enterprises e ON e.id = "
            "h.enterprise_id JOIN users u ON u.id = p.created_by WHERE u.org_id IS DISTINCT FROM e.org_id OR "
            "h.status NOT IN ('rectifying', 'evidence_submitted', 'verified_closed') OR "
            "substr(p.created_at, 1, 10) < h.found_on OR (h.accepted_on IS NOT NULL AND "
            "substr(p.created_at, 1, 10) > h.accepted_on)"),
      0);
  EXPECT_EQ(
      count("hazard_progress p WHERE NOT EXISTS (SELECT 1 FROM status_events s WHERE s.object_type = "
            "'hazard' AND s.object_id = p.hazard_id AND s.action = 'add_progress' AND s.reason = p.note AND "
            "s.at = p.created_at)"),
      0);
  // Each re-check is of a hazard another, earlier or same-day, visit of its enterprise found, on a visit that
  // started, and the rule only lists hazards once the enterprise had a 重大 one.
  ASSERT_GT(count("hazard_rechecks"), 0);
  EXPECT_EQ(
      count("hazard_rechecks r JOIN hazards h ON h.id = r.hazard_id JOIN visits v ON v.id = r.visit_id "
            "JOIN visits f ON f.id = h.visit_id WHERE v.enterprise_id <> h.enterprise_id OR v.id = f.id OR "
            "v.planned_on < f.planned_on OR v.status NOT IN ('in_progress', 'done') OR NOT EXISTS (SELECT 1 "
            "FROM hazards m JOIN visits mv ON mv.id = m.visit_id WHERE m.enterprise_id = h.enterprise_id "
            "AND m.grade = 'major' AND m.visit_id <> v.id AND mv.planned_on <= v.planned_on)"),
      0);
  // A result once the visit is done, none while it runs.
  EXPECT_EQ(
      count("hazard_rechecks r JOIN visits v ON v.id = r.visit_id WHERE (r.result IS NULL) <> (v.status = "
            "'in_progress') OR (r.result IS NULL) <> (r.checked_at IS NULL)"),
      0);
  // 已整改到位 closed the hazard on that visit; 未整改到位 left it open then, and it is in the history.
  ASSERT_GT(count("hazard_rechecks WHERE result = 'rectified'"), 0);
  ASSERT_GT(count("hazard_rechecks WHERE result = 'not_rectified'"), 0);
  EXPECT_EQ(
      count(
          "hazard_rechecks r JOIN hazards h ON h.id = r.hazard_id JOIN visits v ON v.id = r.visit_id "
          "WHERE r.result = 'rectified' AND (h.status <> 'verified_closed' OR h.accepted_on <> v.planned_on "
          "OR h.acceptance_result <> '第 ' || v.id || ' 次服务复查：已整改到位')"),
      0);
  EXPECT_EQ(
      count("hazard_rechecks r JOIN hazards h ON h.id = r.hazard_id JOIN visits v ON v.id = r.visit_id "
            "WHERE r.result = 'not_rectified' AND (h.accepted_on <= v.planned_on OR NOT EXISTS (SELECT 1 "
            "FROM status_events s WHERE s.object_type = 'hazard' AND s.object_id = h.id AND s.action = "
            "'carry_over' AND s.reason = '第 ' || v.id || ' 次服务复查：未整改到位'))"),
      0);
  // The agency reads both on the hazard's page.
  const auto agency = as("demo-agency");
  const auto noted = query(
      "SELECT h.id, (SELECT COUNT(*) FROM hazard_progress p WHERE p.hazard_id = h.id) AS n "
      "FROM hazards h WHERE h.agency_org_id = ? AND EXISTS (SELECT 1 FROM hazard_progress p "
      "WHERE p.hazard_id = h.id) ORDER BY h.id LIMIT 1",
      {agency.org_id()});
  ASSERT_EQ(noted.size(), 1u);
  const auto page = agency.get("/hazards/" + std::to_string(noted[0].integer("id")));
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(static_cast<std::int64_t>(page.json()["progress"].size()), noted[0].integer("n"));
  const auto checked = query(
      "SELECT r.visit_id, COUNT(*) AS n FROM hazard_rechecks r JOIN visits v ON v.id = "
      "r.visit_id WHERE v.agency_org_id = ? GROUP BY r.visit_id ORDER BY r.visit_id LIMIT 1",
      {agency.org_id()});
  ASSERT_EQ(checked.size(), 1u);
  const auto visit = agency.get("/visits/" + std::to_string(checked[0].integer("visit_id")) + "/hazards");
  ASSERT_EQ(visit.status, 200) << visit.body;
  EXPECT_EQ(static_cast<std::int64_t>(visit.json()["rechecks"].size()), checked[0].integer("n"));
}

// 一企一档: the states enterprises recorded are entries of one hash chain that the product's own verification
// walks to the end, and each item's row is what its last entry says.
TEST_F(BenchDataApi, TheArchiveStatesAreAChainTheProductVerifies) {
  const auto entries = count("archive_events");
  ASSERT_GT(entries, 0);
  ASSERT_GT(count("archive_item_states"), 0);
  EXPECT_EQ(
      count("archive_item_states s WHERE NOT EXISTS (SELECT 1 FROM archive_events a WHERE a.enterprise_id = "
            "s.enterprise_id AND a.item_code = s.item_code AND a.at = s.updated_at AND a.actor_id = "
            "s.updated_by)"),
      0);
  // Recorded by the enterprise's own user on the list of the organization that registered it; paper copies
  // only on xuzhou E.1, a 否 or a 不适用 with its reason.
  EXPECT_EQ(
      count("archive_item_states s JOIN enterprises e ON e.id = s.enterprise_id JOIN organizations o ON o.id "
            "= e.created_by_org_id LEFT JOIN archive_settings x ON x.org_id = o.id WHERE s.list_code <> "
            "COALESCE(x.list_code, CASE o.type WHEN 'insurer' THEN 'wuxi_att3' WHEN 'park' THEN 'guilin_e1' "
            "ELSE 'xuzhou_e1' END)"),
      0);
  EXPECT_EQ(
      count("archive_item_states s JOIN enterprises e ON e.id = s.enterprise_id JOIN users u ON u.id = "
            "s.updated_by WHERE u.org_id IS DISTINCT FROM e.org_id OR (s.paper_on_file IS NOT NULL AND "
            "s.list_code <> 'xuzhou_e1') OR (s.paper_on_file = 0 AND s.paper_reason = '') OR (s.applicable = "
            "0 AND s.electronic_reason = '')"),
      0);
  EXPECT_GT(count("archive_item_states WHERE paper_on_file = 0"), 0);
  EXPECT_GT(count("archive_item_states WHERE applicable = 0"), 0);
  const auto verified = as("demo-admin").get("/archive/verify");
  ASSERT_EQ(verified.status, 200) << verified.body;
  EXPECT_TRUE(verified.json()["ok"].get<bool>()) << verified.body;
  EXPECT_EQ(verified.json()["entries"].get<std::int64_t>(), entries);
  EXPECT_EQ(verified.json()["states"].get<std::int64_t>(), count("archive_item_states"));
  // Verification reads the states a page at a time, in key order, each page after the last row of the one
  // before.
  std::int64_t paged = 0;
  std::optional<db::Row> last;
  for (auto lease = database_->acquire();;) {
    const auto rows = archive::item_states_after(*lease, last, 7);
    ASSERT_LE(rows.size(), 7u);
    paged += static_cast<std::int64_t>(rows.size());
    if (rows.size() < 7) break;
    const auto next = rows[rows.size() - 1];
    if (last)
      EXPECT_LT(
          std::tuple(last->integer("enterprise_id"), last->text("list_code"), last->text("item_code")),
          std::tuple(rows[0].integer("enterprise_id"), rows[0].text("list_code"), rows[0].text("item_code")));
    last = next;
  }
  EXPECT_EQ(paged, count("archive_item_states"));
  // A state changed by SQL no longer matches the last entry that recorded it.
  const auto altered = query(
      "SELECT enterprise_id, item_code, paper_reason FROM archive_item_states ORDER BY "
      "enterprise_id DESC, item_code DESC LIMIT 1")[0];
  const db::Params key{altered.integer("enterprise_id"), altered.text("item_code")};
  database_->acquire()->execute(
      "UPDATE archive_item_states SET paper_reason = 'x' WHERE enterprise_id = ? AND item_code = ?", key);
  const auto caught = as("demo-admin").get("/archive/verify").json();
  database_->acquire()->execute(
      "UPDATE archive_item_states SET paper_reason = ? WHERE enterprise_id = ? AND item_code = ?",
      {altered.text("paper_reason"), altered.integer("enterprise_id"), altered.text("item_code")});
  EXPECT_FALSE(caught["ok"].get<bool>());
  EXPECT_EQ(caught["broken"]["reason"], "state_altered");
  EXPECT_EQ(caught["broken"]["item_code"], altered.text("item_code"));
  EXPECT_TRUE(as("demo-admin").get("/archive/verify").json()["ok"].get<bool>());
  // The enterprise's page shows what was recorded.
  const auto state = query(
      "SELECT enterprise_id, item_code, electronic_reason FROM archive_item_states WHERE "
      "applicable = 0 ORDER BY enterprise_id, item_code LIMIT 1")[0];
  const auto page =
      as("demo-admin").get("/enterprises/" + std::to_string(state.integer("enterprise_id")) + "/archive");
  ASSERT_EQ(page.status, 200) << page.body;
  const auto items = page.json()["items"];
  const auto item = std::find_if(items.begin(), items.end(),
                                 [&](const json& i) { return i["code"] == state.text("item_code"); });
  ASSERT_NE(item, items.end());
  EXPECT_FALSE((*item)["applicable"].get<bool>());
  EXPECT_EQ((*item)["electronic_reason"], state.text("electronic_reason"));
}

TEST_F(BenchDataApi, NoticesTellTheVisitsHazardsAndAreNumberedAsTheProductNumbers) {
  ASSERT_GT(count("notices WHERE kind = 'warning' AND status = 'issued'"), 0);
  ASSERT_GT(count("notices WHERE kind = 'reminder' AND status = 'draft'"), 0);
  // A hazard the enterprise was told of is listed on one issued warning of its visit, by the agency that
  // follows it (unless a later visit's agency re-checked it unrectified and took it over); a hazard still
  // found is on none.
  EXPECT_EQ(
      count("hazards h WHERE h.status <> 'found' AND (SELECT COUNT(*) FROM notice_hazards nh JOIN notices "
            "n ON n.id = nh.notice_id WHERE nh.hazard_id = h.id AND n.status = 'issued') <> 1"),
      0);
  EXPECT_EQ(
      count("notice_hazards nh JOIN notices n ON n.id = nh.notice_id JOIN hazards h ON h.id = "
            "nh.hazard_id WHERE h.visit_id <> n.visit_id OR (n.status = 'issued' AND h.status = 'found') "
            "OR (h.agency_org_id <> n.issuer_org_id AND NOT EXISTS (SELECT 1 FROM hazard_rechecks r JOIN "
            "visits rv ON rv.id = r.visit_id WHERE r.hazard_id = h.id AND r.result = 'not_rectified' AND "
            "rv.agency_org_id = h.agency_org_id))"),
      0);
  EXPECT_EQ(count("notice_hazards nh JOIN notices n ON n.id = nh.notice_id WHERE n.kind <> 'warning'"), 0);
  // Issued warnings carry the default pattern's numbers, one sequence per issuer and year, and the counters
  // continue after the last; the other kinds and drafts carry none.
  EXPECT_EQ(
      count("notices WHERE (kind = 'warning' AND status = 'issued') <> (number LIKE '预警〔____〕____号')"),
      0);
  EXPECT_EQ(count("(SELECT issuer_org_id, number FROM notices WHERE number <> '' GROUP BY 1, 2 HAVING "
                  "COUNT(*) > 1) AS twice"),
            0);
  const auto counters = query("SELECT org_id, year, last_sequence FROM notice_number_counters");
  ASSERT_FALSE(counters.empty());
  for (std::size_t i = 0; i < counters.size(); ++i)
    EXPECT_EQ(count("notices WHERE issuer_org_id = ? AND number LIKE ?",
                    {counters[i].integer("org_id"),
                     "预警〔" + std::to_string(counters[i].integer("year")) + "〕%"}),
              counters[i].integer("last_sequence"));
  // The product lists, renders and issues them: the agency sees all of its own, the enterprise only those
  // issued to it.
  const auto agency = as("demo-agency");
  const auto own = count("notices WHERE issuer_org_id = ?", {agency.org_id()});
  ASSERT_GT(own, 0);
  EXPECT_EQ(total_of(agency.get("/notices?limit=5")), own);
  const auto enterprise = as("demo-enterprise");
  const auto issued_to_it = count(
      "notices n JOIN enterprises e ON e.id = n.enterprise_id JOIN users u ON u.org_id = e.org_id WHERE "
      "u.username = 'demo-enterprise' AND n.status = 'issued'");
  EXPECT_EQ(total_of(enterprise.get("/notices?limit=5")), issued_to_it);
  const auto warning = query(
      "SELECT id FROM notices WHERE issuer_org_id = ? AND kind = 'warning' AND status = "
      "'issued' ORDER BY id LIMIT 1",
      {agency.org_id()});
  ASSERT_FALSE(warning.empty());
  const auto pdf =
      agency.get("/notices/" + std::to_string(warning[0].integer("id")) + "/document?format=pdf");
  EXPECT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.header("content-type"), "application/pdf");
  EXPECT_EQ(pdf.body.rfind("%PDF", 0), 0u);
  const auto draft =
      query("SELECT id FROM notices WHERE issuer_org_id = ? AND status = 'draft' ORDER BY id LIMIT 1",
            {agency.org_id()});
  ASSERT_FALSE(draft.empty());
  const auto issued =
      agency.post("/notices/" + std::to_string(draft[0].integer("id")) + "/issue", json::object());
  EXPECT_EQ(issued.status, 200) << issued.body;
  EXPECT_EQ(issued.json()["status"], "issued");
}

TEST_F(BenchDataApi, RiskAssessmentsGradeTheirIndicatorsAndTheRegisterShowsTheLatestReviewed) {
  ASSERT_GT(count("env_risk_assessments WHERE status = 'reviewed'"), 0);
  ASSERT_GT(count("env_risk_assessments WHERE status = 'submitted'"), 0);
  // Each is of a done 环责险风险评估 visit of its agency, on the visit's day, and one per such visit.
  const std::string risk_visits =
      "visits v JOIN visit_service_types vst ON vst.visit_id = v.id JOIN service_type_versions stv ON "
      "stv.id = vst.service_type_version_id JOIN service_types st ON st.id = stv.type_id WHERE v.status = "
      "'done' AND st.code = 'wuxi.screening.risk_assessment'";
  EXPECT_EQ(count("env_risk_assessments"), count(risk_visits));
  EXPECT_EQ(count("env_risk_assessments ra WHERE NOT EXISTS (SELECT 1 FROM " + risk_visits +
                  " AND v.enterprise_id = ra.enterprise_id AND v.agency_org_id = ra.org_id AND v.done_on = "
                  "ra.assessed_on)"),
            0);
  // The stored grade is the product's evaluation of the stored indicators.
  const auto agency = as("demo-agency");
  const auto sample = query("SELECT id, inputs, level, label FROM env_risk_assessments ORDER BY id LIMIT 8");
  ASSERT_FALSE(sample.empty());
  for (std::size_t i = 0; i < sample.size(); ++i) {
    const auto evaluated = agency.post("/env-risk/evaluate", json::parse(sample[i].text("inputs")));
    ASSERT_EQ(evaluated.status, 200) << evaluated.body;
    EXPECT_EQ(evaluated.json()["level_code"], sample[i].text("level"));
    EXPECT_EQ(evaluated.json()["label"], sample[i].text("label"));
  }
  // A reviewed one was reviewed by a user who may review it: the product shows it to that reviewer.
  const auto reviewed = query(
      "SELECT ra.id, u.username FROM env_risk_assessments ra JOIN users u ON u.id = ra.reviewed_by WHERE "
      "ra.status = 'reviewed' ORDER BY ra.id LIMIT 1");
  ASSERT_FALSE(reviewed.empty());
  EXPECT_EQ(as(reviewed[0].text("username"))
                .get("/env-risk-assessments/" + std::to_string(reviewed[0].integer("id")))
                .status,
            200);
  // The register shows each enterprise's latest reviewed assessment, as reviewing one sets it.
  const auto latest = query(
      "SELECT ra.enterprise_id, ra.id, ra.level, ra.label, ra.assessed_on FROM env_risk_assessments ra WHERE "
      "ra.status = 'reviewed' ORDER BY ra.enterprise_id, ra.assessed_on DESC, ra.id DESC");
  std::map<std::int64_t, std::size_t> first_of;
  for (std::size_t i = 0; i < latest.size(); ++i) first_of.try_emplace(latest[i].integer("enterprise_id"), i);
  ASSERT_FALSE(first_of.empty());
  for (const auto& [enterprise, i] : first_of) {
    const auto e =
        query("SELECT risk_level, risk_label, risk_assessed_on, risk_source FROM enterprises WHERE id = ?",
              {enterprise})[0];
    EXPECT_EQ(e.text("risk_level"), latest[i].text("level")) << enterprise;
    EXPECT_EQ(e.text("risk_label"), latest[i].text("label")) << enterprise;
    EXPECT_EQ(e.text("risk_assessed_on"), latest[i].text("assessed_on")) << enterprise;
    EXPECT_EQ(e.text("risk_source"),
              "HJ 941-2018 环境风险评估（评估编号 " + std::to_string(latest[i].integer("id")) + "）")
        << enterprise;
  }
  // The agency lists the assessments it made.
  EXPECT_EQ(total_of(agency.get("/env-risk-assessments?limit=5")),
            count("env_risk_assessments WHERE org_id = ?", {agency.org_id()}));
}

TEST(BenchData, TheSameSeedGivesTheSameRows) {
  const auto first = fresh_database_url(), second = fresh_database_url(), other = fresh_database_url();
  generate_into(first, kSeed);
  generate_into(second, kSeed);
  generate_into(other, kSeed + 1);
  const auto rows = dump(first);
  EXPECT_GT(rows.size(), 100'000u);
  EXPECT_TRUE(rows == dump(second));
  EXPECT_FALSE(rows == dump(other));
  // A database that has users already is refused.
  auto database = db::Database::open(first, 1);
  EXPECT_THROW(benchdata::generate(*database, {"tiny", kSeed, kToday, kDemoPassword}), std::runtime_error);
}

}  // namespace
}  // namespace rw::testing
