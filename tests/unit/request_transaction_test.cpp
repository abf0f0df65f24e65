// One transaction per writing request: whatever a failing request wrote is gone afterwards.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "app/api.hpp"
#include "platform/db/migrations.hpp"
#include "platform/errors.hpp"
#include "platform/files/directory_store.hpp"
#include "test_database.hpp"

namespace {

class FixedClock : public rw::Clock {
 public:
  rw::Seconds now() const override { return 1'790'000'000; }
};

void insert_region(rw::api::Context& c, const std::string& code) {
  c.db.execute(
      "INSERT INTO regions (code, name, level, created_at, updated_at) VALUES (?, 'r', 'province', 'x', 'x')",
      {code});
}

class RequestTransactionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    database = rw::db::Database::open(rw::testing::fresh_database_url(), 2);
    rw::db::migrate(*database);
    api = std::make_unique<rw::app::Api>(
        *database, clock, rw::api::Settings{}, files, "/nonexistent", [this](rw::api::Routes& r) {
          r.post("/test/ok", rw::api::kPublic, [](rw::api::Context& c) {
            insert_region(c, "1");
            return rw::api::json_ok({}, 201);
          });
          r.post("/test/domain-error", rw::api::kPublic, [](rw::api::Context& c) -> rw::http::Response {
            insert_region(c, "2");
            throw rw::invalid_field("x", "bad", "错", "bad");
          });
          r.post("/test/crash", rw::api::kPublic, [](rw::api::Context& c) -> rw::http::Response {
            insert_region(c, "3");
            throw std::runtime_error("SELECT secret FROM internals");
          });
          // A step's route commits, then reads its answer (services/step_routes.hpp): by then another
          // connection sees what it wrote.
          r.post("/test/answer-after-commit", rw::api::kPublic, [this](rw::api::Context& c) {
            insert_region(c, "5");
            c.commit_writes();
            const auto seen = database->acquire()->query("SELECT COUNT(*) AS n FROM regions")[0].integer("n");
            return rw::api::json_ok({{"seen_by_others", seen}});
          });
          r.post("/test/duplicate", rw::api::kPublic, [](rw::api::Context& c) {
            insert_region(c, "4");
            insert_region(c, "4");
            return rw::api::json_ok({});
          });
        });
  }

  rw::http::Response post(const std::string& path) {
    rw::http::Request request;
    request.method = "POST";
    request.target = path;
    request.request_id = "test-rid";
    return api->handle(request);
  }

  std::int64_t regions() {
    return database->acquire()->query("SELECT COUNT(*) AS n FROM regions")[0].integer("n");
  }

  FixedClock clock;
  rw::files::DirectoryStore files{rw::testing::make_temp_dir()};
  std::unique_ptr<rw::db::Database> database;
  std::unique_ptr<rw::app::Api> api;
};

}  // namespace

TEST_F(RequestTransactionTest, SuccessCommits) {
  EXPECT_EQ(post("/api/v1/test/ok").status, 201);
  EXPECT_EQ(regions(), 1);
}

TEST_F(RequestTransactionTest, DomainErrorRollsBack) {
  EXPECT_EQ(post("/api/v1/test/domain-error").status, 422);
  EXPECT_EQ(regions(), 0);
}

TEST_F(RequestTransactionTest, UnexpectedErrorRollsBackAndHidesInternals) {
  auto response = post("/api/v1/test/crash");
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response.body.find("secret"), std::string::npos);
  EXPECT_NE(response.body.find("test-rid"), std::string::npos);
  EXPECT_EQ(regions(), 0);
}

TEST_F(RequestTransactionTest, ConstraintViolationIs409AndRollsBack) {
  auto response = post("/api/v1/test/duplicate");
  EXPECT_EQ(response.status, 409);
  EXPECT_EQ(nlohmann::json::parse(response.body)["code"], "conflict");
  EXPECT_EQ(regions(), 0);
}

TEST_F(RequestTransactionTest, WhatIsCommittedBeforeTheAnswerIsSeenByOthersWhileItIsRead) {
  const auto response = post("/api/v1/test/answer-after-commit");
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(nlohmann::json::parse(response.body)["seen_by_others"], 1);
  EXPECT_EQ(regions(), 1);
}
