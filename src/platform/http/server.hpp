#pragma once
// The HTTP/1.1 transport (Boost.Beast). All Beast/Asio code lives in server.cpp.
//
// I/O threads read and parse requests and write responses; the application's handler, with all its database
// work, runs on a fixed pool of worker threads, so a slow request occupies one worker and never stalls the
// connections of others. When `queue_limit` requests already wait for a worker, the next is refused at once
// (503 server_busy, Retry-After) rather than queued without end.
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <stop_token>
#include <string>
#include <string_view>

#include "platform/http/message.hpp"

namespace rw::http {

// One line per answered request: "text" for people, "json" (one object a line) for log collectors.
enum class AccessLog { off, text, json };

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;
  std::size_t threads = 0;  // I/O threads; 0: one per core
  // Handler threads, each using a database connection; 0: four per core, at least 4. More than the cores: a
  // request that waits for its database or runs long holds a worker, and cheap requests should find one free.
  std::size_t workers = 0;
  // How much lower the workers' CPU priority is than the I/O threads' and the lane's (nice, 0–19): while
  // lists keep every core busy, reading requests, writing answers and the probes still get the CPU at once.
  int worker_nice = 10;
  std::size_t queue_limit = 256;  // requests waiting for a worker beyond which the server answers 503
  // Requests this says yes to (a health probe) run on a lane of their own, one thread that no long list
  // holds: a load balancer's probe is answered while every worker is busy. Not set: none.
  std::function<bool(std::string_view method, std::string_view target)> own_lane;
  std::size_t body_limit = 10 * 1024 * 1024;  // bytes; larger bodies get 413 (unless body_limit_for says)
  // The body limit of one request, asked once its headers are read and before its body is: lets upload
  // routes take more than the rest. body_limit applies when this is not set.
  std::function<std::size_t(std::string_view method, std::string_view target)> body_limit_for;
  std::size_t spool_threshold = 1024 * 1024;         // larger bodies stream to a temporary file, not memory
  std::filesystem::path spool_dir;                   // where those files go; empty: $TMPDIR or /tmp
  std::chrono::milliseconds header_timeout{10'000};  // to receive a request's headers
  std::chrono::milliseconds body_timeout{60'000};    // to receive its body / send the response
  std::chrono::milliseconds idle_timeout{30'000};    // keep-alive wait for the next request
  std::chrono::milliseconds shutdown_grace{20'000};  // in-flight requests get this long after SIGTERM
  // Called once the socket listens, with the bound port (useful with port 0).
  std::function<void(unsigned short)> on_listening;
  // Stops the server like SIGTERM does (an embedding program or a test).
  std::stop_token stop;
  AccessLog access_log = AccessLog::text;
};

// The thread counts serve() uses for these options on this machine.
std::size_t io_thread_count(const ServerOptions& options);
std::size_t worker_count(const ServerOptions& options);

// Must not throw: it turns every failure into a response itself. Called on worker threads, several at once.
using RequestHandler = std::function<Response(Request&)>;

// Serves until SIGINT or SIGTERM (or `options.stop`), then lets in-flight requests finish and returns.
void serve(const ServerOptions& options, const RequestHandler& handler);

}  // namespace rw::http
