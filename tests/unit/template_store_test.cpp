// The parsed templates a process keeps (inspections/template_store.hpp) against the real engine.
#include <gtest/gtest.h>

#include "forms/shipped.hpp"
#include "inspections/template_store.hpp"
#include "platform/db/migrations.hpp"
#include "test_database.hpp"

namespace {

rw::forms::Template named(const std::string& name) {
  auto form = rw::forms::shipped_templates().at(0);
  form.name = name;
  form.body["name"] = name;
  return form;
}

std::unique_ptr<rw::db::Database> database_holding(const std::string& name) {
  auto database = rw::db::Database::open(rw::testing::fresh_database_url(), 1);
  rw::db::migrate(*database);
  auto lease = database->acquire();
  EXPECT_EQ(
      rw::inspections::insert_template(*lease, named(name), false, std::nullopt, "2026-12-03T00:00:00Z"), 1);
  return database;
}

}  // namespace

// The cache is keyed by id, and every new database numbers its templates from 1: a process that opens two
// (the tests, a restore beside a server) must still get each database's own template.
TEST(TemplateStore, EachDatabaseGetsItsOwnTemplateUnderTheSameId) {
  ASSERT_FALSE(rw::forms::shipped_templates().empty());
  const auto first = database_holding("甲表");
  const auto second = database_holding("乙表");
  EXPECT_EQ(rw::inspections::find_template(*first->acquire(), 1)->form.name, "甲表");
  EXPECT_EQ(rw::inspections::find_template(*second->acquire(), 1)->form.name, "乙表");
  EXPECT_EQ(rw::inspections::find_template(*first->acquire(), 1)->form.name, "甲表");
  EXPECT_EQ(rw::inspections::find_template(*first->acquire(), 2), nullptr);
}

// A template read in a transaction that rolls back is not used again: SQLite gives its id to the next one.
TEST(TemplateStore, ATemplateReadInATransactionThatRollsBackIsNotUsedAgain) {
  auto database = rw::db::Database::open(rw::testing::fresh_database_url(), 1);
  rw::db::migrate(*database);
  auto lease = database->acquire();
  lease->begin(true);
  const auto rolled_back = rw::inspections::insert_template(*lease, named("回滚的表"), false, std::nullopt,
                                                            "2026-12-03T00:00:00Z");
  EXPECT_EQ(rw::inspections::find_template(*lease, rolled_back)->form.name, "回滚的表");
  lease->rollback();
  const auto committed = rw::inspections::insert_template(*lease, named("提交的表"), false, std::nullopt,
                                                          "2026-12-03T00:00:00Z");
  if (!rw::testing::using_postgresql()) ASSERT_EQ(committed, rolled_back);
  EXPECT_EQ(rw::inspections::find_template(*lease, committed)->form.name, "提交的表");
}

// One read outside a transaction is kept outright. Templates are never deleted; the row goes behind the
// process's back here only to tell whether it is read again.
TEST(TemplateStore, ATemplateReadOutsideATransactionIsNotReadAgain) {
  const auto database = database_holding("读一次的表");
  auto lease = database->acquire();
  ASSERT_EQ(rw::inspections::find_template(*lease, 1)->form.name, "读一次的表");
  lease->execute("DELETE FROM checklist_templates WHERE id = 1");
  const auto kept = rw::inspections::find_template(*lease, 1);
  ASSERT_NE(kept, nullptr);
  EXPECT_EQ(kept->form.name, "读一次的表");
}
