// What the process keeps between requests belongs to one database: two databases with the same ids in one
// process (as tests open them) each get their own reach and service type refs. And a service type ref is kept
// only from a read outside a transaction: a version read in one that rolls back is not kept. Against the real
// engine (SQLite, or PostgreSQL when the test database is one).
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "accounts/actor.hpp"
#include "accounts/scope.hpp"
#include "platform/db/database.hpp"
#include "platform/db/migrations.hpp"
#include "services/catalog.hpp"
#include "services/service_type_ref.hpp"
#include "test_database.hpp"

using namespace rw;

namespace {

struct OpenDatabase {
  OpenDatabase() : database(db::Database::open(rw::testing::fresh_database_url(), 1)) {
    db::migrate(*database);
    lease.emplace(database->acquire());
  }
  db::Connection& c() { return **lease; }
  std::int64_t organization(const std::string& name, std::optional<std::int64_t> parent = std::nullopt) {
    return c()
        .query(
            "INSERT INTO organizations (name, type, parent_id, created_at, updated_at) VALUES (?, 'insurer', "
            "?, "
            "'x', 'x') RETURNING id",
            {name, parent ? db::Value{*parent} : db::Value{}})[0]
        .integer("id");
  }
  std::int64_t version(const std::string& name) {
    const auto type = c().query("SELECT MIN(id) AS id FROM service_types")[0].integer("id");
    return c()
        .query(
            "INSERT INTO service_type_versions (type_id, version, name_zh, insurance_type, on_site, "
            "annual_survey, min_people, min_people_large, expert_always, created_at) "
            "VALUES (?, 99, ?, 'environmental', 1, 0, 2, 3, 0, 'x') RETURNING id",
            {type, name})[0]
        .integer("id");
  }
  std::unique_ptr<db::Database> database;
  std::optional<db::Database::Lease> lease;
};

// A reading request's actor of `org`, under reach generation 7.
accounts::Actor reader_of(std::int64_t org) {
  accounts::Actor actor;
  actor.org_id = org;
  actor.org_type = "insurer";
  actor.reach_generation = 7;
  return actor;
}

TEST(KeptPerDatabase, EachDatabaseHasItsOwnReachUnderOneGeneration) {
  OpenDatabase a, b;
  ASSERT_NE(a.c().database_serial(), b.c().database_serial());
  const auto insurer = a.organization("总公司");
  const auto branch = a.organization("分公司", insurer);
  ASSERT_EQ(b.organization("总公司"), insurer);
  ASSERT_EQ(b.organization("另一家"), branch);  // the same id, not a branch here
  for (auto* database : {&a, &b}) database->c().execute("UPDATE reference_generations SET reach = 7");

  EXPECT_EQ(accounts::reach_of(a.c(), reader_of(insurer)).org_ids,
            (std::vector<std::int64_t>{insurer, branch}));
  EXPECT_EQ(accounts::reach_of(b.c(), reader_of(insurer)).org_ids, (std::vector<std::int64_t>{insurer}));
  EXPECT_EQ(accounts::reach_of(a.c(), reader_of(insurer)).org_ids,
            (std::vector<std::int64_t>{insurer, branch}));
}

// A writing request's actor of `org`, whose session statement read reach generation 7.
accounts::Actor writer_of(std::int64_t org) {
  auto actor = reader_of(org);
  actor.writes = true;
  return actor;
}

std::vector<std::int64_t> reach_ids(db::Connection& db, const accounts::Actor& actor) {
  return accounts::reach_of(db, actor).org_ids;
}

TEST(KeptPerDatabase, AReachAWriteReadAfterItsOwnMoveIsNotKeptWhenItRollsBack) {
  OpenDatabase a;
  const auto insurer = a.organization("总公司");
  const auto other = a.organization("另一家");
  a.c().execute("UPDATE reference_generations SET reach = 7");
  a.c().begin(true);
  a.c().execute("UPDATE organizations SET parent_id = ? WHERE id = ?", {insurer, other});
  EXPECT_EQ(reach_ids(a.c(), writer_of(insurer)), (std::vector<std::int64_t>{insurer, other}));
  a.c().rollback();
  // Kept under 7, the move that never happened would hand the insurer the other company's records.
  EXPECT_EQ(reach_ids(a.c(), reader_of(insurer)), (std::vector<std::int64_t>{insurer}));
}

TEST(KeptPerDatabase, AWriteUsesAndKeepsReachesWhileItsGenerationHasNotMoved) {
  OpenDatabase a;
  const auto insurer = a.organization("总公司");
  a.c().execute("UPDATE reference_generations SET reach = 7");
  ASSERT_EQ(reach_ids(a.c(), writer_of(insurer)), (std::vector<std::int64_t>{insurer}));
  // A branch added behind the generation's back: only what was kept leaves it out.
  const auto branch = a.organization("分公司", insurer);
  a.c().execute("UPDATE reference_generations SET reach = 7");
  EXPECT_EQ(reach_ids(a.c(), reader_of(insurer)), (std::vector<std::int64_t>{insurer}));
  EXPECT_EQ(reach_ids(a.c(), writer_of(insurer)), (std::vector<std::int64_t>{insurer}));
  // Once the number moves, a write whose session read 7 reads afresh.
  a.c().execute("UPDATE reference_generations SET reach = 8");
  EXPECT_EQ(reach_ids(a.c(), writer_of(insurer)), (std::vector<std::int64_t>{insurer, branch}));
}

TEST(KeptPerDatabase, ManyReadersReachesAreKeptAndUsedAsOnesAre) {
  OpenDatabase a;
  const auto insurer = a.organization("总公司");
  const auto other = a.organization("另一家");
  a.c().execute("UPDATE reference_generations SET reach = 7");
  accounts::read_reaches(a.c(), {writer_of(insurer), writer_of(other)});
  a.organization("分公司", insurer);
  a.c().execute("UPDATE reference_generations SET reach = 7");
  const std::vector<accounts::Actor> readers{writer_of(other), writer_of(insurer)};
  accounts::read_reaches(a.c(), readers);
  ASSERT_TRUE(readers[0].reach && readers[1].reach);
  EXPECT_EQ(readers[0].reach->org_ids, (std::vector<std::int64_t>{other}));
  EXPECT_EQ(readers[1].reach->org_ids, (std::vector<std::int64_t>{insurer}));
}

TEST(KeptPerDatabase, EachDatabaseHasItsOwnServiceTypeRefs) {
  OpenDatabase a, b;
  services::install_shipped_catalog(a.c());
  services::install_shipped_catalog(b.c());
  const auto id = a.version("甲库的版本");
  ASSERT_EQ(b.version("乙库的版本"), id);
  EXPECT_EQ(services::service_type_refs(a.c(), {id}).at(0).at("name_zh"), "甲库的版本");
  EXPECT_EQ(services::service_type_refs(b.c(), {id}).at(0).at("name_zh"), "乙库的版本");
  EXPECT_EQ(services::service_type_refs(a.c(), {id}).at(0).at("name_zh"), "甲库的版本");
}

TEST(KeptPerDatabase, AServiceTypeRefReadInATransactionThatRollsBackIsNotKept) {
  OpenDatabase a;
  services::install_shipped_catalog(a.c());
  a.c().begin(true);
  const auto rolled_back = a.version("回滚的版本");
  EXPECT_EQ(services::service_type_refs(a.c(), {rolled_back}).at(0).at("name_zh"), "回滚的版本");
  a.c().rollback();
  const auto committed = a.version("提交的版本");
  // SQLite gives the rolled-back id again (PostgreSQL's sequence does not, and the read is then new anyway).
  if (!rw::testing::using_postgresql()) ASSERT_EQ(committed, rolled_back);
  EXPECT_EQ(services::service_type_refs(a.c(), {committed}).at(0).at("name_zh"), "提交的版本");
}

TEST(KeptPerDatabase, KeptServiceTypeRefsAreNotReadAgain) {
  OpenDatabase a;
  services::install_shipped_catalog(a.c());
  const auto id = a.version("读一次");
  const auto versions = std::vector<std::int64_t>{id, id};
  ASSERT_EQ(services::service_type_refs(a.c(), versions).size(), 2u);
  // Were the refs read again, they would show the row as it now is; versions never change, so this only
  // tells whether the process read it.
  a.c().execute("UPDATE service_type_versions SET name_zh = '改过' WHERE id = ?", {id});
  const auto refs = services::service_type_refs(a.c(), versions);
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].at("name_zh"), "读一次");
  EXPECT_EQ(refs[1].at("version_id"), id);
}

}  // namespace
