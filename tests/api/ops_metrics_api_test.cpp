// Operations (issue 14): GET /metrics in Prometheus' format, answered only to a direct loopback peer or the
// configured token; liveness and readiness probes; the JSON access log without query strings. Real server
// processes on SQLite or PostgreSQL (whichever the tests run on).
#include <algorithm>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "harness.hpp"
#include "platform/db/database.hpp"
#include "test_database.hpp"

using namespace rw::testing;

namespace {

constexpr const char* kToken = "metrics-token-0123456789abcdef";

bool has_line(const std::string& text, const std::string& line) {
  return text.find("\n" + line + "\n") != std::string::npos;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

TEST(OpsMetrics, RequestsJobsAndThePoolAreCountedAndTheLogHasNoQueryString) {
  ServerProcess server({{"--access-log", "json"}, false});
  const auto port = server.port();
  for (int i = 0; i < 2; ++i)
    EXPECT_EQ(http_request(port, "GET", "/api/v1/enterprises/999?q=13912345678").status, 401);
  EXPECT_EQ(http_request(port, "GET", "/api/v1/no-such-route").status, 404);
  EXPECT_EQ(http_request(port, "GET", "/api/v1/livez").json()["status"], "ok");
  EXPECT_EQ(http_request(port, "GET", "/api/v1/readyz").json()["status"], "ok");

  // The daily jobs run once at start, on a thread of their own; a request is counted once its response has
  // been sent, so the client may read the response a moment before the count moves.
  const std::vector<std::string> counted = {
      R"(riskwatch_http_requests_total{route="/api/v1/enterprises/{id}",method="GET",status="401"} 2)",
      R"(riskwatch_http_requests_total{route="unmatched",method="GET",status="404"} 1)",
      R"(riskwatch_http_requests_total{route="/api/v1/livez",method="GET",status="200"} 1)",
      R"(riskwatch_job_runs_total{job="daily jobs",outcome="ok"} 1)"};
  const auto all_counted = [&](const std::string& text) {
    return std::all_of(counted.begin(), counted.end(),
                       [&](const auto& line) { return has_line(text, line); });
  };
  std::string text;
  for (int tries = 0; tries < 50; ++tries) {
    const auto scraped = http_request(port, "GET", "/api/v1/metrics");
    ASSERT_EQ(scraped.status, 200) << scraped.body;
    EXPECT_EQ(scraped.header("content-type"), "text/plain; version=0.0.4; charset=utf-8");
    text = "\n" + scraped.body;
    if (all_counted(text)) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  for (const auto& line : counted) EXPECT_TRUE(has_line(text, line)) << line << "\n" << text;
  EXPECT_TRUE(has_line(
      text,
      R"(riskwatch_http_request_duration_seconds_count{route="/api/v1/enterprises/{id}",method="GET"} 2)"));
  EXPECT_NE(text.find("\nriskwatch_db_connections_max "), std::string::npos);
  EXPECT_NE(text.find("\nriskwatch_requests_running 1\n"), std::string::npos);  // the scrape itself
  EXPECT_NE(text.find("\nprocess_resident_memory_bytes "), std::string::npos);
  EXPECT_EQ(text.find("13912345678"), std::string::npos);

  // One JSON object a line; the path without its query string, which appears nowhere in the log.
  server.terminate();
  const auto log = read_file(server.dir() + "/server.log");
  int lines = 0;
  std::istringstream in(log);
  for (std::string line; std::getline(in, line);) {
    const auto brace = line.find('{');
    if (brace == std::string::npos || line.find("\"/api/v1/enterprises/999\"") == std::string::npos) continue;
    const auto entry = nlohmann::json::parse(line.substr(brace));
    EXPECT_EQ(entry["route"], "/api/v1/enterprises/{id}");
    EXPECT_EQ(entry["status"], 401);
    EXPECT_EQ(entry["remote"], "127.0.0.1");
    EXPECT_TRUE(entry["user_id"].is_null());
    EXPECT_EQ(entry["time"].get<std::string>().size(), 24u);  // 2026-12-02T20:57:40.123Z
    ++lines;
  }
  EXPECT_EQ(lines, 2);
  EXPECT_EQ(log.find("13912345678"), std::string::npos);
}

// Behind nginx every request comes from loopback: a forwarded one is not local. Without the token it finds
// no such route, the same answer as a path that does not exist.
TEST(OpsMetrics, OnlyADirectLoopbackPeerOrTheTokenMayScrape) {
  const auto dir = make_temp_dir();
  std::ofstream(dir + "/token") << kToken << "\n";
  ServerProcess server({{"--metrics-token-file", dir + "/token", "--trusted-proxy", "127.0.0.1"}, false});
  const auto port = server.port();
  const auto unknown = http_request(port, "GET", "/api/v1/no-such-route");
  EXPECT_EQ(http_request(port, "GET", "/api/v1/metrics").status, 200);
  for (const auto& headers : std::vector<std::map<std::string, std::string>>{
           {{"X-Forwarded-For", "203.0.113.9"}},
           {{"Forwarded", "for=203.0.113.9"}},
           {{"X-Forwarded-For", "203.0.113.9"}, {"Authorization", "Bearer wrong-token-0123456789abcdef"}},
           {{"X-Forwarded-For", "127.0.0.1"}}}) {
    const auto refused = http_request(port, "GET", "/api/v1/metrics", "", headers);
    EXPECT_EQ(refused.status, 404) << headers.begin()->first;
    EXPECT_EQ(refused.json()["code"], unknown.json()["code"]);
    EXPECT_EQ(refused.body.find("riskwatch_"), std::string::npos);
  }
  const auto with_token =
      http_request(port, "GET", "/api/v1/metrics", "",
                   {{"X-Forwarded-For", "203.0.113.9"}, {"Authorization", std::string("Bearer ") + kToken}});
  EXPECT_EQ(with_token.status, 200);
  EXPECT_NE(with_token.body.find("riskwatch_build_info"), std::string::npos);
}

// A server whose database schema is behind its build is alive but not ready (503 not_ready).
TEST(OpsProbes, ReadinessNeedsTheSchemaOfThisBuild) {
  ServerProcess server({{}, false});
  const auto port = server.port();
  EXPECT_EQ(http_request(port, "GET", "/api/v1/readyz").status, 200);
  {
    auto database = rw::db::Database::open(server.db_url(), 1);
    auto connection = database->acquire();
    ASSERT_EQ(
        connection->execute(
            "DELETE FROM schema_migrations WHERE version = (SELECT MAX(version) FROM schema_migrations)"),
        1);
  }
  const auto not_ready = http_request(port, "GET", "/api/v1/readyz");
  EXPECT_EQ(not_ready.status, 503);
  EXPECT_EQ(not_ready.json()["code"], "not_ready");
  EXPECT_FALSE(not_ready.json()["detail"].get<std::string>().empty());
  EXPECT_EQ(http_request(port, "GET", "/api/v1/livez").status, 200);
}
