// The metrics' text format (Prometheus exposition 0.0.4) and the access log's lines, with the expected
// text written out by hand.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "platform/http/access_log.hpp"
#include "platform/metrics.hpp"

using namespace rw;

namespace {

bool has_line(const std::string& text, const std::string& line) {
  return text.find("\n" + line + "\n") != std::string::npos;
}

}  // namespace

TEST(Metrics, RequestsAreCountedByRoutePatternMethodAndStatus) {
  metrics::Registry registry;
  registry.observe_request("/api/v1/enterprises/{id}", "GET", 200, 0.003);
  registry.observe_request("/api/v1/enterprises/{id}", "GET", 200, 0.2);
  registry.observe_request("/api/v1/enterprises/{id}", "GET", 404, 0.0005);
  registry.observe_request("/api/v1/enterprises/{id}", "PATCH", 422, 12.0);
  const auto text = registry.render();
  EXPECT_TRUE(has_line(text, "# TYPE riskwatch_http_requests_total counter"));
  EXPECT_TRUE(has_line(
      text,
      R"(riskwatch_http_requests_total{route="/api/v1/enterprises/{id}",method="GET",status="200"} 2)"));
  EXPECT_TRUE(has_line(
      text,
      R"(riskwatch_http_requests_total{route="/api/v1/enterprises/{id}",method="GET",status="404"} 1)"));
  EXPECT_TRUE(has_line(
      text,
      R"(riskwatch_http_requests_total{route="/api/v1/enterprises/{id}",method="PATCH",status="422"} 1)"));
}

// Buckets are cumulative; +Inf, _count and _sum close each series; a time beyond the last bound (16 s)
// counts only in +Inf.
TEST(Metrics, LatencyIsAHistogramWithCumulativeBuckets) {
  metrics::Registry registry;
  // Powers of two, so the sum is exact: 2^-10, 2^-8, 2^-2 and 16 seconds.
  registry.observe_request("/api/v1/health", "GET", 200, 0.0009765625);
  registry.observe_request("/api/v1/health", "GET", 200, 0.00390625);
  registry.observe_request("/api/v1/health", "GET", 200, 0.25);
  registry.observe_request("/api/v1/health", "GET", 200, 16.0);
  const auto text = registry.render();
  const std::string series =
      R"(riskwatch_http_request_duration_seconds_bucket{route="/api/v1/health",method="GET",)";
  EXPECT_TRUE(has_line(text, series + R"(le="0.001"} 1)"));
  EXPECT_TRUE(has_line(text, series + R"(le="0.0025"} 1)"));
  EXPECT_TRUE(has_line(text, series + R"(le="0.005"} 2)"));
  EXPECT_TRUE(has_line(text, series + R"(le="0.1"} 2)"));
  EXPECT_TRUE(has_line(text, series + R"(le="0.25"} 3)"));
  EXPECT_TRUE(has_line(text, series + R"(le="10"} 3)"));
  EXPECT_TRUE(has_line(text, series + R"(le="+Inf"} 4)"));
  EXPECT_TRUE(has_line(
      text, R"(riskwatch_http_request_duration_seconds_count{route="/api/v1/health",method="GET"} 4)"));
  EXPECT_TRUE(has_line(
      text,
      R"(riskwatch_http_request_duration_seconds_sum{route="/api/v1/health",method="GET"} 16.2548828125)"));
}

TEST(Metrics, JobRunsGaugesAndLabelEscaping) {
  metrics::Registry registry;
  const std::chrono::system_clock::time_point at{std::chrono::seconds(1780000000)};
  registry.count_job_run("daily jobs", true, at);
  registry.count_job_run("daily jobs", false, at + std::chrono::seconds(60));
  registry.add_gauges([] { return std::vector<metrics::Gauge>{{"riskwatch_test_gauge", "A test.", 7}}; });
  ++registry.requests_waiting;
  const auto text = registry.render();
  EXPECT_TRUE(has_line(text, R"(riskwatch_job_runs_total{job="daily jobs",outcome="ok"} 1)"));
  EXPECT_TRUE(has_line(text, R"(riskwatch_job_runs_total{job="daily jobs",outcome="failed"} 1)"));
  EXPECT_TRUE(has_line(text, R"(riskwatch_job_last_success_timestamp_seconds{job="daily jobs"} 1780000000)"));
  EXPECT_TRUE(has_line(text, "riskwatch_test_gauge 7"));
  EXPECT_TRUE(has_line(text, "riskwatch_requests_waiting 1"));
  EXPECT_NE(text.find("\nprocess_resident_memory_bytes "), std::string::npos);
  EXPECT_EQ(metrics::label_value("a\"b\\c\nd"), R"(a\"b\\c\nd)");
}

// The query string (a search term, a phone number) never reaches the log, in either format.
TEST(AccessLog, LinesLeaveOutTheQueryString) {
  const http::AccessEntry entry{
      std::chrono::system_clock::time_point{std::chrono::milliseconds(1780000000123)},
      "GET",
      "/api/v1/enterprises?q=13912345678",
      "/api/v1/enterprises",
      200,
      512,
      3.14,
      "10.0.0.7",
      42,
      "abc123"};
  EXPECT_EQ(http::access_line(http::AccessLog::text, entry),
            "GET /api/v1/enterprises 200 512B 3.1ms user=42 rid=abc123");
  const auto json = nlohmann::json::parse(http::access_line(http::AccessLog::json, entry));
  EXPECT_EQ(json["time"], "2026-05-28T20:26:40.123Z");
  EXPECT_EQ(json["path"], "/api/v1/enterprises");
  EXPECT_EQ(json["route"], "/api/v1/enterprises");
  EXPECT_EQ(json["status"], 200);
  EXPECT_EQ(json["bytes"], 512);
  EXPECT_EQ(json["duration_ms"], 3.1);
  EXPECT_EQ(json["remote"], "10.0.0.7");
  EXPECT_EQ(json["user_id"], 42);
  EXPECT_EQ(json["request_id"], "abc123");
  EXPECT_EQ(json.dump().find("1391234"), std::string::npos);
  EXPECT_EQ(http::access_line(http::AccessLog::off, entry), "");
}
