// The worker pool: handlers run on workers, not on the I/O threads, so a request that holds its worker does
// not stall others; when too many requests wait for a worker the server answers 503 at once. The server runs
// in this process, serving the real Api with a test route added through its `more_routes` hook.
#include <sys/resource.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <thread>

#include "app/api.hpp"
#include "harness.hpp"
#include "platform/files/directory_store.hpp"
#include "platform/http/server.hpp"
#include "test_database.hpp"

using namespace rw::testing;
using namespace std::chrono_literals;

namespace {

class InProcessServer {
 public:
  InProcessServer(rw::http::ServerOptions options, const std::function<void(rw::api::Routes&)>& routes)
      : database_(rw::db::Database::open(fresh_database_url(), rw::http::worker_count(options) + 1)),
        files_(make_temp_dir()),
        api_(*database_, clock_, rw::api::Settings{}, files_, "/nonexistent", routes),
        options_(std::move(options)) {
    options_.port = 0;
    options_.on_listening = [this](unsigned short port) { listening_.set_value(port); };
    options_.stop = stop_.get_token();
    thread_ = std::thread([this] {
      try {
        rw::http::serve(options_, [this](rw::http::Request& request) { return api_.handle(request); });
      } catch (...) {
        listening_.set_exception(std::current_exception());
      }
    });
    port_ = listening_.get_future().get();
  }
  ~InProcessServer() {
    stop_.request_stop();
    thread_.join();
  }
  unsigned short port() const { return port_; }

 private:
  rw::SystemClock clock_;
  std::unique_ptr<rw::db::Database> database_;
  rw::files::DirectoryStore files_;
  rw::app::Api api_;
  rw::http::ServerOptions options_;
  std::promise<unsigned short> listening_;
  std::stop_source stop_;
  std::thread thread_;
  unsigned short port_ = 0;
};

std::future<HttpResult> get_async(unsigned short port, const std::string& target) {
  return std::async(std::launch::async, [port, target] { return http_request(port, "GET", target); });
}

}  // namespace

// With the handler on the only I/O thread, /health could not be answered until the held request gave up
// after 10 s, and that request would report it never saw /health answered.
TEST(RequestWorkers, HealthIsAnsweredWhileAnotherRequestHoldsItsWorker) {
  std::promise<void> started, health_answered;
  const auto answered = health_answered.get_future().share();
  InProcessServer server({.threads = 1, .workers = 2}, [&](rw::api::Routes& routes) {
    routes.get("/test/wait-for-health", rw::api::kPublic, [&](rw::api::Context&) {
      started.set_value();
      return rw::api::json_ok({{"saw_health", answered.wait_for(10s) == std::future_status::ready}});
    });
  });
  auto held = get_async(server.port(), "/api/v1/test/wait-for-health");
  ASSERT_EQ(started.get_future().wait_for(10s), std::future_status::ready);
  EXPECT_EQ(http_request(server.port(), "GET", "/api/v1/health").status, 200);
  health_answered.set_value();
  const auto result = held.get();
  EXPECT_EQ(result.status, 200);
  EXPECT_EQ(result.json()["saw_health"], true);
}

TEST(RequestWorkers, WhenTheQueueIsFullTheServerAnswers503AtOnce) {
  std::promise<void> started, release;
  const auto released = release.get_future().share();
  InProcessServer server({.threads = 2, .workers = 1, .queue_limit = 1}, [&](rw::api::Routes& routes) {
    routes.get("/test/hold", rw::api::kPublic, [&](rw::api::Context&) {
      started.set_value();
      released.wait_for(10s);
      return rw::api::json_ok({});
    });
  });
  auto held = get_async(server.port(), "/api/v1/test/hold");  // takes the only worker
  ASSERT_EQ(started.get_future().wait_for(10s), std::future_status::ready);
  // Of two more requests, one waits for the worker; the other finds the queue full.
  std::future<HttpResult> more[] = {get_async(server.port(), "/api/v1/health"),
                                    get_async(server.port(), "/api/v1/health")};
  int refused = -1;
  for (auto deadline = std::chrono::steady_clock::now() + 10s;
       refused < 0 && std::chrono::steady_clock::now() < deadline;)
    for (int i : {0, 1})
      if (refused < 0 && more[i].wait_for(5ms) == std::future_status::ready) refused = i;
  release.set_value();
  ASSERT_GE(refused, 0) << "neither request was answered while the worker was held";
  const auto busy = more[refused].get();
  EXPECT_EQ(busy.status, 503);
  EXPECT_EQ(busy.header("content-type"), "application/problem+json");
  EXPECT_EQ(busy.header("retry-after"), "1");
  EXPECT_EQ(busy.json()["code"], "server_busy");
  EXPECT_EQ(busy.json()["detail"], "服务器繁忙，请稍后重试");
  EXPECT_EQ(held.get().status, 200);
  EXPECT_EQ(more[1 - refused].get().status, 200);  // the one that waited is served once the worker is free
}

// A health probe on its own lane is answered while the only worker is held and another request waits for
// it; without the lane it would wait behind them (and a load balancer would take the server out).
TEST(RequestWorkers, HealthOnItsOwnLaneIsAnsweredWhileEveryWorkerIsHeld) {
  std::promise<void> started, release;
  const auto released = release.get_future().share();
  rw::http::ServerOptions options{.threads = 1, .workers = 1};
  options.own_lane = [](std::string_view, std::string_view target) { return target == "/api/v1/health"; };
  InProcessServer server(options, [&](rw::api::Routes& routes) {
    routes.get("/test/hold", rw::api::kPublic, [&](rw::api::Context&) {
      started.set_value();
      released.wait_for(10s);
      return rw::api::json_ok({{"released", true}});
    });
  });
  auto held = get_async(server.port(), "/api/v1/test/hold");
  ASSERT_EQ(started.get_future().wait_for(10s), std::future_status::ready);
  auto waiting = get_async(server.port(), "/api/v1/dictionaries");  // queued behind the held worker
  auto health = get_async(server.port(), "/api/v1/health");
  const bool answered_while_held = health.wait_for(5s) == std::future_status::ready;
  release.set_value();
  EXPECT_TRUE(answered_while_held);
  EXPECT_EQ(health.get().status, 200);
  EXPECT_EQ(held.get().json()["released"], true);
  EXPECT_EQ(waiting.get().status, 401);  // served once the worker is free (and refused: no session)
}

namespace {

// The nice value of each of this process's threads by name (several threads may share one).
std::multimap<std::string, int> nice_of_threads() {
  std::multimap<std::string, int> out;
  for (const auto& task : std::filesystem::directory_iterator("/proc/self/task")) {
    std::string name;
    std::getline(std::ifstream(task.path() / "comm"), name);
    const auto tid = static_cast<id_t>(std::stol(task.path().filename().string()));
    errno = 0;
    const int nice = getpriority(PRIO_PROCESS, tid);
    if (errno == 0) out.emplace(name, nice);  // else the thread has just ended
  }
  return out;
}

}  // namespace

// While lists keep every core busy, reading requests, writing answers and the probes' lane must still get the
// CPU at once: the workers run at a lower priority than the I/O threads and the lane.
TEST(RequestWorkers, WorkersYieldTheCpuToTheIoThreadsAndTheLane) {
  rw::http::ServerOptions options{.threads = 2, .workers = 3, .worker_nice = 7};
  options.own_lane = [](std::string_view, std::string_view target) { return target == "/api/v1/health"; };
  const InProcessServer server(options, [](rw::api::Routes&) {});
  ASSERT_EQ(http_request(server.port(), "GET", "/api/v1/health").status, 200);
  const int base = getpriority(PRIO_PROCESS, 0);
  // Each thread names itself as it starts, which may come after the first answer.
  auto threads = nice_of_threads();
  for (auto deadline = std::chrono::steady_clock::now() + 5s;
       threads.count("rw-io") + threads.count("rw-worker") < 4 && std::chrono::steady_clock::now() < deadline;
       std::this_thread::sleep_for(5ms))
    threads = nice_of_threads();
  ASSERT_EQ(threads.count("rw-worker"), 3u);
  ASSERT_EQ(threads.count("rw-lane"), 1u);
  ASSERT_EQ(threads.count("rw-io"), 1u);  // the second I/O thread is the server's own
  for (const auto& [name, nice] : threads) {
    if (name == "rw-worker") EXPECT_EQ(nice, std::min(19, base + 7));
    if (name == "rw-lane" || name == "rw-io") EXPECT_EQ(nice, base) << name;
  }
}
