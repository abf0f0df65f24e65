// Checkpoints of a SQLite file leave the writers' turns (platform/db/wal_checkpointer.hpp).
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "platform/db/database.hpp"
#include "platform/db/wal_checkpointer.hpp"
#include "test_database.hpp"

using namespace rw::db;
using namespace std::chrono_literals;

TEST(WalCheckpointer, TheThreadFromAThousandPagesTheWriterOnlyWhenItFallsFarBehind) {
  EXPECT_EQ(who_checkpoints(0), Checkpointer::none);
  EXPECT_EQ(who_checkpoints(999), Checkpointer::none);
  EXPECT_EQ(who_checkpoints(1000), Checkpointer::thread);
  EXPECT_EQ(who_checkpoints(7999), Checkpointer::thread);
  EXPECT_EQ(who_checkpoints(8000), Checkpointer::writer);
}

// 1,200 pages committed in 120 writes: the rows reach the database file itself (a checkpoint ran) while the
// WAL is far below the writers' own threshold, and the WAL is gone once the last connection has closed.
TEST(WalCheckpointer, CopiesTheWalIntoTheDatabaseFile) {
  const auto path = rw::testing::make_temp_dir() + "/wal.db";
  {
    auto db = open_sqlite(path);
    db->execute_script("CREATE TABLE pages (body BLOB)");
    const auto empty = std::filesystem::file_size(path);
    for (int i = 0; i < 120; ++i) db->execute("INSERT INTO pages VALUES (randomblob(40000))");
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (std::filesystem::file_size(path) < 4'000'000 && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(1ms);
    EXPECT_LT(empty, 100'000u);
    EXPECT_GE(std::filesystem::file_size(path), 4'000'000u);
    EXPECT_EQ(db->query("SELECT count(*) AS n FROM pages")[0].integer("n"), 120);
  }
  EXPECT_FALSE(std::filesystem::exists(path + "-wal"));
}
