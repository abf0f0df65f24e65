// List totals: exact up to the cap, the cap beyond it (platform/paging.hpp), counted over the record's own
// table and only the joins the filter reads (platform/sql_filter.hpp).
#include <gtest/gtest.h>

#include "platform/db/migrations.hpp"
#include "platform/paging.hpp"
#include "registry/enterprise_listing.hpp"
#include "services/visit_listing.hpp"
#include "test_database.hpp"

using namespace rw;

TEST(CountFrom, JoinsOnlyTheTablesTheFilterReads) {
  const CountFrom items{"commission_items ci",
                        {{"c", "JOIN commissions c ON c.id = ci.commission_id"},
                         {"e", "JOIN enterprises e ON e.id = ci.enterprise_id"}}};
  SqlFilter where("ci.status = ?", db::Params{std::string("accepted")});
  EXPECT_EQ(items.tables_for(where), "commission_items ci");
  where.add_on_joined("e", "e.name LIKE ?", {std::string("%化工%")});
  EXPECT_EQ(items.tables_for(where), "commission_items ci JOIN enterprises e ON e.id = ci.enterprise_id");
  // A filter made of others reads what they read.
  SqlFilter agency;
  agency.add_on_joined("c", "c.agency_org_id = ?", {std::int64_t{7}});
  SqlFilter combined;
  combined.add(SqlFilter::any_of({where, agency}));
  EXPECT_EQ(items.tables_for(combined),
            "commission_items ci JOIN commissions c ON c.id = ci.commission_id JOIN enterprises e ON e.id = "
            "ci.enterprise_id");
}

TEST(CountFrom, JoinsATableThePagesOrderReads) {
  const CountFrom plans{"service_plans sp", {{"e", "JOIN enterprises e ON e.id = sp.enterprise_id"}}};
  const SqlFilter where("sp.year = ?", db::Params{std::int64_t{2026}});
  EXPECT_EQ(plans.tables_for(where, "sp.year DESC, e.name, sp.id"),
            "service_plans sp JOIN enterprises e ON e.id = sp.enterprise_id");
  // Another alias ending in the same letter is not the joined table's.
  EXPECT_EQ(plans.tables_for(where, "sp.year DESC, type.name, sp.id"), "service_plans sp");
  EXPECT_EQ(plans.tables_for(where, "e.name"),
            "service_plans sp JOIN enterprises e ON e.id = sp.enterprise_id");
  EXPECT_EQ(plans.tables_for(where, "sp.updated_at DESC, sp.id DESC"), "service_plans sp");
}

class CappedTotal : public ::testing::Test {
 protected:
  void SetUp() override {
    database_ = db::Database::open(rw::testing::fresh_database_url(), 1);
    db::migrate(*database_);
    auto c = database_->acquire();
    insert_regions(*c, "99", 7);
    set_exact_total_cap(5);
  }
  void TearDown() override { set_exact_total_cap(kExactTotalCap); }

  // `count` districts coded `prefix` and four digits, in code order.
  static void insert_regions(db::Connection& c, const std::string& prefix, int count) {
    for (int i = 0; i < count; ++i) {
      const auto n = std::to_string(i);
      c.execute(
          "INSERT INTO regions (code, name, level, parent_id, created_at, updated_at) "
          "VALUES (?, ?, 'district', NULL, 'x', 'x')",
          {prefix + std::string(4 - n.size(), '0') + n, "区" + prefix + n});
    }
  }

  // The page of test regions whose code is below `below`, and its total.
  PageOfRows regions(const std::string& below, Page page = {}) {
    SqlFilter where("r.code LIKE '99000%' AND r.code < ?", db::Params{below});
    return select_page(*database_->acquire(), "SELECT r.code FROM regions r", CountFrom{"regions r"}, where,
                       "r.code", page);
  }
  std::unique_ptr<db::Database> database_;
};

TEST_F(CappedTotal, IsExactUpToTheCap) {
  EXPECT_EQ(regions("990003").total.count, 3);
  EXPECT_TRUE(regions("990003").total.exact);
  EXPECT_EQ(regions("990005").total.count, 5);
  EXPECT_TRUE(regions("990005").total.exact);
}

TEST_F(CappedTotal, IsTheCapBeyondItWhilePagesGoOn) {
  const auto first = regions("990007", {2, 0});
  EXPECT_EQ(first.total.count, 5);
  EXPECT_FALSE(first.total.exact);
  EXPECT_EQ(first.rows.size(), 2u);
  const auto last = regions("990007", {5, 5});
  ASSERT_EQ(last.rows.size(), 2u);
  EXPECT_EQ(last.rows[1].text("code"), "990006");
  const auto json = page_json(nlohmann::json::array(), first.total, {2, 0});
  EXPECT_EQ(json["total"], 5);
  EXPECT_EQ(json["total_exact"], false);
}

// Beyond the cap, a list that may walk its table in id order reads its page that way: the same rows, newest
// first, as the index would give (SQLite; PostgreSQL reads `from` either way).
TEST_F(CappedTotal, ABigListWalkedInIdOrderGivesTheSamePage) {
  const DeferredList indexed{"SELECT r.code FROM regions r", {"regions r"}, "r.id"};
  DeferredList walked = indexed;
  walked.scan_from = "regions r NOT INDEXED";
  const SqlFilter where("r.code LIKE '99000%' AND r.code < ?", db::Params{std::string("990007")});
  auto c = database_->acquire();
  for (const Page page : {Page{2, 0}, Page{3, 4}}) {
    const auto by_index = select_page(*c, indexed, where, "r.id DESC", page);
    const auto by_walk = select_page(*c, walked, where, "r.id DESC", page);
    EXPECT_FALSE(by_walk.total.exact);
    ASSERT_FALSE(by_walk.rows.empty());
    ASSERT_EQ(by_walk.rows.size(), by_index.rows.size());
    for (std::size_t i = 0; i < by_walk.rows.size(); ++i)
      EXPECT_EQ(by_walk.rows[i].text("code"), by_index.rows[i].text("code"));
  }
  const auto newest = select_page(*c, walked, where, "r.id DESC", {2, 0});
  EXPECT_EQ(newest.rows[0].text("code"), "990006");
  EXPECT_EQ(newest.rows[1].text("code"), "990005");
}

// A list ordered by another index walks it once enough rows match and the page is among their first tenth;
// otherwise it sorts the matches (SQLite; PostgreSQL plans either itself). The walked table here leaves the
// first row out, so a page shows which way it was read.
TEST_F(CappedTotal, AListWalksTheIndexOfItsOrderForAnEarlyPageOfManyRows) {
  set_exact_total_cap(1000);
  auto c = database_->acquire();
  insert_regions(*c, "98", 40);
  DeferredList list{"SELECT r.code FROM regions r", {"regions r"}, "r.id"};
  list.scan_from = "(SELECT * FROM regions WHERE code <> '980000') r";
  list.scan_order = "r.parent_id, r.id";
  list.scan_at_total = 30;
  const SqlFilter where("r.code LIKE '98%'", db::Params{});
  const auto first_code = [&](const std::string& order, Page page) {
    const auto rows = select_page(*c, list, where, order, page).rows;
    return rows.empty() ? std::string("none") : rows[0].text("code");
  };
  const bool walks = c->dialect() == db::Dialect::sqlite;
  EXPECT_EQ(first_code("r.parent_id, r.id", {2, 0}), walks ? "980001" : "980000");
  EXPECT_EQ(first_code("r.parent_id, r.id", {4, 0}), walks ? "980001" : "980000");
  EXPECT_EQ(first_code("r.parent_id, r.id", {2, 3}), "980003");  // beyond the first tenth: sorted
  EXPECT_EQ(first_code("r.code", {2, 0}), "980000");             // another order
  list.scan_at_total = 41;
  EXPECT_EQ(first_code("r.parent_id, r.id", {2, 0}), "980000");  // too few rows
}

TEST_F(CappedTotal, AListWalkingTheIndexOfItsOrderGivesTheSamePage) {
  set_exact_total_cap(1000);
  auto c = database_->acquire();
  insert_regions(*c, "98", 40);
  const DeferredList sorted{"SELECT r.code FROM regions r", {"regions r"}, "r.id"};
  DeferredList walked = sorted;
  walked.scan_from = "regions r INDEXED BY regions_parent";
  walked.scan_order = "r.parent_id, r.id";
  walked.scan_at_total = 30;
  const SqlFilter where("r.code LIKE '98%' AND r.code <> ?", db::Params{std::string("980002")});
  for (const Page page : {Page{2, 0}, Page{3, 1}}) {
    const auto by_sort = select_page(*c, sorted, where, "r.parent_id, r.id", page);
    const auto by_walk = select_page(*c, walked, where, "r.parent_id, r.id", page);
    EXPECT_EQ(by_walk.total.count, 39);
    ASSERT_FALSE(by_walk.rows.empty());
    ASSERT_EQ(by_walk.rows.size(), by_sort.rows.size());
    for (std::size_t i = 0; i < by_walk.rows.size(); ++i)
      EXPECT_EQ(by_walk.rows[i].text("code"), by_sort.rows[i].text("code"));
  }
}

// A first page by name of 2,000 enterprises or more walks the names' index (V049) on SQLite: the same
// enterprises in the same order as the list sorted, by name and descending, and an index the walk names
// exists.
TEST_F(CappedTotal, EnterprisesByNameWalkedGiveTheSortedPage) {
  set_exact_total_cap(10'000);
  auto c = database_->acquire();
  const auto org = c->query(
                        "INSERT INTO organizations (name, type, created_at, updated_at) VALUES ('保险', "
                        "'insurer', 'x', 'x') RETURNING id")[0]
                       .integer("id");
  const auto region = c->query("SELECT id FROM regions WHERE code = '990000'")[0].integer("id");
  {
    db::Transaction tx(*c, true);
    for (int i = 0; i < 2'500; ++i) {
      const auto n = std::to_string(i);
      // Names out of id order, some shared: the id breaks the tie.
      c->execute(
          "INSERT INTO enterprises (name, credit_code, region_id, created_by_org_id, archived, created_at, "
          "updated_at) VALUES (?, ?, ?, ?, ?, 'x', 'x')",
          {"企业" + std::to_string((i * 7919) % 1'000), "9132" + std::string(14 - n.size(), '0') + n, region,
           org, i % 5 == 0 ? 1 : 0});
    }
    tx.commit();
  }
  DeferredList sorted = registry::kEnterpriseList;
  sorted.scan_from = nullptr;
  const SqlFilter where("e.archived = ? AND e.created_by_org_id = ?", db::Params{0, org});
  for (const auto* order : {"e.name, e.id", "e.name DESC, e.id DESC"}) {
    const auto walked = select_page(*c, registry::kEnterpriseList, where, order, {20, 0});
    const auto by_sort = select_page(*c, sorted, where, order, {20, 0});
    EXPECT_EQ(walked.total.count, 2'000);
    ASSERT_EQ(walked.rows.size(), 20u) << order;
    ASSERT_EQ(by_sort.rows.size(), 20u) << order;
    for (std::size_t i = 0; i < walked.rows.size(); ++i)
      EXPECT_EQ(walked.rows[i].integer("id"), by_sort.rows[i].integer("id")) << order << " " << i;
  }
}

// A page of visits from a first day with 2,000 matches or more walks the days' index on SQLite (the others
// gather and sort): the same visits in the same order, ties on a day broken by id, from the first page and
// from one further down.
TEST_F(CappedTotal, VisitsFromADayWalkedGiveTheSortedPage) {
  set_exact_total_cap(10'000);
  auto c = database_->acquire();
  const auto agency = [&] {
    return c
        ->query(
            "INSERT INTO organizations (name, type, created_at, updated_at) VALUES ('机构', 'agency', 'x', "
            "'x') RETURNING id")[0]
        .integer("id");
  };
  const auto org = agency(), other = agency();
  const auto region = c->query("SELECT id FROM regions WHERE code = '990000'")[0].integer("id");
  const auto enterprise =
      c->query(
           "INSERT INTO enterprises (name, credit_code, region_id, created_by_org_id, "
           "created_at, updated_at) VALUES ('企业', '913200000000000001', ?, ?, 'x', 'x') "
           "RETURNING id",
           {region, org})[0]
          .integer("id");
  {
    db::Transaction tx(*c, true);
    for (int i = 0; i < 3'000; ++i) {
      // Days out of id order, 30 visits a day: the id breaks the tie. Every third is another agency's.
      const auto day = "2026-" + std::string(i % 2 ? "10-" : "11-") + std::to_string(10 + (i * 7) % 10);
      c->execute(
          "INSERT INTO visits (enterprise_id, agency_org_id, planned_on, created_at, updated_at) "
          "VALUES (?, ?, ?, 'x', 'x')",
          {enterprise, i % 3 ? org : other, day});
    }
    tx.commit();
  }
  const auto& walked = services::visit_list({{"from", "2026-10-01"}});
  const auto& sorted = services::visit_list({});
  EXPECT_STREQ(walked.scan_from, "visits v INDEXED BY visits_planned");
  EXPECT_EQ(sorted.scan_from, nullptr);
  const SqlFilter where("v.agency_org_id = ? AND v.planned_on >= ?",
                        db::Params{org, std::string("2026-10-01")});
  for (const Page page : {Page{20, 0}, Page{20, 100}}) {
    const auto by_walk = select_page(*c, walked, where, "v.planned_on, v.id", page);
    const auto by_sort = select_page(*c, sorted, where, "v.planned_on, v.id", page);
    EXPECT_EQ(by_walk.total.count, 2'000);
    ASSERT_EQ(by_walk.rows.size(), 20u);
    ASSERT_EQ(by_sort.rows.size(), 20u);
    for (std::size_t i = 0; i < by_walk.rows.size(); ++i)
      EXPECT_EQ(by_walk.rows[i].integer("id"), by_sort.rows[i].integer("id")) << page.offset << " " << i;
  }
}

// The latest enterprises first (the default order) walk enterprises_recent: a regulator's page tests each
// enterprise's region, and the rest of its reach, on that index alone (V059), so the walk reads the rows of
// the enterprises in reach only. A city's regulator searching "化工" passed some 20,000 rows outside its
// city.
TEST_F(CappedTotal, EnterprisesLatestFirstAreTestedForTheirReachOnTheWalkedIndex) {
  auto c = database_->acquire();
  if (c->dialect() == db::Dialect::sqlite) {
    const auto plan = c->query(
        "EXPLAIN QUERY PLAN SELECT e.id FROM enterprises e WHERE e.archived = 0 AND e.region_id IN (?, ?) "
        "AND "
        "(e.created_by_org_id = ? OR e.risk_level = ?) ORDER BY e.updated_at DESC, e.id DESC LIMIT 20",
        {std::int64_t{1}, std::int64_t{2}, std::int64_t{3}, std::string("general")});
    ASSERT_EQ(plan.size(), 1u);
    EXPECT_EQ(plan[0].text("detail"), "SEARCH e USING COVERING INDEX enterprises_recent (archived=?)");
  } else {
    const auto index = c->query("SELECT indexdef FROM pg_indexes WHERE indexname = 'enterprises_recent'");
    ASSERT_EQ(index.size(), 1u);
    EXPECT_NE(index[0]
                  .text("indexdef")
                  .find("(archived, updated_at, id, region_id, risk_level, "
                        "created_by_org_id)"),
              std::string::npos)
        << index[0].text("indexdef");
  }
}

// An insurer's enterprises of a region are tested against its set by id on the entries of
// enterprises_listing: SQLite's hold the id (the rowid), PostgreSQL's hold it since V060, so neither reads
// the rows to count them.
TEST_F(CappedTotal, EnterprisesOfARegionAreTestedForTheirReachOnTheListingIndex) {
  auto c = database_->acquire();
  if (c->dialect() == db::Dialect::sqlite) {
    const auto plan = c->query(
        "EXPLAIN QUERY PLAN SELECT COUNT(*) FROM enterprises e INDEXED BY enterprises_listing WHERE "
        "e.archived = 0 "
        "AND e.region_id = ? AND e.risk_level = ? AND (e.id IN (SELECT ip.enterprise_id FROM policies ip "
        "WHERE "
        "ip.insurer_org_id = ?) OR e.created_by_org_id = ?)",
        {std::int64_t{1}, std::string("general"), std::int64_t{3}, std::int64_t{3}});
    ASSERT_FALSE(plan.empty());
    EXPECT_EQ(
        plan[0].text("detail"),
        "SEARCH e USING COVERING INDEX enterprises_listing (archived=? AND region_id=? AND risk_level=?)");
  } else {
    const auto index = c->query("SELECT indexdef FROM pg_indexes WHERE indexname = 'enterprises_listing'");
    ASSERT_EQ(index.size(), 1u);
    EXPECT_NE(
        index[0].text("indexdef").find("(archived, region_id, risk_level, name, created_by_org_id, id)"),
        std::string::npos)
        << index[0].text("indexdef");
  }
}
