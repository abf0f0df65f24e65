// Boost.Beast coroutine server, shaped after Beast's advanced_server_flex_awaitable example.
#include <utility>  // Boost 1.74's awaitable.hpp uses std::exchange without including <utility>.

#include <boost/asio.hpp>
#include <boost/beast.hpp>

#include <pthread.h>
#include <sched.h>
#include <sodium.h>
#include <spdlog/spdlog.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <limits>
#include <mutex>
#include <system_error>
#include <thread>
#include <unordered_set>
#include <vector>

#include "platform/http/access_log.hpp"
#include "platform/http/compression.hpp"
#include "platform/http/problem.hpp"
#include "platform/http/request_body.hpp"
#include "platform/http/server.hpp"
#include "platform/metrics.hpp"

namespace rw::http {
namespace {

namespace beast = boost::beast;
namespace net = boost::asio;
namespace bhttp = beast::http;
using tcp = net::ip::tcp;

constexpr std::size_t kBodyPieceBytes = 64 * 1024;  // a body is read in pieces of this size

// What the stop sequence needs to know about a connection; touched only on the connection's strand.
struct Connection {
  beast::tcp_stream* stream = nullptr;  // in the session's coroutine frame; null once the session has ended
  bool waiting_for_request = false;
};

// A request as read off the wire, with what writing its response needs.
struct Incoming {
  Request request;
  unsigned version = 11;
  bool keep_alive = false;
  std::chrono::steady_clock::time_point started;
};

ApiError header_too_large() {
  return {ErrorKind::header_too_large, "header_too_large", "请求头过大", "Request headers are too large"};
}

ApiError body_too_large() {
  return {ErrorKind::payload_too_large, "payload_too_large", "请求体超过大小上限",
          "The request body is larger than allowed"};
}

ApiError malformed_request() {
  return {ErrorKind::bad_request, "bad_request", "无法解析的 HTTP 请求", "Malformed HTTP request"};
}

ApiError body_not_stored() {
  return {ErrorKind::internal, "internal_error", "服务器无法保存请求体，请稍后重试",
          "The server could not store the request body; retry later"};
}

ApiError server_busy() {
  return {ErrorKind::unavailable, "server_busy", "服务器繁忙，请稍后重试",
          "The server is busy; retry shortly"};
}

std::string make_request_id(const std::string& offered) {
  bool usable = !offered.empty() && offered.size() <= 64;
  for (char c : offered)
    usable = usable && (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_');
  if (usable) return offered;
  unsigned char bytes[8];
  randombytes_buf(bytes, sizeof bytes);
  char hex[17];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return hex;
}

// Sent with every response, API and static files alike: no inline script, no framing, no type sniffing.
// Element Plus and Vant set style attributes, hence 'unsafe-inline' for styles only.
template <class Message>
void set_security_headers(Message& message) {
  message.set("Content-Security-Policy",
              "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
              "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
              "base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
  message.set("X-Content-Type-Options", "nosniff");
  message.set("Referrer-Policy", "same-origin");
  message.set(bhttp::field::x_frame_options, "DENY");
}

std::size_t cores() { return std::max(1u, std::thread::hardware_concurrency()); }

// Lets the calling thread (an I/O thread, the lane) take a core from a busy worker as soon as it wakes:
// Linux's EEVDF scheduler (6.6 and later) lets a task with a shorter time slice preempt one with a longer,
// where the workers' lower priority alone let a worker run on to the end of its slice (/health's p99 while
// lists ran flat out, province: 6.6 -> 5.5 ms, bench/README). Older kernels ignore it; failing is harmless.
void ask_short_time_slice() {
  // Linux's struct sched_attr (its first version; glibc 2.36 declares neither it nor sched_setattr, and the
  // kernel's header clashes with <sched.h>).
  struct {
    std::uint32_t size, policy;
    std::uint64_t flags;
    std::int32_t nice;
    std::uint32_t priority;
    std::uint64_t runtime, deadline, period;
  } attr{};
  attr.size = sizeof(attr);
  attr.policy = SCHED_OTHER;
  attr.runtime = 100'000;  // nanoseconds, the shortest slice Linux accepts
  if (syscall(SYS_sched_setattr, 0, &attr, 0) != 0)
    spdlog::debug("could not shorten this thread's time slice: {}", std::strerror(errno));
}

// Names the calling thread (top -H, perf and /proc show it) and lowers its CPU priority by `nice` (Linux
// keeps a nice value per thread; a new thread starts with its creator's). A thread left at its priority (an
// I/O thread, the lane) asks for a short time slice instead.
void name_this_thread(const char* name, int nice) {
  pthread_setname_np(pthread_self(), name);
  if (nice <= 0) return ask_short_time_slice();
  const auto self = static_cast<id_t>(gettid());
  const int lowered = std::min(19, getpriority(PRIO_PROCESS, self) + nice);
  if (setpriority(PRIO_PROCESS, self, lowered) != 0)
    spdlog::warn("thread {}: could not lower its priority: {}", name, std::strerror(errno));
}

// A fixed set of named threads running what is posted to it, at the priority given.
class ThreadPool {
 public:
  ThreadPool(std::size_t threads, const char* name, int nice) : guard_(ioc_.get_executor()) {
    for (std::size_t i = 0; i < threads; ++i)
      threads_.emplace_back([this, name, nice] {
        name_this_thread(name, nice);
        ioc_.run();
      });
  }
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;
  ~ThreadPool() {
    stop();
    join();
  }
  net::io_context::executor_type get_executor() { return ioc_.get_executor(); }
  // Drops what has not started yet.
  void stop() { ioc_.stop(); }
  // Waits until what was posted is done (or stop() dropped it) and the threads have ended.
  void join() {
    guard_.reset();
    for (auto& thread : threads_)
      if (thread.joinable()) thread.join();
  }

 private:
  net::io_context ioc_;
  net::executor_work_guard<net::io_context::executor_type> guard_;
  std::vector<std::thread> threads_;
};

class Server {
 public:
  Server(const ServerOptions& options, const RequestHandler& handler)
      : options_(options),
        handler_(handler),
        spool_dir_(options.spool_dir.empty() ? std::filesystem::temp_directory_path() : options.spool_dir),
        acceptor_(ioc_),
        signals_(ioc_, SIGINT, SIGTERM),
        workers_(worker_count(options), "rw-worker", options.worker_nice),
        lane_(1, "rw-lane", 0) {}

  void run() {
    tcp::endpoint endpoint(net::ip::make_address(options_.host), options_.port);
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(net::socket_base::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(net::socket_base::max_listen_connections);
    const unsigned short port = acceptor_.local_endpoint().port();
    spdlog::info("listening on http://{}:{} ({} I/O threads, {} workers)", options_.host, port,
                 io_thread_count(options_), worker_count(options_));
    if (options_.on_listening) options_.on_listening(port);

    signals_.async_wait([this](const beast::error_code& ec, int signal) {
      if (!ec) begin_stop("signal " + std::to_string(signal));
    });
    const std::stop_callback on_stop(options_.stop,
                                     [this] { net::post(ioc_, [this] { begin_stop("stop requested"); }); });
    net::co_spawn(acceptor_.get_executor(), accept_loop(), net::detached);

    std::vector<std::thread> io_threads;
    for (std::size_t i = 1; i < io_thread_count(options_); ++i)
      io_threads.emplace_back([this] {
        name_this_thread("rw-io", 0);
        ioc_.run();
      });
    ask_short_time_slice();  // this thread is an I/O thread too
    ioc_.run();
    for (auto& t : io_threads) t.join();
    workers_.join();
    lane_.join();
    {
      std::lock_guard lock(stop_mutex_);
      finished_ = true;
    }
    stop_cv_.notify_all();
    if (watchdog_.joinable()) watchdog_.join();
    spdlog::info("server stopped");
  }

 private:
  void begin_stop(const std::string& why) {
    if (stopping_.exchange(true)) return;
    spdlog::info("{}: no new connections; finishing in-flight requests", why);
    beast::error_code ignored;
    acceptor_.close(ignored);
    signals_.cancel(ignored);
    std::lock_guard lock(connections_mutex_);
    for (const auto& connection : connections_) {
      net::post(connection->stream->get_executor(), [connection] {
        if (connection->stream && connection->waiting_for_request) connection->stream->cancel();
      });
    }
    // A request that does not finish within the grace period is cut off.
    watchdog_ = std::thread([this] {
      std::unique_lock wait_lock(stop_mutex_);
      if (!stop_cv_.wait_for(wait_lock, options_.shutdown_grace, [this] { return finished_; })) {
        spdlog::warn("grace period over; closing remaining connections");
        ioc_.stop();
        workers_.stop();
        lane_.stop();
      }
    });
  }

  net::awaitable<void> accept_loop() {
    while (!stopping_) {
      beast::error_code ec;
      tcp::socket socket = co_await acceptor_.async_accept(net::make_strand(ioc_),
                                                           net::redirect_error(net::use_awaitable, ec));
      if (ec) {
        if (stopping_ || ec == net::error::operation_aborted) break;
        spdlog::warn("accept failed: {}", ec.message());
        continue;
      }
      // A response can leave in several writes (a file body 4 KiB at a time); with Nagle's algorithm the
      // last small one waited for the client's delayed ACK, 40 ms per response on a kept-alive connection.
      socket.set_option(tcp::no_delay(true), ec);
      auto executor = socket.get_executor();
      net::co_spawn(executor, session(std::move(socket)), [](std::exception_ptr error) {
        if (!error) return;
        try {
          std::rethrow_exception(error);
        } catch (const std::exception& e) {
          spdlog::error("connection failed: {}", e.what());
        }
      });
    }
  }

  template <class Message>
  static net::awaitable<bool> write(beast::tcp_stream& stream, Message& message, beast::error_code& ec) {
    co_await bhttp::async_write(stream, message, net::redirect_error(net::use_awaitable, ec));
    co_return !ec;
  }

  net::awaitable<void> send_problem_and_close(beast::tcp_stream& stream, unsigned version,
                                              const ApiError& error) {
    Response problem = problem_response(error);
    bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(problem.status), version};
    res.set(bhttp::field::content_type, problem.content_type);
    set_security_headers(res);
    res.body() = std::move(problem.body);
    res.keep_alive(false);
    res.prepare_payload();
    stream.expires_after(options_.body_timeout);
    beast::error_code ec;
    co_await write(stream, res, ec);
  }

  net::awaitable<void> session(tcp::socket socket) {
    beast::tcp_stream stream(std::move(socket));
    auto connection = std::make_shared<Connection>();
    connection->stream = &stream;
    {
      std::lock_guard lock(connections_mutex_);
      connections_.insert(connection);
    }
    beast::error_code ec;
    const std::string remote = stream.socket().remote_endpoint(ec).address().to_string();
    beast::flat_buffer buffer;
    std::string piece;  // a body's bytes on their way to memory or to a file
    for (;;) {
      if (buffer.size() == 0) {
        connection->waiting_for_request = true;
        if (stopping_) break;
        stream.expires_after(options_.idle_timeout);
        std::size_t n = co_await stream.async_read_some(buffer.prepare(8192),
                                                        net::redirect_error(net::use_awaitable, ec));
        connection->waiting_for_request = false;
        if (ec) break;
        buffer.commit(n);
      }
      Incoming in;
      if (!co_await read_request(stream, buffer, piece, in)) break;
      Request& request = in.request;
      request.remote_address = remote;
      request.peer_address = remote;
      Response response = co_await on_worker(request);
      const bool keep_alive = in.keep_alive && !stopping_;
      std::size_t bytes = 0;
      if (!co_await send(stream, request, response, in.version, keep_alive, bytes, ec)) break;
      const auto seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - in.started).count();
      metrics::process().observe_request(response.route.empty() ? "unmatched" : response.route,
                                         request.method, response.status, seconds);
      if (options_.access_log != AccessLog::off)
        spdlog::info(access_line(options_.access_log,
                                 {std::chrono::system_clock::now(), request.method, request.target,
                                  response.route, response.status, bytes, seconds * 1000,
                                  request.remote_address, response.user_id, request.request_id}));
      if (!keep_alive) break;
    }
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    std::lock_guard lock(connections_mutex_);
    connections_.erase(connection);
    // A stop posted to this strand before the session ended runs after the stream is gone (test-asan found
    // the cancel reading the freed coroutine frame).
    connection->stream = nullptr;
  }

  // Reads one request into `in`: false when the connection ends instead, after the error response the client
  // is owed, if any. The body limit depends on the route, so it is asked for once the headers are in, and a
  // body announced as too large is refused before it is read.
  net::awaitable<bool> read_request(beast::tcp_stream& stream, beast::flat_buffer& buffer, std::string& piece,
                                    Incoming& in) {
    beast::error_code ec;
    stream.expires_after(options_.header_timeout);
    bhttp::request_parser<bhttp::empty_body> header_parser;
    header_parser.header_limit(16 * 1024);
    // Set per route below; Beast 1.74 compares Content-Length with a boost::none limit as if it were 0.
    header_parser.body_limit(std::numeric_limits<std::uint64_t>::max());
    co_await bhttp::async_read_header(stream, buffer, header_parser,
                                      net::redirect_error(net::use_awaitable, ec));
    if (ec == bhttp::error::header_limit) {
      co_await send_problem_and_close(stream, 11, header_too_large());
      co_return false;
    }
    if (ec) {
      if (ec != beast::error::timeout && ec != bhttp::error::end_of_stream && ec != net::error::eof &&
          ec != net::error::operation_aborted)
        co_await send_problem_and_close(stream, 11, malformed_request());
      co_return false;
    }
    in.started = std::chrono::steady_clock::now();
    in.version = header_parser.get().version();
    in.keep_alive = header_parser.get().keep_alive();
    const std::size_t limit = header_parser.is_done() ? 0 : body_limit(header_parser.get());
    if (header_parser.content_length() && *header_parser.content_length() > limit) {
      co_await send_problem_and_close(stream, in.version, body_too_large());
      co_return false;
    }
    if (beast::iequals(header_parser.get()[bhttp::field::expect], "100-continue")) {
      bhttp::response<bhttp::empty_body> go_on{bhttp::status::continue_, in.version};
      if (!co_await write(stream, go_on, ec)) co_return false;
    }

    bhttp::request_parser<bhttp::buffer_body> parser(std::move(header_parser));
    parser.body_limit(limit);  // for chunked bodies, whose size is not announced
    BodyCollector body(options_.spool_threshold, spool_dir_);
    bool spool_failed = false;
    try {
      stream.expires_after(options_.body_timeout);
      if (!parser.is_done()) piece.resize(kBodyPieceBytes);
      while (!parser.is_done()) {
        parser.get().body().data = piece.data();
        parser.get().body().size = piece.size();
        co_await bhttp::async_read(stream, buffer, parser, net::redirect_error(net::use_awaitable, ec));
        if (ec == bhttp::error::need_buffer) ec = {};  // the piece is full: not an error
        if (ec) break;
        body.append(std::string_view(piece.data(), piece.size() - parser.get().body().size));
      }
      if (!ec) body.finish_into(in.request);
    } catch (const std::system_error& e) {  // no room for a large body's temporary file
      spdlog::error("request body not stored: {}", e.what());
      spool_failed = true;
    }
    if (spool_failed) {
      co_await send_problem_and_close(stream, in.version, body_not_stored());
      co_return false;
    }
    if (ec == bhttp::error::body_limit) {
      co_await send_problem_and_close(stream, in.version, body_too_large());
      co_return false;
    }
    if (ec) co_return false;

    const auto& head = parser.get();
    Request& request = in.request;
    request.method = std::string(head.method_string());
    request.target = std::string(head.target());
    for (const auto& field : head) {
      std::string name(field.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      request.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    request.request_id = make_request_id(request.header("x-request-id"));
    co_return true;
  }

  std::size_t body_limit(const bhttp::request_header<>& head) const {
    const auto text = [](beast::string_view view) { return std::string_view(view.data(), view.size()); };
    return options_.body_limit_for ? options_.body_limit_for(text(head.method_string()), text(head.target()))
                                   : options_.body_limit;
  }

  // Runs the handler on a worker thread, then resumes on the connection's strand. When too many requests wait
  // for a worker already, the client is told at once to come back (a queue without end would only make every
  // request late).
  net::awaitable<Response> on_worker(Request& request) {
    if (options_.own_lane && options_.own_lane(request.method, request.target))
      co_return co_await net::co_spawn(lane_.get_executor(), handle(request), net::use_awaitable);
    if (waiting_.fetch_add(1) >= options_.queue_limit) {
      --waiting_;
      co_return retry_later_response(server_busy(), 1);
    }
    ++metrics::process().requests_waiting;
    co_return co_await net::co_spawn(
        workers_.get_executor(),
        [this, &request]() -> net::awaitable<Response> {
          --waiting_;
          --metrics::process().requests_waiting;
          co_return co_await handle(request);
        },
        net::use_awaitable);
  }

  net::awaitable<Response> handle(Request& request) {
    auto& gauges = metrics::process();
    ++gauges.requests_running;
    Response response = handler_(request);
    --gauges.requests_running;
    compress_response(request, response);  // gzip is CPU work: here, not on an I/O thread
    co_return response;
  }

  net::awaitable<bool> send(beast::tcp_stream& stream, const Request& request, Response& response,
                            unsigned version, bool keep_alive, std::size_t& bytes, beast::error_code& ec) {
    stream.expires_after(options_.body_timeout);
    auto decorate = [&](auto& res) {
      res.set(bhttp::field::server, "riskwatch");
      res.set("X-Request-Id", request.request_id);
      set_security_headers(res);
      if (!response.content_type.empty()) res.set(bhttp::field::content_type, response.content_type);
      for (const auto& [name, value] : response.headers) res.insert(name, value);
      res.keep_alive(keep_alive);
    };
    const auto status = static_cast<bhttp::status>(response.status);
    if (response.file_path) {
      bhttp::file_body::value_type file;
      file.open(response.file_path->c_str(), beast::file_mode::scan, ec);
      if (response.remove_file_after_open) std::remove(response.file_path->c_str());
      if (!ec) {
        bytes = file.size();
        if (request.method == "HEAD") {
          bhttp::response<bhttp::empty_body> res{status, version};
          decorate(res);
          res.content_length(bytes);
          co_return co_await write(stream, res, ec);
        }
        bhttp::response<bhttp::file_body> res{std::piecewise_construct, std::make_tuple(std::move(file)),
                                              std::make_tuple(status, version)};
        decorate(res);
        res.prepare_payload();
        co_return co_await write(stream, res, ec);
      }
      response.status = 404;
      response.content_type = "text/plain; charset=utf-8";
      response.body = "not found";
    }
    bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(response.status), version};
    decorate(res);
    bytes = response.body.size();
    res.body() = std::move(response.body);
    res.prepare_payload();
    co_return co_await write(stream, res, ec);
  }

  const ServerOptions& options_;
  const RequestHandler& handler_;
  const std::filesystem::path spool_dir_;
  net::io_context ioc_;
  tcp::acceptor acceptor_;
  net::signal_set signals_;
  // After ioc_, so it goes first: requests still queued on it refer to connections of ioc_.
  ThreadPool workers_;
  ThreadPool lane_;                      // ServerOptions::own_lane
  std::atomic<std::size_t> waiting_{0};  // requests handed to the workers that none has taken yet
  std::atomic<bool> stopping_{false};
  std::mutex connections_mutex_;
  std::unordered_set<std::shared_ptr<Connection>> connections_;
  std::mutex stop_mutex_;
  std::condition_variable stop_cv_;
  bool finished_ = false;
  std::thread watchdog_;
};

}  // namespace

std::size_t io_thread_count(const ServerOptions& options) {
  return options.threads ? options.threads : cores();
}

std::size_t worker_count(const ServerOptions& options) {
  return options.workers ? options.workers : std::max<std::size_t>(4, 4 * cores());
}

void serve(const ServerOptions& options, const RequestHandler& handler) {
  Server server(options, handler);
  server.run();
}

}  // namespace rw::http
