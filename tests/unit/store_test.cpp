// The database layer against the real engine (SQLite, or PostgreSQL when RISKWATCH_TEST_PG is set).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <functional>
#include <future>

#include "platform/db/bulk_write.hpp"
#include "platform/db/database.hpp"
#include "platform/db/migrations.hpp"
#include "platform/paging.hpp"
#include "test_database.hpp"

using namespace rw::db;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    database = Database::open(rw::testing::fresh_database_url(), 2);
    migrate(*database);
  }
  std::int64_t region_count() {
    return database->acquire()->query("SELECT COUNT(*) AS n FROM regions")[0].integer("n");
  }
  std::unique_ptr<Database> database;
};

TEST_F(StoreTest, MigrationsApplyOnceAndRecordTheirVersion) {
  auto again = migrate(*database);
  EXPECT_TRUE(again.applied.empty());
  EXPECT_GE(again.version, 1);
  auto rows = database->acquire()->query("SELECT version, name FROM schema_migrations ORDER BY version");
  ASSERT_GE(rows.size(), 1u);
  EXPECT_EQ(rows[0].integer("version"), 1);
  EXPECT_EQ(rows[0].text("name"), "V001__accounts.sql");
}

// Two writers that each change one of two rows, then the other's. PostgreSQL finds the deadlock and gives up
// one transaction, reported as a TransientConflict (the API answers 503 with Retry-After, not 500); the other
// commits. SQLite's writers take turns, so the second starts after the first has committed and both commit.
TEST_F(StoreTest, WritersCrossingEachOtherEitherTakeTurnsOrOneIsATransientConflict) {
  const auto insert = [&](const char* code) {
    return database->acquire()
        ->query(
            "INSERT INTO regions (code, name, level, created_at, updated_at) VALUES (?, ?, 'province', "
            "'x', 'x') RETURNING id",
            {std::string(code), std::string(code)})[0]
        .integer("id");
  };
  const auto a = insert("110000"), b = insert("120000");
  const auto rename = [&](Connection& c, std::int64_t id, const char* name) {
    c.execute("UPDATE regions SET name = ? WHERE id = ?", {std::string(name), id});
  };
  // Renames `mine`, says so, waits at most `patience` for the other writer to have renamed its row, renames
  // `theirs` and commits; answers whether its transaction was given up.
  const auto cross = [&](std::int64_t mine, std::int64_t theirs, const char* name, std::promise<void>& wrote,
                         std::shared_future<void> other_wrote, std::chrono::milliseconds patience) {
    auto c = database->acquire();
    try {
      Transaction t(*c, true);
      rename(*c, mine, name);
      wrote.set_value();
      other_wrote.wait_for(patience);
      rename(*c, theirs, name);
      t.commit();
      return false;
    } catch (const TransientConflict&) {
      return true;
    }
  };
  std::promise<void> first_wrote, second_wrote;
  const auto first_has_written = first_wrote.get_future().share();
  // SQLite: the second waits for the first's commit, so the first waits for the second only so long.
  auto first = std::async(std::launch::async, cross, a, b, "first", std::ref(first_wrote),
                          second_wrote.get_future().share(), std::chrono::milliseconds(500));
  first_has_written.wait();
  auto second = std::async(std::launch::async, cross, b, a, "second", std::ref(second_wrote),
                           first_has_written, std::chrono::milliseconds(0));
  const bool first_gave_up = first.get(), second_gave_up = second.get();
  auto c = database->acquire();
  const auto name_of = [&](std::int64_t id) {
    return c->query("SELECT name FROM regions WHERE id = ?", {id})[0].text("name");
  };
  if (database->dialect() == Dialect::postgresql) {
    EXPECT_NE(first_gave_up, second_gave_up) << "exactly one of the two is given up";
    const std::string winner = first_gave_up ? "second" : "first";
    EXPECT_EQ(name_of(a), winner);
    EXPECT_EQ(name_of(b), winner);
  } else {
    EXPECT_FALSE(first_gave_up);
    EXPECT_FALSE(second_gave_up);
    EXPECT_EQ(name_of(a), "second");
    EXPECT_EQ(name_of(b), "second");
  }
}

TEST_F(StoreTest, RoundTripsTypesAndNulls) {
  auto c = database->acquire();
  auto id = c->query(
                 "INSERT INTO regions (code, name, level, parent_id, created_at, updated_at) "
                 "VALUES (?, ?, 'province', ?, 'x', 'x') RETURNING id",
                 {std::string("320000"), std::string("江苏省"), null_value()})[0]
                .integer("id");
  auto row = c->query("SELECT id, code, name, parent_id FROM regions WHERE id = ?", {id})[0];
  EXPECT_EQ(row.integer("id"), id);
  EXPECT_EQ(row.text("code"), "320000");
  EXPECT_EQ(row.text("name"), "江苏省");
  EXPECT_TRUE(row.is_null("parent_id"));
  EXPECT_FALSE(row.optional_integer("parent_id").has_value());
  const auto reals = c->query(
      "SELECT CAST(2.5 AS DOUBLE PRECISION) AS present, CAST(NULL AS DOUBLE PRECISION) AS absent")[0];
  EXPECT_EQ(reals.optional_real("present"), 2.5);
  EXPECT_FALSE(reals.optional_real("absent").has_value());
}

TEST_F(StoreTest, RolledBackTransactionLeavesNothing) {
  {
    auto c = database->acquire();
    Transaction t(*c, true);
    c->execute(
        "INSERT INTO regions (code, name, level, created_at, updated_at) VALUES ('1', 'a', 'province', 'x', "
        "'x')");
    // no commit: the destructor rolls back
  }
  EXPECT_EQ(region_count(), 0);
  {
    auto c = database->acquire();
    Transaction t(*c, true);
    c->execute(
        "INSERT INTO regions (code, name, level, created_at, updated_at) VALUES ('1', 'a', 'province', 'x', "
        "'x')");
    t.commit();
  }
  EXPECT_EQ(region_count(), 1);
}

TEST_F(StoreTest, UniqueViolationIsAConstraintViolation) {
  auto c = database->acquire();
  const char* sql =
      "INSERT INTO regions (code, name, level, created_at, updated_at) VALUES ('9', 'a', 'province', 'x', "
      "'x')";
  c->execute(sql);
  EXPECT_THROW(c->execute(sql), ConstraintViolation);
  EXPECT_EQ(c->query("SELECT COUNT(*) AS n FROM regions")[0].integer("n"), 1);
}

// query_each: on PostgreSQL the statements go out together (pipeline mode), prepared or, inside a
// PlanEachRun, unnamed; each answers its own rows in the order asked, within the connection's transaction.
TEST_F(StoreTest, SeveralReadsAnswerEachItsOwnRowsInOrder) {
  auto c = database->acquire();
  Transaction t(*c, true);
  for (const char* code : {"310000", "320000", "330000"})
    c->execute(
        "INSERT INTO regions (code, name, level, created_at, updated_at) VALUES (?, ?, 'province', 'x', 'x')",
        {std::string(code), "省" + std::string(code)});
  const std::vector<Statement> reads = {
      {"SELECT code FROM regions WHERE code > ? ORDER BY code", {std::string("310000")}},
      {"SELECT name FROM regions WHERE parent_id = ?", {std::int64_t{-1}}},
      {"SELECT COUNT(*) AS n, CAST(? AS TEXT) AS absent FROM regions", {null_value()}}};
  for (const bool each_run_planned : {false, true}) {
    const auto before = c->plan_each_run(each_run_planned);
    const auto parts = c->query_each(reads);
    c->plan_each_run(before);
    ASSERT_EQ(parts.size(), 3u);
    ASSERT_EQ(parts[0].size(), 2u);
    EXPECT_EQ(parts[0][0].text("code"), "320000");
    EXPECT_EQ(parts[0][1].text("code"), "330000");
    EXPECT_TRUE(parts[1].empty());
    EXPECT_EQ(parts[2][0].integer("n"), 3);
    EXPECT_TRUE(parts[2][0].is_null("absent"));
  }
  t.commit();
}

// A failed statement among several is thrown as its kind of error once all have answered; the connection is
// left ready for the next statement (PostgreSQL: out of pipeline mode), and what failed wrote nothing.
TEST_F(StoreTest, AFailedStatementAmongSeveralIsThrownAndTheConnectionGoesOn) {
  auto c = database->acquire();
  const std::string insert =
      "INSERT INTO regions (code, name, level, created_at, updated_at) VALUES ('9', 'a', 'province', 'x', "
      "'x') "
      "RETURNING id";
  c->query(insert);
  const Statement count{"SELECT COUNT(*) AS n FROM regions", {}};
  EXPECT_THROW(c->query_each({count, {"SELECT nothing FROM no_such_table", {}}, count}), std::runtime_error);
  EXPECT_THROW(c->query_each({count, {insert, {}}}), ConstraintViolation);
  EXPECT_EQ(c->query(count.sql)[0].integer("n"), 1);
  const auto again = c->query_each({count, count});
  ASSERT_EQ(again.size(), 2u);
  EXPECT_EQ(again[1][0].integer("n"), 1);
}

TEST_F(StoreTest, RowsOutliveTheirResult) {
  auto c = database->acquire();
  c->execute(
      "INSERT INTO regions (code, name, level, created_at, updated_at) VALUES ('5', '无锡', 'province', 'x', "
      "'x')");
  auto row = c->query("SELECT name FROM regions")[0];
  EXPECT_EQ(row.text("name"), "无锡");
}

// The planner counts a random page read about as dear as a sequential one on every connection of the pool.
TEST_F(StoreTest, PostgreSQLPlansWithRandomReadsNearlyAsCheapAsSequentialOnes) {
  if (database->dialect() != Dialect::postgresql) return;  // SQLite has no such cost
  auto first = database->acquire();
  auto second = database->acquire();
  for (auto* c : {&*first, &*second})
    EXPECT_EQ(c->query("SELECT current_setting('random_page_cost') AS cost")[0].text("cost"), "1.1");
}

// PostgreSQL prepares a statement once per connection and may then keep one plan for all its values; inside a
// PlanEachRun (a list's count and page, a large write) statements go unnamed, so each run is planned with its
// values. What the connection has prepared shows which way each statement went.
TEST_F(StoreTest, StatementsOfAListOrALargeWriteArePlannedWithTheirValuesEachRun) {
  auto c = database->acquire();
  c->execute(
      "INSERT INTO regions (code, name, level, created_at, updated_at) VALUES ('1', 'a', 'province', 'x', "
      "'x')");
  // SQLite keeps no such setting (it plans every statement with its values); PostgreSQL's starts off.
  EXPECT_EQ(c->plan_each_run(false), false);
  const auto prepared = [&](const std::string& marker) {
    if (database->dialect() != Dialect::postgresql) return std::int64_t{0};
    return c
        ->query("SELECT COUNT(*) AS n FROM pg_prepared_statements WHERE statement LIKE ?",
                {"%" + marker + "%"})[0]
        .integer("n");
  };
  const std::int64_t postgresql = database->dialect() == Dialect::postgresql ? 1 : 0;
  c->query("SELECT 1 AS keyed_lookup FROM regions WHERE id = ?", {std::int64_t{1}});
  EXPECT_EQ(prepared("keyed_lookup"), postgresql);
  {
    const PlanEachRun outer(*c);
    {
      const PlanEachRun inner(*c);
      c->query("SELECT 1 AS inner_scope FROM regions WHERE id = ?", {std::int64_t{1}});
    }
    c->query("SELECT 1 AS outer_scope FROM regions WHERE id = ?", {std::int64_t{1}});
  }
  EXPECT_EQ(prepared("inner_scope"), 0);
  EXPECT_EQ(prepared("outer_scope"), 0) << "the inner scope's end gave back the outer one's setting";
  c->query("SELECT 1 AS after_scope FROM regions WHERE id = ?", {std::int64_t{1}});
  EXPECT_EQ(prepared("after_scope"), postgresql);

  const rw::CountFrom regions{"regions r", {}};
  const rw::SqlFilter where("r.level = ?", Params{std::string("province")});
  const auto page =
      rw::select_page(*c, "SELECT r.id AS list_page FROM regions r", regions, where, "r.id", rw::Page{20, 0});
  EXPECT_EQ(page.total.count, 1);
  EXPECT_EQ(page.rows.size(), 1u);
  EXPECT_EQ(prepared("FROM regions r"), 0) << "a list's count and page";
  {
    const BulkWrite bulk(*c);
    EXPECT_EQ(c->execute("UPDATE regions SET name = 'b' WHERE level = ? AND 'bulk_write' <> ''",
                         {std::string("province")}),
              1);
  }
  EXPECT_EQ(prepared("bulk_write"), 0);
}

// Inside a PlanOnce (a page's rows by their ids) PostgreSQL plans each statement once for all values
// (plan_cache_mode force_generic_plan, set in the statements' own round trip); outside, as it judges (auto).
// A failed statement or a rolled-back transaction may undo the SET: the next statement sets it again.
TEST_F(StoreTest, StatementsOfAPageByIdsArePlannedOnceAndOthersAsPostgreSqlJudges) {
  if (database->dialect() != Dialect::postgresql) return;  // SQLite plans every run itself
  auto c = database->acquire();
  const auto mode = [&] { return c->query("SELECT current_setting('plan_cache_mode') AS m")[0].text("m"); };
  EXPECT_EQ(mode(), "auto");
  {
    const PlanOnce once(*c);
    EXPECT_EQ(mode(), "force_generic_plan");
    EXPECT_THROW(c->query("SELECT * FROM no_such_table"), std::exception);
    EXPECT_EQ(mode(), "force_generic_plan") << "set again after the failed statement undid it";
    const auto both =
        c->query_each({{"SELECT current_setting('plan_cache_mode') AS m", {}}, {"SELECT 2 AS n", {}}});
    ASSERT_EQ(both.size(), 2u);
    EXPECT_EQ(both[0][0].text("m"), "force_generic_plan");
    EXPECT_EQ(both[1][0].integer("n"), 2);
  }
  EXPECT_EQ(mode(), "auto");
  c->begin(false);
  {
    const PlanOnce once(*c);
    EXPECT_EQ(mode(), "force_generic_plan");
  }
  c->rollback();
  {
    const PlanOnce once(*c);
    EXPECT_EQ(mode(), "force_generic_plan") << "set again after the rollback undid it";
    EXPECT_EQ(c->execute("UPDATE regions SET name = name WHERE id = ?", {std::int64_t{-1}}), 0);
  }
  EXPECT_EQ(mode(), "auto");
}

TEST(Sql, NumbersPlaceholdersOutsideQuotes) {
  EXPECT_EQ(number_placeholders("SELECT ? , '?' , ? FROM t WHERE a = \"?\" AND b = ?"),
            "SELECT $1 , '?' , $2 FROM t WHERE a = \"?\" AND b = $3");
  EXPECT_EQ(like_contains("50%_a\\"), "%50\\%\\_a\\\\%");
}

// SQLite's LIKE ignores the case of ASCII letters itself; PostgreSQL's is told to, and only for a text that
// has them (lower() on every row costs).
TEST(Sql, LikeIgnoresTheCaseOfAsciiLettersOnBothDatabases) {
  EXPECT_EQ(like_ignoring_case(Dialect::sqlite, "e.name", "ABC"), "e.name LIKE ? ESCAPE '\\'");
  EXPECT_EQ(like_ignoring_case(Dialect::postgresql, "e.name", "ABC化工"),
            "lower(e.name) LIKE lower(?) ESCAPE '\\'");
  EXPECT_EQ(like_ignoring_case(Dialect::postgresql, "e.name", "z"),
            "lower(e.name) LIKE lower(?) ESCAPE '\\'");
  EXPECT_EQ(like_ignoring_case(Dialect::postgresql, "e.name", "化工9132-_"), "e.name LIKE ? ESCAPE '\\'");
}

TEST(Sql, DialectTokens) {
  EXPECT_EQ(dialect_sql("id {{ID}},", Dialect::sqlite), "id INTEGER PRIMARY KEY AUTOINCREMENT,");
  EXPECT_EQ(dialect_sql("id {{ID}},", Dialect::postgresql),
            "id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,");
}

TEST(DatabaseUrl, RejectsUnknownSchemesAndRelativeSqlitePaths) {
  EXPECT_THROW(Database::open("mysql://x", 1), std::invalid_argument);
  EXPECT_THROW(Database::open("sqlite://relative.db", 1), std::invalid_argument);
}

// SQLite's settings, on a SQLite file whichever database the other tests use (PostgreSQL has no cache per
// connection: its shared buffers are the server's).
TEST(SqliteReadCache, EachConnectionOfThePoolReadsWithTheCacheItWasGiven) {
  const auto url = "sqlite://" + rw::testing::make_temp_dir() + "/cache.db";
  auto tuned = Database::open(url, 2, ConnectionSettings{.sqlite_read_cache_mib = 8});
  auto first = tuned->acquire();
  auto second = tuned->acquire();
  EXPECT_EQ(first->query("PRAGMA cache_size")[0].integer("cache_size"), -8 * 1024);
  EXPECT_EQ(second->query("PRAGMA cache_size")[0].integer("cache_size"), -8 * 1024);
  // Unset, SQLite's own default (-2000: about 2 MB).
  EXPECT_EQ(Database::open(url, 1)->acquire()->query("PRAGMA cache_size")[0].integer("cache_size"), -2000);
}

// SQLite counts every allocation under one process-wide lock unless it is told otherwise before it starts;
// the server's workers queued on that lock. Opening a pool tells it, so nothing is counted.
TEST(SqliteReadCache, NoAllocationIsCountedOnceAPoolIsOpen) {
  const auto url = "sqlite://" + rw::testing::make_temp_dir() + "/counted.db";
  auto database = Database::open(url, 1, ConnectionSettings{.sqlite_read_cache_mib = 8});
  auto connection = database->acquire();
  connection->execute_script("CREATE TABLE t (v TEXT)");
  connection->execute("INSERT INTO t (v) VALUES (?)", {std::string(100'000, 'x')});
  ASSERT_EQ(connection->query("SELECT length(v) AS n FROM t")[0].integer("n"), 100'000);
  EXPECT_EQ(sqlite3_memory_used(), 0);
  EXPECT_EQ(sqlite3_memory_highwater(0), 0);
}

// SQLite reads its statistics when a handle opens. A refresh on one connection of a pool reaches the others
// (each opened before it is closed when it comes back, and the pool opens a new one in its place) and the
// handle all writes share: the server's daily refresh, and the one after a large import, reached one
// connection of many before.
TEST(SqliteStatistics, EveryConnectionOfAPoolPlansWithTheLastRefresh) {
  const auto url = "sqlite://" + rw::testing::make_temp_dir() + "/statistics.db";
  auto database = Database::open(url, 2);
  // Another pool's connection to the file lives throughout, and with it the handle of the file's writes.
  auto other_pool = Database::open(url, 1);
  const auto other = other_pool->acquire();
  // Every row has x = 1 and its own y: the statistics say x picks no rows out and y's range does.
  const std::string query = "EXPLAIN QUERY PLAN SELECT * FROM t WHERE x = 1 AND y > 5";
  auto plan = [&](Connection& connection) {
    const auto rows = connection.query(query);
    std::string out;
    for (std::size_t i = 0; i < rows.size(); ++i) out += rows[i].text("detail");
    return out;
  };
  {
    auto first = database->acquire();
    first->execute_script(
        "CREATE TABLE t (x INTEGER, y INTEGER); CREATE INDEX t_x ON t (x); CREATE INDEX t_y ON t (y); "
        "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) "
        "INSERT INTO t (x, y) SELECT 1, i FROM n");
    auto second = database->acquire();
    // No statistics: an equality looks more selective than a range.
    EXPECT_NE(plan(*first).find("INDEX t_x"), std::string::npos) << plan(*first);
    EXPECT_NE(plan(*second).find("INDEX t_x"), std::string::npos) << plan(*second);
    {
      const Transaction writing(*first, true);  // through the handle all writes share
      EXPECT_NE(plan(*first).find("INDEX t_x"), std::string::npos) << plan(*first);
    }
    refresh_statistics(*second);
  }
  auto first = database->acquire();
  auto second = database->acquire();
  EXPECT_NE(plan(*first).find("INDEX t_y"), std::string::npos) << plan(*first);
  EXPECT_NE(plan(*second).find("INDEX t_y"), std::string::npos) << plan(*second);
  EXPECT_EQ(database->pool_state().open, 2u);
  const Transaction writing(*second, true);
  EXPECT_NE(plan(*second).find("INDEX t_y"), std::string::npos) << plan(*second);
}

// After a bulk write: the statistics are taken again once the table holds twice the rows they counted and
// 1,000 more, however many writes it took to get there.
TEST(SqliteStatistics, AreRefreshedOnceATableOutgrowsThem) {
  const auto url = "sqlite://" + rw::testing::make_temp_dir() + "/outgrown.db";
  auto database = Database::open(url, 1);
  auto db = database->acquire();
  db->execute_script("CREATE TABLE t (x INTEGER); CREATE INDEX t_x ON t (x)");
  EXPECT_FALSE(refresh_statistics_if_outgrown(*db, "t"));  // never analyzed: SQLite assumes a large table
  auto add = [&](int n) {
    db->execute(
        "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) INSERT INTO t SELECT i "
        "FROM n",
        {std::int64_t{n}});
  };
  auto counted = [&] {
    return std::stoll(db->query("SELECT stat FROM sqlite_stat1 WHERE idx = 't_x'")[0].text("stat"));
  };
  add(20);
  refresh_statistics(*db);
  ASSERT_EQ(counted(), 20);
  add(999);  // 1,019: more than twice, but 999 more
  EXPECT_FALSE(refresh_statistics_if_outgrown(*db, "t"));
  EXPECT_EQ(counted(), 20);
  add(1);  // 1,020: 1,000 more
  const auto refreshes = statistics_refreshes();
  EXPECT_TRUE(refresh_statistics_if_outgrown(*db, "t"));
  EXPECT_EQ(statistics_refreshes(), refreshes + 1);
  EXPECT_GT(counted(), 500);  // sampled (analysis_limit): of the order of the 1,020 rows
  // Counted 2,500 (as a larger table's sample might): 4,020 rows are 1,520 more but not twice as many.
  db->execute("UPDATE sqlite_stat1 SET stat = '2500 1' WHERE idx = 't_x'");
  add(3000);
  EXPECT_FALSE(refresh_statistics_if_outgrown(*db, "t"));
}
