// What a server keeps between requests while a generation holds (KeptByGeneration), and V058's triggers that
// move the generations: the reach's when the organization tree, a regulator's regions or the region tree
// change, the calendar's when an uploaded year does. Against the real engine (SQLite, or PostgreSQL when the
// test database is one).
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>

#include "platform/db/database.hpp"
#include "platform/db/migrations.hpp"
#include "platform/kept_by_generation.hpp"
#include "test_database.hpp"

using namespace rw::db;

namespace {

TEST(KeptByGeneration, MakesAgainOnlyWhenTheGenerationMoves) {
  rw::KeptByGeneration<int, std::string> kept(8);
  int made = 0;
  const auto make = [&] { return "made " + std::to_string(++made); };
  EXPECT_EQ(*kept.get(1, 10, make), "made 1");
  EXPECT_EQ(*kept.get(1, 10, make), "made 1");
  EXPECT_EQ(*kept.get(2, 10, make), "made 2");  // another key
  EXPECT_EQ(*kept.get(1, 11, make), "made 3");  // the generation moved
  EXPECT_EQ(*kept.get(1, 11, make), "made 3");
  EXPECT_EQ(*kept.get(1, 10, make), "made 4");  // a request that read the older one is not given the newer
  EXPECT_EQ(made, 4);
}

TEST(KeptByGeneration, ForgetsEverythingWhenFull) {
  rw::KeptByGeneration<int, int> kept(2);
  int made = 0;
  const auto make = [&] { return ++made; };
  EXPECT_EQ(*kept.get(1, 1, make), 1);
  EXPECT_EQ(*kept.get(2, 1, make), 2);
  EXPECT_EQ(*kept.get(2, 1, make), 2);
  EXPECT_EQ(*kept.get(3, 1, make), 3);  // a third key: the first two are dropped
  EXPECT_EQ(*kept.get(1, 1, make), 4);
}

class ReferenceGenerations : public ::testing::Test {
 protected:
  void SetUp() override {
    database = Database::open(rw::testing::fresh_database_url(), 1);
    migrate(*database);
    lease.emplace(database->acquire());
    seen_ = now();
  }
  Connection& c() { return **lease; }
  std::int64_t insert(const std::string& sql, const Params& params) {
    return c().query(sql + " RETURNING id", params)[0].integer("id");
  }
  std::int64_t organization(const std::string& type, std::optional<std::int64_t> parent = std::nullopt) {
    return insert(
        "INSERT INTO organizations (name, type, parent_id, created_at, updated_at) VALUES (?, ?, ?, 'x', "
        "'x')",
        {type, type, parent ? Value{*parent} : Value{}});
  }
  std::int64_t region(const std::string& code, std::optional<std::int64_t> parent = std::nullopt) {
    return insert(
        "INSERT INTO regions (code, name, level, parent_id, created_at, updated_at) "
        "VALUES (?, ?, 'street', ?, 'x', 'x')",
        {code, code, parent ? Value{*parent} : Value{}});
  }
  // Which generations moved since the last call: "reach", "calendar", both or "".
  std::string moved() {
    const auto current = now();
    const auto before = std::exchange(seen_, current);
    std::string out = current.first != before.first ? "reach" : "";
    if (current.second != before.second) out += out.empty() ? "calendar" : " calendar";
    return out;
  }
  std::unique_ptr<Database> database;
  std::optional<Database::Lease> lease;

 private:
  std::pair<std::int64_t, std::int64_t> now() {
    const auto row = c().query("SELECT reach, calendar FROM reference_generations")[0];
    return {row.integer("reach"), row.integer("calendar")};
  }
  std::pair<std::int64_t, std::int64_t> seen_;
};

TEST_F(ReferenceGenerations, TheReachMovesWithTheOrganizationTree) {
  const auto insurer = organization("insurer");
  EXPECT_EQ(moved(), "");  // a new root is nobody's subtree yet
  const auto branch = organization("insurer", insurer);
  EXPECT_EQ(moved(), "reach");
  c().execute("UPDATE organizations SET name = 'renamed' WHERE id = ?", {branch});
  EXPECT_EQ(moved(), "");
  c().execute("UPDATE organizations SET parent_id = NULL WHERE id = ?", {branch});
  EXPECT_EQ(moved(), "reach");
  c().execute("UPDATE organizations SET type = 'agency' WHERE id = ?", {branch});
  EXPECT_EQ(moved(), "reach");
  c().execute("DELETE FROM organizations WHERE id = ?", {branch});
  EXPECT_EQ(moved(), "reach");
}

TEST_F(ReferenceGenerations, TheReachMovesWithARegulatorsRegionsOnly) {
  const auto street = region("320214001");
  const auto other = region("320214002");
  const auto regulator = organization("regulator");
  const auto enterprise = organization("enterprise");
  moved();
  c().execute("INSERT INTO organization_regions (org_id, region_id) VALUES (?, ?)", {enterprise, street});
  c().execute("UPDATE organization_regions SET region_id = ? WHERE org_id = ?", {other, enterprise});
  c().execute("DELETE FROM organization_regions WHERE org_id = ?", {enterprise});
  EXPECT_EQ(moved(), "");  // an enterprise's region is in nobody's reach
  c().execute("INSERT INTO organization_regions (org_id, region_id) VALUES (?, ?)", {regulator, street});
  EXPECT_EQ(moved(), "reach");
  c().execute("UPDATE organization_regions SET region_id = ? WHERE org_id = ?", {other, regulator});
  EXPECT_EQ(moved(), "reach");
  c().execute("DELETE FROM organization_regions WHERE org_id = ?", {regulator});
  EXPECT_EQ(moved(), "reach");
}

TEST_F(ReferenceGenerations, TheReachMovesWithTheRegionTree) {
  const auto city = region("320200");
  EXPECT_EQ(moved(), "");
  const auto district = region("320214", city);
  EXPECT_EQ(moved(), "reach");
  c().execute("UPDATE regions SET name = 'renamed' WHERE id = ?", {district});
  EXPECT_EQ(moved(), "");
  c().execute("UPDATE regions SET parent_id = NULL WHERE id = ?", {district});
  EXPECT_EQ(moved(), "reach");
  c().execute("DELETE FROM regions WHERE id = ?", {district});
  EXPECT_EQ(moved(), "reach");
}

TEST_F(ReferenceGenerations, TheCalendarMovesWithAnUploadedYear) {
  const auto admin = insert(
      "INSERT INTO users (org_id, username, display_name, password_hash, created_at, updated_at) "
      "VALUES (?, 'admin', 'admin', 'x', 'x', 'x')",
      {organization("platform")});
  moved();
  c().execute(
      "INSERT INTO calendar_years (year, arrangement, updated_at, updated_by) VALUES (2027, '{}', 'x', ?)",
      {admin});
  EXPECT_EQ(moved(), "calendar");
  c().execute("UPDATE calendar_years SET arrangement = '{\"notice\": 1}' WHERE year = 2027", {});
  EXPECT_EQ(moved(), "calendar");
  c().execute("DELETE FROM calendar_years WHERE year = 2027", {});
  EXPECT_EQ(moved(), "calendar");
}

}  // namespace
