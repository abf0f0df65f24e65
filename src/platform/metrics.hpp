#pragma once
// The process's metrics in Prometheus' text format (GET /api/v1/metrics): requests by route, method and
// status with a latency histogram, runs of the repeating jobs, and gauges read when scraped (the request
// queue, the database pool, the process). One registry per process, as Prometheus clients keep it; a
// mutex guards the maps, which gain a series only for a new route, status or job.
#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace rw::metrics {

// Upper bounds in seconds of the latency buckets (+Inf is implied).
inline constexpr std::array<double, 12> kLatencyBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                           0.1,   0.25,   0.5,   1.0,  2.5,   10.0};

struct Gauge {
  std::string name;  // riskwatch_request_queue_length
  std::string help;
  double value = 0;
};

class Registry {
 public:
  // `route` is the route's pattern ("/api/v1/enterprises/{id}"), never the path a client sent, so the
  // series stay as few as the routes.
  void observe_request(std::string_view route, std::string_view method, int status, double seconds);
  void count_job_run(std::string_view job, bool ok, std::chrono::system_clock::time_point at);
  // Gauges a part of the process reports when scraped (the server its queue, the database its pool).
  void add_gauges(std::function<std::vector<Gauge>()> source);

  std::string render() const;

  // Kept by the HTTP server: requests waiting for a worker, and requests a worker is handling.
  std::atomic<std::int64_t> requests_waiting{0};
  std::atomic<std::int64_t> requests_running{0};

 private:
  struct Latency {
    std::array<std::uint64_t, kLatencyBuckets.size()> buckets{};  // not cumulative; render() sums them
    std::uint64_t count = 0;
    double sum = 0;
  };
  struct JobRuns {
    std::uint64_t ok = 0, failed = 0;
    double last_run = 0, last_success = 0;  // Unix seconds
  };
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;  // route, method, status
  std::map<std::pair<std::string, std::string>, Latency> latency_;               // route, method
  std::map<std::string, JobRuns> jobs_;
  std::vector<std::function<std::vector<Gauge>()>> gauges_;
};

Registry& process();

// A label value as the format wants it: backslash, double quote and newline escaped.
std::string label_value(std::string_view text);

}  // namespace rw::metrics
