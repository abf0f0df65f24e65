// benchdata::WriteBehind: the generator's statements run on a second thread, in the order queued; the first
// failure reaches the caller and nothing queued after it is written.
#include "benchdata/write_behind.hpp"

#include <gtest/gtest.h>

#include "platform/db/database.hpp"
#include "test_database.hpp"

using namespace rw::db;
using rw::benchdata::WriteBehind;

namespace {

constexpr const char* kInsert = "INSERT INTO t (n) VALUES (?)";

std::unique_ptr<Database> database_with_table() {
  auto database = Database::open("sqlite://" + rw::testing::make_temp_dir() + "/write_behind.db", 1);
  database->acquire()->execute_script("CREATE TABLE t (seq INTEGER PRIMARY KEY, n INTEGER NOT NULL UNIQUE)");
  return database;
}

}  // namespace

TEST(WriteBehind, WritesInTheOrderQueued) {
  auto database = database_with_table();
  auto lease = database->acquire();
  Transaction transaction(*lease, true);
  {
    WriteBehind out(*lease);
    for (std::int64_t n = 500; n > 0; --n) out.execute(kInsert, {n});
    // seq is given in the order the rows arrived: 500 first, 1 last.
    const auto rows = out.connection().query("SELECT COUNT(*) AS c, MIN(seq) AS first FROM t WHERE n = 500");
    EXPECT_EQ(rows[0].integer("c"), 1);
    EXPECT_EQ(rows[0].integer("first"), 1);
    EXPECT_EQ(out.connection().query("SELECT seq FROM t WHERE n = 1")[0].integer("seq"), 500);
  }
  transaction.commit();
  EXPECT_EQ(lease->query("SELECT COUNT(*) AS c FROM t")[0].integer("c"), 500);
}

TEST(WriteBehind, TheFirstFailureReachesTheCallerAndStopsTheWrites) {
  auto database = database_with_table();
  auto lease = database->acquire();
  Transaction transaction(*lease, true);
  WriteBehind out(*lease);
  out.execute(kInsert, {std::int64_t{1}});
  out.execute(kInsert, {std::int64_t{1}});  // violates UNIQUE
  // Whether a later call throws depends on when the thread gets to the failure; none of them is written.
  for (std::int64_t n = 1000; n < 1100; ++n) {
    try {
      out.execute(kInsert, {n});
    } catch (const std::exception&) {
    }
  }
  EXPECT_THROW(out.connection(), ConstraintViolation);
  EXPECT_THROW(out.execute(kInsert, {std::int64_t{2000}}), ConstraintViolation);
  EXPECT_EQ(lease->query("SELECT COUNT(*) AS c FROM t WHERE n >= 1000")[0].integer("c"), 0);
  EXPECT_EQ(lease->query("SELECT COUNT(*) AS c FROM t")[0].integer("c"), 1);
}
