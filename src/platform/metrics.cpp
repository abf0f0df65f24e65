#include "platform/metrics.hpp"

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace rw::metrics {
namespace {

std::string number(double value) {
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  return fmt::format("{}", value);
}

void head(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
  out += fmt::format("# HELP {} {}\n# TYPE {} {}\n", name, help, name, type);
}

// Resident memory, CPU seconds, open files and start time, read from /proc like Prometheus' own clients.
std::vector<Gauge> process_gauges() {
  std::vector<Gauge> out;
  const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
  std::ifstream stat("/proc/self/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  // Fields after the command's closing parenthesis: state is field 3; utime 14, stime 15, starttime 22,
  // rss 24.
  const auto close = text.rfind(')');
  if (close != std::string::npos) {
    std::istringstream fields(text.substr(close + 2));
    std::vector<std::string> f{std::istream_iterator<std::string>(fields),
                               std::istream_iterator<std::string>()};
    if (f.size() > 21) {
      out.push_back({"process_cpu_seconds_total", "User and system CPU time spent in seconds.",
                     (std::stod(f[11]) + std::stod(f[12])) / ticks});
      out.push_back({"process_resident_memory_bytes", "Resident memory size in bytes.",
                     std::stod(f[21]) * static_cast<double>(sysconf(_SC_PAGESIZE))});
      std::ifstream uptime("/proc/uptime");
      double up = 0;
      uptime >> up;
      const double boot = static_cast<double>(std::chrono::duration_cast<std::chrono::seconds>(
                                                  std::chrono::system_clock::now().time_since_epoch())
                                                  .count()) -
                          up;
      out.push_back({"process_start_time_seconds",
                     "Start time of the process since the Unix epoch in seconds.",
                     boot + std::stod(f[19]) / ticks});
    }
  }
  std::error_code ec;
  double open = 0;
  for (auto it = std::filesystem::directory_iterator("/proc/self/fd", ec);
       !ec && it != std::filesystem::directory_iterator(); it.increment(ec))
    ++open;
  out.push_back({"process_open_fds", "Number of open file descriptors.", open});
  return out;
}

}  // namespace

std::string label_value(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '"')
      out += "\\\"";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out;
}

void Registry::observe_request(std::string_view route, std::string_view method, int status, double seconds) {
  std::size_t bucket = 0;
  while (bucket < kLatencyBuckets.size() && seconds > kLatencyBuckets[bucket]) ++bucket;
  std::lock_guard lock(mutex_);
  ++requests_[{std::string(route), std::string(method), status}];
  auto& latency = latency_[{std::string(route), std::string(method)}];
  if (bucket < kLatencyBuckets.size()) ++latency.buckets[bucket];
  ++latency.count;
  latency.sum += seconds;
}

void Registry::count_job_run(std::string_view job, bool ok, std::chrono::system_clock::time_point at) {
  const double seconds = std::chrono::duration<double>(at.time_since_epoch()).count();
  std::lock_guard lock(mutex_);
  auto& runs = jobs_[std::string(job)];
  ++(ok ? runs.ok : runs.failed);
  runs.last_run = seconds;
  if (ok) runs.last_success = seconds;
}

void Registry::add_gauges(std::function<std::vector<Gauge>()> source) {
  std::lock_guard lock(mutex_);
  gauges_.push_back(std::move(source));
}

std::string Registry::render() const {
  std::vector<std::function<std::vector<Gauge>()>> sources;
  std::string out;
  {
    std::lock_guard lock(mutex_);
    sources = gauges_;
    head(out, "riskwatch_http_requests_total", "counter",
         "HTTP requests answered, by route, method and status.");
    for (const auto& [key, count] : requests_) {
      const auto& [route, method, status] = key;
      out += fmt::format("riskwatch_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n",
                         label_value(route), label_value(method), status, count);
    }
    head(out, "riskwatch_http_request_duration_seconds", "histogram",
         "Time from a request's first byte to its answer's last, by route and method.");
    for (const auto& [key, latency] : latency_) {
      const auto labels =
          fmt::format("route=\"{}\",method=\"{}\"", label_value(key.first), label_value(key.second));
      std::uint64_t cumulative = 0;
      for (std::size_t i = 0; i < kLatencyBuckets.size(); ++i) {
        cumulative += latency.buckets[i];
        out += fmt::format("riskwatch_http_request_duration_seconds_bucket{{{},le=\"{}\"}} {}\n", labels,
                           number(kLatencyBuckets[i]), cumulative);
      }
      out += fmt::format("riskwatch_http_request_duration_seconds_bucket{{{},le=\"+Inf\"}} {}\n", labels,
                         latency.count);
      out +=
          fmt::format("riskwatch_http_request_duration_seconds_sum{{{}}} {}\n", labels, number(latency.sum));
      out += fmt::format("riskwatch_http_request_duration_seconds_count{{{}}} {}\n", labels, latency.count);
    }
    head(out, "riskwatch_job_runs_total", "counter", "Runs of the repeating jobs, by job and outcome.");
    for (const auto& [job, runs] : jobs_) {
      out += fmt::format("riskwatch_job_runs_total{{job=\"{}\",outcome=\"ok\"}} {}\n", label_value(job),
                         runs.ok);
      out += fmt::format("riskwatch_job_runs_total{{job=\"{}\",outcome=\"failed\"}} {}\n", label_value(job),
                         runs.failed);
    }
    head(out, "riskwatch_job_last_success_timestamp_seconds", "gauge",
         "When each job last ran without failing.");
    for (const auto& [job, runs] : jobs_)
      out += fmt::format("riskwatch_job_last_success_timestamp_seconds{{job=\"{}\"}} {}\n", label_value(job),
                         number(runs.last_success));
  }
  head(out, "riskwatch_requests_waiting", "gauge", "Requests waiting for a worker.");
  out += fmt::format("riskwatch_requests_waiting {}\n", requests_waiting.load());
  head(out, "riskwatch_requests_running", "gauge", "Requests a worker is handling.");
  out += fmt::format("riskwatch_requests_running {}\n", requests_running.load());
  for (const auto& source : sources)
    for (const auto& gauge : source()) {
      head(out, gauge.name, "gauge", gauge.help);
      out += gauge.name + " " + number(gauge.value) + "\n";
    }
  for (const auto& gauge : process_gauges()) {
    head(out, gauge.name, gauge.name.ends_with("_total") ? "counter" : "gauge", gauge.help);
    out += gauge.name + " " + number(gauge.value) + "\n";
  }
  head(out, "riskwatch_build_info", "gauge", "The running version.");
  out += fmt::format("riskwatch_build_info{{version=\"{}\"}} 1\n", label_value(RISKWATCH_VERSION));
  return out;
}

Registry& process() {
  static Registry registry;
  return registry;
}

}  // namespace rw::metrics
