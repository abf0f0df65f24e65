// A column in a set of ids passed as one parameter (platform/sql_filter.hpp): a JSON array on SQLite, an
// array on PostgreSQL, on whichever database the run uses.
#include <gtest/gtest.h>

#include "platform/db/migrations.hpp"
#include "platform/sql_filter.hpp"
#include "test_database.hpp"

using namespace rw;

class IdSet : public ::testing::Test {
 protected:
  void SetUp() override {
    database_ = db::Database::open(rw::testing::fresh_database_url(), 1);
    db::migrate(*database_);
    auto c = database_->acquire();
    for (int i = 0; i < 4; ++i)
      c->execute(
          "INSERT INTO regions (code, name, level, parent_id, created_at, updated_at) "
          "VALUES (?, ?, 'district', NULL, 'x', 'x')",
          {"99100" + std::to_string(i), "区" + std::to_string(i)});
    ids_ = c->query("SELECT id FROM regions WHERE code LIKE '99100%' ORDER BY code").integers("id");
    ASSERT_EQ(ids_.size(), 4u);
  }

  // The codes of the test regions the filter keeps.
  std::vector<std::string> codes(const SqlFilter& filter) {
    SqlFilter where("r.code LIKE '99100%'", db::Params{});
    where.add(filter);
    const auto rows = database_->acquire()->query(
        "SELECT r.code FROM regions r" + where.sql() + " ORDER BY r.code", where.params());
    std::vector<std::string> out;
    for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(rows[i].text("code"));
    return out;
  }
  SqlFilter in_set(const std::vector<std::int64_t>& ids) {
    return in_id_set(database_->acquire()->dialect(), "r.id", json_id_array(ids));
  }

  std::unique_ptr<db::Database> database_;
  std::vector<std::int64_t> ids_;
};

TEST_F(IdSet, KeepsExactlyTheRowsOfTheSet) {
  EXPECT_EQ(codes(in_set({ids_[1], ids_[3]})), (std::vector<std::string>{"991001", "991003"}));
  EXPECT_EQ(codes(in_set({ids_[2]})), (std::vector<std::string>{"991002"}));
  EXPECT_TRUE(codes(in_set({})).empty());
}

TEST_F(IdSet, IsOneAlternativeAmongOthers) {
  const auto either = SqlFilter::any_of({in_set({ids_[0]}), SqlFilter("r.code = ?", db::Params{"991002"})});
  EXPECT_EQ(codes(either), (std::vector<std::string>{"991000", "991002"}));
}

// The same rows as the OR of the alternatives, with the parameters in the alternatives' order, and no row
// twice where alternatives overlap.
TEST_F(IdSet, AKeyInTheUnionOfAlternativesKeepsTheRowsOfTheirOr) {
  const std::vector<SqlFilter> alternatives = {
      in_set({ids_[0], ids_[1]}), SqlFilter("r.code = ?", db::Params{"991003"}), in_set({ids_[1]})};
  const auto united = SqlFilter::key_in_union("r.id", "regions r", alternatives);
  EXPECT_EQ(codes(united), (std::vector<std::string>{"991000", "991001", "991003"}));
  EXPECT_EQ(codes(united), codes(SqlFilter::any_of(alternatives)));
  EXPECT_EQ(united.params().size(), 3u);
}
