// A webhook subscription deleted while a request reads it answers 404. Its deletion may commit between the
// request's access check and its read of the row (PostgreSQL gives each statement its own snapshot); the read
// took the row for granted, and the server's worker crashed in the allocator (API tests on PostgreSQL, two
// runs in five).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "accounts/operation.hpp"
#include "platform/db/migrations.hpp"
#include "platform/errors.hpp"
#include "test_database.hpp"
#include "webhooks/webhook_service.hpp"

namespace rw {
namespace {

// The request's connection: just before it reads the subscription's row, another connection deletes it.
class DeletedBeforeItsRowIsRead final : public db::Connection {
 public:
  DeletedBeforeItsRowIsRead(db::Connection& inner, db::Connection& other, std::int64_t id)
      : inner_(inner), other_(other), id_(id) {}
  db::Rows query(std::string_view sql, const db::Params& params = {}) override {
    if (sql.find("FROM webhook_subscriptions ws JOIN organizations") != std::string_view::npos)
      other_.execute("DELETE FROM webhook_subscriptions WHERE id = ?", {id_});
    return inner_.query(sql, params);
  }
  std::int64_t execute(std::string_view sql, const db::Params& params = {}) override {
    return inner_.execute(sql, params);
  }
  void execute_script(std::string_view sql) override { inner_.execute_script(sql); }
  void begin(bool write) override { inner_.begin(write); }
  void commit() override { inner_.commit(); }
  void rollback() override { inner_.rollback(); }
  bool in_transaction() const override { return inner_.in_transaction(); }
  db::Dialect dialect() const override { return inner_.dialect(); }
  std::uint64_t database_serial() const override { return inner_.database_serial(); }

 private:
  db::Connection& inner_;
  db::Connection& other_;
  std::int64_t id_;
};

TEST(WebhookSubscriptionGone, ASubscriptionDeletedBeforeItsRowIsReadIsNotFound) {
  auto database = db::Database::open(testing::fresh_database_url(), 2);
  db::migrate(*database);
  auto lease = database->acquire();
  auto other = database->acquire();
  const std::string at = "2026-06-01T02:00:00Z";
  const auto org = lease
                       ->query(
                           "INSERT INTO organizations (name, type, created_at, updated_at) VALUES "
                           "('绿源环境服务有限公司', 'agency', ?, ?) RETURNING id",
                           {at, at})[0]
                       .integer("id");
  const auto id = lease
                      ->query(
                          "INSERT INTO webhook_subscriptions (org_id, url, event_types, secret, created_at, "
                          "updated_at) VALUES (?, 'https://hooks.example.com/rw', '[\"*\"]', 's', ?, ?) "
                          "RETURNING id",
                          {org, at, at})[0]
                      .integer("id");
  accounts::Actor admin;
  admin.id = 1;
  admin.org_id = org;
  admin.org_type = "agency";
  admin.roles = {"admin"};
  const SystemClock clock;
  DeletedBeforeItsRowIsRead racing(*lease, *other, id);
  const accounts::Operation op{racing, admin, clock, "test"};
  try {
    webhooks::get_subscription(op, id);
    FAIL() << "the deleted subscription was answered";
  } catch (const ApiError& error) {
    EXPECT_EQ(error.kind, ErrorKind::not_found);
  }
  EXPECT_TRUE(other->query("SELECT id FROM webhook_subscriptions WHERE id = ?", {id}).empty());
}

}  // namespace
}  // namespace rw
