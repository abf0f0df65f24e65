// Sets of ids a connection keeps between transactions (db::Connection::kept_id_set, SQLite), and the
// generations that tell a kept set when to be found again: V039's of the enterprises' regions (a regulator's
// jurisdiction) and V054's of the organizations' regions (the organizations it locates).
// Against the real engine; on PostgreSQL nothing is kept.
#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "platform/db/database.hpp"
#include "platform/db/migrations.hpp"
#include "test_database.hpp"

using namespace rw::db;

namespace {

using Ids = std::set<std::int64_t>;

constexpr const char* kRegionsCoded = "SELECT id FROM regions WHERE code LIKE ?";

class KeptIdSet : public ::testing::Test {
 protected:
  void SetUp() override {
    database = Database::open(rw::testing::fresh_database_url(), 1);
    migrate(*database);
    lease.emplace(database->acquire());
  }
  Connection& c() { return **lease; }
  bool sqlite() { return c().dialect() == Dialect::sqlite; }
  std::int64_t region(const std::string& code) {
    return c()
        .query(
            "INSERT INTO regions (code, name, level, created_at, updated_at) VALUES (?, ?, 'street', 'x', "
            "'x') RETURNING id",
            {code, code})[0]
        .integer("id");
  }
  Ids ids_in(const std::string& table) {
    Ids out;
    for (auto id : c().query("SELECT id FROM " + table).integers("id")) out.insert(id);
    return out;
  }
  std::int64_t organization(const std::string& name, const std::string& type) {
    return c()
        .query(
            "INSERT INTO organizations (name, type, created_at, updated_at) VALUES (?, ?, 'x', 'x') "
            "RETURNING id",
            {name, type})[0]
        .integer("id");
  }
  // Whether the number in the generation table `table` changed since the last call (the first: since
  // `watch`).
  void watch(const std::string& table) {
    watched_ = table;
    seen_ = generation();
  }
  bool changed() {
    const auto now = generation();
    return now != std::exchange(seen_, now);
  }
  // The regions whose code starts with `prefix`, kept under `key` at `generation`.
  Ids kept(const std::string& key, std::int64_t generation, const std::string& prefix) {
    const auto table = c().kept_id_set(key, generation, kRegionsCoded, {prefix + "%"});
    if (!table) throw std::logic_error("no set kept");
    return ids_in(*table);
  }
  std::unique_ptr<Database> database;
  std::optional<Database::Lease> lease;

 private:
  std::int64_t generation() {
    return c().query("SELECT generation FROM " + watched_)[0].integer("generation");
  }
  std::string watched_;
  std::int64_t seen_ = 0;
};

}  // namespace

TEST_F(KeptIdSet, HoldsWhatItsSelectFoundUntilTheGenerationChanges) {
  if (!sqlite()) {
    EXPECT_FALSE(c().kept_id_set("a", 1, kRegionsCoded, {std::string("9%")}));  // PostgreSQL plans it itself
    return;
  }
  const Ids first{region("901"), region("902"), region("903")};
  EXPECT_EQ(kept("a", 1, "90"), first);
  const auto fourth = region("904");
  EXPECT_EQ(kept("a", 1, "90"), first);  // kept: the caller says nothing changed
  Ids all = first;
  all.insert(fourth);
  EXPECT_EQ(kept("a", 2, "90"), all);
}

// The set and its description are written in the caller's transaction: one that rolls back leaves neither,
// and the next caller finds the set again instead of a table that is gone or holds the older ids.
TEST_F(KeptIdSet, ASetFoundInATransactionThatRollsBackIsFoundAgain) {
  if (!sqlite()) return;
  const Ids first{region("911"), region("912")};
  {
    Transaction t(c(), false);
    EXPECT_EQ(kept("b", 1, "91"), first);
  }  // rolled back
  EXPECT_EQ(kept("b", 1, "91"), first);
  const auto third = region("913");
  const Ids all{*first.begin(), *first.rbegin(), third};
  {
    Transaction t(c(), false);
    EXPECT_EQ(kept("b", 2, "91"), all);
  }  // rolled back: the set of generation 1 is the one kept again
  EXPECT_EQ(kept("b", 2, "91"), all);
}

// More sets than a connection keeps: the least recently used gives way, and each key still holds its own ids.
TEST_F(KeptIdSet, MoreSetsThanAreKeptEachStillHoldsItsOwn) {
  if (!sqlite()) return;
  std::vector<Ids> expected;
  for (int set = 0; set < 7; ++set) {
    const auto prefix = "8" + std::to_string(set);
    expected.push_back({region(prefix + "1"), region(prefix + "2")});
  }
  for (int round = 0; round < 2; ++round)
    for (int set = 6; set >= 0; --set)
      EXPECT_EQ(kept("key " + std::to_string(set), 1, "8" + std::to_string(set)), expected[set]) << set;
}

// V039: the number changes when an enterprise is added, removed or moves region, not when anything else of it
// changes.
TEST_F(KeptIdSet, TheEnterprisesRegionsGenerationChangesWhenAnEnterpriseComesGoesOrMoves) {
  if (!sqlite()) return;  // V039 is SQLite's
  const auto org = organization("监管", "regulator");
  const auto here = region("701"), there = region("702");
  watch("enterprise_regions_generation");
  const auto enterprise =
      c().query(
             "INSERT INTO enterprises (name, credit_code, region_id, created_by_org_id, created_at, "
             "updated_at) VALUES ('甲公司', '91320200MA1X00001A', ?, ?, 'x', 'x') RETURNING id",
             {here, org})[0]
          .integer("id");
  EXPECT_TRUE(changed()) << "added";
  c().execute("UPDATE enterprises SET name = '乙公司', risk_level = 'major' WHERE id = ?", {enterprise});
  EXPECT_FALSE(changed()) << "renamed";
  c().execute("UPDATE enterprises SET region_id = ? WHERE id = ?", {here, enterprise});
  EXPECT_FALSE(changed()) << "set to the same region";
  c().execute("UPDATE enterprises SET region_id = ? WHERE id = ?", {there, enterprise});
  EXPECT_TRUE(changed()) << "moved";
  c().execute("DELETE FROM enterprises WHERE id = ?", {enterprise});
  EXPECT_TRUE(changed()) << "removed";
}

// V054: the number changes when an organization's region is added, removed or changed, not when anything else
// of the organization changes.
TEST_F(KeptIdSet, TheOrganizationsRegionsGenerationChangesWhenAnOrganizationsRegionsDo) {
  if (!sqlite()) return;  // V054 is SQLite's
  watch("organization_regions_generation");
  const auto org = organization("机构", "agency");
  EXPECT_FALSE(changed()) << "an organization without regions";
  const auto here = region("711"), there = region("712");
  c().execute("INSERT INTO organization_regions (org_id, region_id) VALUES (?, ?)", {org, here});
  EXPECT_TRUE(changed()) << "a region added";
  c().execute("UPDATE organizations SET name = '机构乙' WHERE id = ?", {org});
  EXPECT_FALSE(changed()) << "renamed";
  c().execute("UPDATE organization_regions SET region_id = ? WHERE org_id = ?", {here, org});
  EXPECT_FALSE(changed()) << "set to the same region";
  c().execute("UPDATE organization_regions SET region_id = ? WHERE org_id = ?", {there, org});
  EXPECT_TRUE(changed()) << "moved";
  c().execute("DELETE FROM organization_regions WHERE org_id = ?", {org});
  EXPECT_TRUE(changed()) << "removed";
}
