// Notice numbers: the pattern rules, and the counter on the real database (SQLite, or PostgreSQL when
// RISKWATCH_TEST_PG is set) under 50 concurrent issuing transactions.
#include <gtest/gtest.h>

#include <algorithm>
#include <mutex>
#include <thread>

#include "notices/number_rules.hpp"
#include "notices/number_service.hpp"
#include "notices/number_store.hpp"
#include "platform/db/database.hpp"
#include "platform/db/migrations.hpp"
#include "test_database.hpp"

using namespace rw::notices;

namespace {

std::string error_code(std::string_view pattern) {
  const auto error = pattern_error(pattern);
  return error ? error->code : "";
}

class FixedClock : public rw::Clock {
 public:
  explicit FixedClock(rw::Seconds t) : t_(t) {}
  rw::Seconds now() const override { return t_; }

 private:
  rw::Seconds t_;
};

}  // namespace

TEST(NoticeNumberRules, FormatsTheSeedsNumber) {
  EXPECT_EQ(format_number("温环乐预警〔{year}〕{seq:4}号", 2023, 12), "温环乐预警〔2023〕0012号");
  EXPECT_EQ(format_number("温环乐预警〔{year}〕{seq:4}号", 2023, 12345), "温环乐预警〔2023〕12345号");
  EXPECT_EQ(format_number("{seq}", 2026, 7), "7");
  EXPECT_EQ(format_number("第{seq:3}号（{year}）", 2026, 7), "第007号（2026）");
}

TEST(NoticeNumberRules, AcceptsEmptyAndOneSequenceAndRefusesTheRest) {
  EXPECT_EQ(error_code(""), "");
  EXPECT_EQ(error_code("温环乐预警〔{year}〕{seq:4}号"), "");
  EXPECT_EQ(error_code("{seq:9}"), "");
  EXPECT_EQ(error_code("温环乐预警〔{year}〕号"), "pattern_needs_one_sequence");
  EXPECT_EQ(error_code("{seq}-{seq:2}"), "pattern_needs_one_sequence");
  EXPECT_EQ(error_code("{seq:0}"), "pattern_unknown_placeholder");
  EXPECT_EQ(error_code("{seq:10}"), "pattern_unknown_placeholder");
  EXPECT_EQ(error_code("{month}{seq}"), "pattern_unknown_placeholder");
  EXPECT_EQ(error_code("{}{seq}"), "pattern_unknown_placeholder");
  EXPECT_EQ(error_code("{seq"), "pattern_unbalanced_brace");
  EXPECT_EQ(error_code("seq}"), "pattern_unbalanced_brace");
  EXPECT_EQ(error_code("{{seq}}"), "pattern_unbalanced_brace");
  EXPECT_EQ(error_code("预警\n{seq}"), "pattern_control_character");
  EXPECT_EQ(error_code(std::string(57, 'a') + "{seq}"), "pattern_too_long");  // 62 characters
  std::string sixty;
  for (int i = 0; i < 55; ++i) sixty += "号";  // 55 Chinese characters + "{seq}" = 60: counted in characters
  EXPECT_EQ(error_code(sixty + "{seq}"), "");
  EXPECT_EQ(default_pattern("warning"), "预警〔{year}〕{seq:4}号");
  EXPECT_EQ(default_pattern("reminder"), "");
}

class NoticeNumberStore : public ::testing::Test {
 protected:
  void SetUp() override {
    database = rw::db::Database::open(rw::testing::fresh_database_url(), 8);
    rw::db::migrate(*database);
    auto c = database->acquire();
    org = c->query(
               "INSERT INTO organizations (name, type, created_at, updated_at) "
               "VALUES ('温州市生态环境局乐清分局', 'regulator', 'x', 'x') RETURNING id")[0]
              .integer("id");
    c->execute(
        "INSERT INTO notice_number_patterns (org_id, kind, pattern, updated_at) VALUES (?, 'warning', ?, "
        "'x')",
        {org, std::string("温环乐预警〔{year}〕{seq:4}号")});
  }
  std::string issue(const rw::Clock& clock, const std::string& kind, bool commit = true) {
    auto c = database->acquire();
    rw::db::Transaction t(*c, true);
    auto number = take_number(*c, clock, org, kind);
    if (commit) t.commit();
    return number;
  }
  std::unique_ptr<rw::db::Database> database;
  std::int64_t org = 0;
};

TEST_F(NoticeNumberStore, FiftyConcurrentIssuesGetOneToFiftyWithoutGapsOrRepeats) {
  const FixedClock clock(1688144400);                                     // 2023-07-01 China
  EXPECT_EQ(issue(clock, "warning", false), "温环乐预警〔2023〕0001号");  // rolled back: given back
  std::vector<std::string> numbers;
  std::mutex guard;
  std::vector<std::thread> threads;
  for (int i = 0; i < 50; ++i)
    threads.emplace_back([&] {
      auto number = issue(clock, "warning");
      std::lock_guard lock(guard);
      numbers.push_back(number);
    });
  for (auto& t : threads) t.join();
  ASSERT_EQ(numbers.size(), 50u);
  std::sort(numbers.begin(), numbers.end());
  for (int i = 1; i <= 50; ++i) {
    const std::string seq = (i < 10 ? "000" : "00") + std::to_string(i);
    EXPECT_EQ(numbers[i - 1], "温环乐预警〔2023〕" + seq + "号");
  }
}

TEST_F(NoticeNumberStore, ANewChinaYearStartsAtOneAndUnnumberedKindsMoveNoCounter) {
  EXPECT_EQ(issue(FixedClock(1704036600), "warning"), "温环乐预警〔2023〕0001号");  // 2023-12-31 23:30 China
  EXPECT_EQ(issue(FixedClock(1704040200), "warning"), "温环乐预警〔2024〕0001号");  // 2024-01-01 00:30 China
  EXPECT_EQ(issue(FixedClock(1704040200), "warning"), "温环乐预警〔2024〕0002号");
  EXPECT_EQ(issue(FixedClock(1704040200), "reminder"), "");
  auto c = database->acquire();
  EXPECT_EQ(c->query("SELECT COUNT(*) AS n FROM notice_number_counters")[0].integer("n"), 2);
}
