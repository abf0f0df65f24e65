// The access model's SQL against the real engine (SQLite, or PostgreSQL when RISKWATCH_TEST_PG is set):
// access::visible_row_with (a record's row and the reads of its parts answered together, a 404 for a record
// the actor may not see), and the sets of enterprises a list tests as kept between requests.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>

#include "access/visibility.hpp"
#include "accounts/scope.hpp"
#include "platform/db/database.hpp"
#include "platform/db/migrations.hpp"
#include "platform/errors.hpp"
#include "test_database.hpp"

using namespace rw;

namespace {

class AccessSql : public ::testing::Test {
 protected:
  void SetUp() override {
    database = db::Database::open(rw::testing::fresh_database_url(), 1);
    db::migrate(*database);
    lease.emplace(database->acquire());
    conn = &**lease;
    mine = org("甲机构");
    theirs = org("乙机构");
    my_entry = entry(mine, "mine");
    their_entry = entry(theirs, "theirs");
    actor = admin_of(mine, "agency");
  }

  std::int64_t org(const char* name, const char* type = "agency", std::optional<std::int64_t> parent = {}) {
    return conn
        ->query(
            "INSERT INTO organizations (name, type, parent_id, created_at, updated_at) VALUES (?, ?, ?, 'x', "
            "'x') RETURNING id",
            {std::string(name), std::string(type), db::optional_value(parent)})[0]
        .integer("id");
  }
  std::int64_t entry(std::int64_t org_id, const char* action) {
    return conn
        ->query(
            "INSERT INTO audit_log (at, org_id, entity, entity_id, action) VALUES ('x', ?, 'thing', '1', ?) "
            "RETURNING id",
            {org_id, std::string(action)})[0]
        .integer("id");
  }
  static accounts::Actor admin_of(std::int64_t org_id, const char* type) {
    accounts::Actor admin;
    admin.id = 1;
    admin.org_id = org_id;
    admin.org_type = type;
    admin.roles = {"admin"};
    return admin;
  }

  // An audit entry of the actor's organization is the actor's (access::kAuditEntry).
  access::RowWithParts entry_with_parts(std::int64_t id, std::vector<db::Statement> parts) {
    return access::visible_row_with(*conn, actor, access::kAuditEntry,
                                    "SELECT a.id, a.action FROM audit_log a", id, std::move(parts));
  }

  std::unique_ptr<db::Database> database;
  std::optional<db::Database::Lease> lease;
  db::Connection* conn = nullptr;
  accounts::Actor actor;
  std::int64_t mine = 0, theirs = 0, my_entry = 0, their_entry = 0;
};

TEST_F(AccessSql, ARecordsRowAndEachOfItsPartsAreAnsweredInTheOrderAsked) {
  const auto found =
      entry_with_parts(my_entry, {{"SELECT name FROM organizations WHERE id = ?", {theirs}},
                                  {"SELECT id FROM audit_log WHERE org_id = ? ORDER BY id", {mine}},
                                  {"SELECT id FROM organizations WHERE id = ?", {std::int64_t{-1}}}});
  ASSERT_EQ(found.rows.size(), 1u);
  EXPECT_EQ(found.row().integer("id"), my_entry);
  EXPECT_EQ(found.row().text("action"), "mine");
  ASSERT_EQ(found.parts.size(), 3u);
  ASSERT_EQ(found.parts[0].size(), 1u);
  EXPECT_EQ(found.parts[0][0].text("name"), "乙机构");
  EXPECT_EQ(found.parts[1].integers("id"), std::vector<std::int64_t>{my_entry});
  EXPECT_TRUE(found.parts[2].empty());
}

TEST_F(AccessSql, ARecordTheActorMayNotSeeIsNotFoundWhateverItsParts) {
  const auto not_found_kind = [&](std::int64_t id) {
    try {
      entry_with_parts(id, {{"SELECT name FROM organizations WHERE id = ?", {mine}}});
    } catch (const ApiError& e) {
      return e.kind;
    }
    ADD_FAILURE() << "entry " << id << " was answered";
    return ErrorKind::internal;
  };
  EXPECT_EQ(not_found_kind(their_entry), ErrorKind::not_found);
  EXPECT_EQ(not_found_kind(their_entry + 1000), ErrorKind::not_found);
  // The same parts for the actor's own entry are answered: the 404 was the access test's.
  EXPECT_EQ(entry_with_parts(my_entry, {{"SELECT name FROM organizations WHERE id = ?", {mine}}})
                .parts[0][0]
                .text("name"),
            "甲机构");
}

TEST_F(AccessSql, ARecordWithNoPartsIsItsRowAlone) {
  const auto found = entry_with_parts(my_entry, {});
  EXPECT_EQ(found.row().text("action"), "mine");
  EXPECT_TRUE(found.parts.empty());
}

// An insurer's notices are those of the enterprises it insures once issued (access/entities.cpp): on SQLite
// its lists test the kept set of its insured enterprises with the condition beside it, as its visits do,
// where they read its policies again in every statement (province: its issued notices 5.0 -> 2.9 ms of CPU
// a request, its reminders 8.2 -> 6.0 ms; bench/README, thirtieth round). PostgreSQL reads the policies.
TEST_F(AccessSql, AnInsurersNoticesTestItsKeptInsuredEnterprisesOnceIssued) {
  actor.org_type = "insurer";
  const auto notices = access::read_filter(*conn, actor, access::kNotice).condition();
  EXPECT_NE(notices.find("n.status IN ('issued', 'received')"), std::string::npos) << notices;
  if (conn->dialect() == db::Dialect::sqlite) {
    EXPECT_NE(notices.find("n.enterprise_id IN (SELECT id FROM temp."), std::string::npos) << notices;
    EXPECT_EQ(notices.find("policies"), std::string::npos) << notices;
  } else {
    EXPECT_NE(notices.find("n.enterprise_id IN (SELECT ip.enterprise_id FROM policies ip WHERE"),
              std::string::npos)
        << notices;
  }
}

// A workflow step asks which subscribed organizations see its object (webhooks/webhook_outbox.cpp): their
// reaches read together, then one answer for all, the same as each one's own access test.
TEST_F(AccessSql, ManyReadersAreAnsweredTogetherAsEachOnesOwnAccessTestAnswers) {
  const auto branch = org("甲机构分部", "agency", mine);
  const auto branch_entry = entry(branch, "branch");
  std::vector<accounts::Actor> readers(130, admin_of(theirs, "agency"));  // more than one statement takes
  readers.push_back(admin_of(mine, "agency"));
  readers.push_back(admin_of(branch, "agency"));
  readers.push_back(admin_of(org("平台", "platform"), "platform"));
  accounts::read_reaches(*conn, readers);
  ASSERT_TRUE(readers[130].reach && readers[131].reach);
  auto reach_of_mine = readers[130].reach->org_ids;
  std::sort(reach_of_mine.begin(), reach_of_mine.end());
  EXPECT_EQ(reach_of_mine, (std::vector<std::int64_t>{mine, branch}));
  EXPECT_EQ(readers[131].reach->org_ids, std::vector<std::int64_t>{branch});

  const std::vector<std::pair<std::int64_t, std::vector<bool>>> cases{
      {branch_entry, {false, true, true, true}},  // theirs, mine (above the branch), the branch, the platform
      {their_entry, {true, false, false, true}},
      {my_entry, {false, true, false, true}}};
  for (const auto& [id, expected] : cases) {
    const auto seen = access::seen_by(*conn, readers, access::kAuditEntry, id);
    ASSERT_EQ(seen.size(), readers.size());
    for (std::size_t i = 0; i < readers.size(); ++i) {
      EXPECT_EQ(seen[i], expected[std::max<std::size_t>(i, 129) - 129]) << "entry " << id << ", reader " << i;
      EXPECT_EQ(seen[i], access::is_visible(*conn, readers[i], access::kAuditEntry, id)) << "reader " << i;
    }
  }
  EXPECT_EQ(access::seen_by(*conn, {}, access::kAuditEntry, my_entry), std::vector<bool>{});
}

TEST_F(AccessSql, ARegulatorsReachReadWithOthersHoldsItsRegionsAndTheirSubRegions) {
  const auto region = [&](const char* code, const char* level, std::optional<std::int64_t> parent) {
    return conn
        ->query(
            "INSERT INTO regions (code, name, level, parent_id, created_at, updated_at) VALUES (?, ?, ?, ?, "
            "'x', 'x') RETURNING id",
            {std::string(code), std::string(code), std::string(level), db::optional_value(parent)})[0]
        .integer("id");
  };
  const auto city = region("320200", "city", std::nullopt);
  const auto district = region("320205", "district", city);
  const auto street = region("320205001", "street", district);
  region("320300", "city", std::nullopt);
  const auto bureau = org("无锡市生态环境局", "regulator");
  const auto district_bureau = org("锡山分局", "regulator");
  conn->execute("INSERT INTO organization_regions (org_id, region_id) VALUES (?, ?), (?, ?)",
                {bureau, city, district_bureau, district});
  std::vector<accounts::Actor> readers{admin_of(bureau, "regulator"), admin_of(mine, "agency"),
                                       admin_of(district_bureau, "regulator")};
  accounts::read_reaches(*conn, readers);
  auto regions = readers[0].reach->region_ids;
  std::sort(regions.begin(), regions.end());
  EXPECT_EQ(regions, (std::vector<std::int64_t>{city, district, street}));
  EXPECT_TRUE(readers[1].reach->region_ids.empty());
  regions = readers[2].reach->region_ids;
  std::sort(regions.begin(), regions.end());
  EXPECT_EQ(regions, (std::vector<std::int64_t>{district, street}));
  EXPECT_EQ(readers[0].reach->org_ids, std::vector<std::int64_t>{bureau});
}

// Readers whose tests carry many parameters (an organization with 600 below it: on SQLite each test of its
// subtree is a list of 1,024, three of them for a visit) are asked in statements of at most 16,384
// parameters, half the limit SQLite is built with by default (Debian's allows 250,000), and are answered as
// alone.
TEST_F(AccessSql, ReadersWithLargeReachesAreAskedInStatementsTheDatabaseTakes) {
  const auto head = org("总公司", "insurer");
  for (int i = 0; i < 600; ++i) org("分支机构", "insurer", head);
  const std::vector<accounts::Actor> readers(24, admin_of(head, "insurer"));
  accounts::read_reaches(*conn, readers);
  ASSERT_EQ(readers[0].reach->org_ids.size(), 601u);
  const std::int64_t no_visit = 999'999;
  EXPECT_EQ(access::seen_by(*conn, readers, access::kVisit, no_visit), std::vector<bool>(24, false));
  EXPECT_FALSE(access::is_visible(*conn, readers[0], access::kVisit, no_visit));
  const auto branch_entry = entry(readers[0].reach->org_ids.back(), "branch");
  EXPECT_EQ(access::seen_by(*conn, readers, access::kAuditEntry, branch_entry), std::vector<bool>(24, true));
}

// One record's test of a reach of several organizations is their ids compared in turn on SQLite, not a list
// SQLite builds a temporary b-tree of each time (scope.cpp's any_equal); past 128 ids it is the list again.
TEST_F(AccessSql, AReachOfManyOrganizationsIsTestedOnOneRecordAsItsIdsOneByOne) {
  for (const std::size_t branches : {5u, 130u}) {
    const auto head = org("总部", "agency");
    std::vector<std::int64_t> entries;
    for (std::size_t i = 0; i < branches; ++i)
      entries.push_back(entry(org("分支", "agency", head), "branch"));
    const auto reader = admin_of(head, "agency");
    const auto condition = accounts::own_subtree_on_one_row(*conn, reader, "a.org_id").condition();
    const bool compared = rw::testing::using_postgresql() || branches < 128;
    EXPECT_EQ(condition.find(" IN (") == std::string::npos, compared) << condition;
    ASSERT_FALSE(entries.empty());
    for (const auto id : entries) EXPECT_TRUE(access::is_visible(*conn, reader, access::kAuditEntry, id));
    EXPECT_TRUE(access::is_visible(*conn, reader, access::kAuditEntry, entry(head, "head")));
    EXPECT_FALSE(access::is_visible(*conn, reader, access::kAuditEntry, my_entry));
    EXPECT_FALSE(access::is_visible(*conn, reader, access::kAuditEntry, their_entry));
  }
}

}  // namespace
