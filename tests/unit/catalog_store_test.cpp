// Installing the shipped catalog and reading rules by type and by version, against the real engine
// (SQLite, or PostgreSQL when RISKWATCH_TEST_PG is set).
#include <gtest/gtest.h>

#include "platform/db/migrations.hpp"
#include "services/catalog.hpp"
#include "services/catalog_store.hpp"
#include "test_database.hpp"

using namespace rw;
using namespace rw::services;

class CatalogStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    database = db::Database::open(rw::testing::fresh_database_url(),
                                  2);  // a test may hold a lease while a helper takes another
    db::migrate(*database);
    install_shipped_catalog(*database->acquire());
  }
  std::int64_t count(const std::string& table) {
    return database->acquire()->query("SELECT COUNT(*) AS n FROM " + table)[0].integer("n");
  }
  std::int64_t type_id(const std::string& code) { return *type_with_code(*database->acquire(), code); }
  std::unique_ptr<db::Database> database;
};

TEST_F(CatalogStoreTest, InstallsOnceAndKeepsEdits) {
  EXPECT_EQ(count("service_classes"), 12);
  EXPECT_EQ(count("service_types"), 62);
  EXPECT_EQ(count("service_type_versions"), 62);
  const auto id = type_id("wuxi.training.air");
  {
    auto lease = database->acquire();
    auto rules = current_service_rules(*lease, {id}, "ids")[0];
    rules.upload_working_days = 4;
    add_service_type_version(*lease, id, rules, std::nullopt, "2026-01-01T00:00:00Z");
  }
  install_shipped_catalog(*database->acquire());  // a restart
  EXPECT_EQ(count("service_types"), 62);
  EXPECT_EQ(count("service_type_versions"), 63);
  auto lease = database->acquire();
  const auto current = current_service_rules(*lease, {id}, "ids")[0];
  EXPECT_EQ(current.version, 2);
  EXPECT_EQ(current.upload_working_days, 4);
}

TEST_F(CatalogStoreTest, RulesCarryTheShippedValues) {
  const auto assessment = type_id("wuxi.screening.risk_assessment");
  const auto eia = type_id("xuzhou.eia");
  auto lease = database->acquire();
  const auto rules = current_service_rules(*lease, {assessment}, "ids")[0];
  EXPECT_EQ(rules.version, 1);
  EXPECT_EQ(rules.name_zh, "环责险风险评估");
  EXPECT_EQ(rules.class_code, "wuxi.screening");
  EXPECT_EQ(rules.source, "wuxi");
  EXPECT_EQ(rules.insurance_type, "environmental");
  EXPECT_TRUE(rules.on_site);
  EXPECT_TRUE(rules.annual_survey);
  EXPECT_EQ(rules.upload_working_days, 5);
  EXPECT_EQ(rules.upload_from, "service_end");
  EXPECT_EQ(rules.min_people, 2);
  EXPECT_EQ(rules.min_people_large, 3);
  EXPECT_FALSE(rules.expert_always);
  EXPECT_EQ(rules.deliverables, (std::vector<std::string>{"report", "checklist", "photos",
                                                          "enterprise_signoff", "satisfaction_survey"}));
  EXPECT_TRUE(rules.checklists.empty());
  const auto none = current_service_rules(*lease, {eia}, "ids")[0];
  EXPECT_FALSE(none.upload_working_days.has_value());
  EXPECT_FALSE(none.on_site);
}

TEST_F(CatalogStoreTest, UnknownOrInactiveTypesAreAFieldError) {
  const auto active = type_id("chengdu.training");
  const auto inactive = type_id("chengdu.technology");
  auto lease = database->acquire();
  lease->execute("UPDATE service_types SET active = 0 WHERE id = ?", {inactive});
  try {
    current_service_rules(*lease, {active, inactive, 999999}, "service_type_ids");
    FAIL() << "no error";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.kind, rw::ErrorKind::invalid);
    ASSERT_EQ(e.errors.size(), 1u);
    EXPECT_EQ(e.errors[0].field, "service_type_ids");
    EXPECT_EQ(e.errors[0].code, "unknown_service_type");
    EXPECT_NE(e.errors[0].message.find(std::to_string(inactive) + ", 999999"), std::string::npos)
        << e.errors[0].message;
  }
  EXPECT_TRUE(current_service_rules(*lease, {}, "service_type_ids").empty());
}

TEST_F(CatalogStoreTest, VersionsAreReadInTheOrderGivenAndNeverChange) {
  const auto report = type_id("guilin.annual_report");
  const auto plan = type_id("wuxi.emergency.plan");
  auto lease = database->acquire();
  const auto a = current_service_rules(*lease, {report}, "ids")[0];
  const auto b = current_service_rules(*lease, {plan}, "ids")[0];
  auto changed = b;
  changed.min_people = 3;
  changed.name_zh = "突发环境事件应急预案编制（修订）";
  add_service_type_version(*lease, b.type_id, changed, std::nullopt, "2026-01-01T00:00:00Z");
  const auto read = service_rules_of_versions(*lease, {b.version_id, a.version_id, b.version_id});
  ASSERT_EQ(read.size(), 3u);
  EXPECT_EQ(read[0].name_zh, "突发环境事件应急预案编制");
  EXPECT_EQ(read[0].min_people, 2);
  EXPECT_EQ(read[0].upload_from, "filing_receipt");
  EXPECT_EQ(read[1].code, "guilin.annual_report");
  EXPECT_EQ(read[2].version_id, b.version_id);
  EXPECT_EQ(current_service_rules(*lease, {b.type_id}, "ids")[0].min_people, 3);
  EXPECT_TRUE(service_rules_of_versions(*lease, {}).empty());
  EXPECT_THROW(service_rules_of_versions(*lease, {a.version_id, 999999}), std::out_of_range);
}
