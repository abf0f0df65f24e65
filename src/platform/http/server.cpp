// Boost.Beast coroutine server, shaped after Beast's advanced_server_flex_awaitable example.
#include <utility>  // Boost 1.74's awaitable.hpp uses std::exchange without including <utility>.

#include <boost/asio.hpp>
#include <boost/beast.hpp>

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <unordered_set>

#include "platform/http/server.hpp"

namespace rw::http {
namespace {

namespace beast = boost::beast;
namespace net = boost::asio;
namespace bhttp = beast::http;
using tcp = net::ip::tcp;

// What the stop sequence needs to know about a connection; touched only on the connection's strand.
struct Connection {
  beast::tcp_stream* stream = nullptr;
  bool waiting_for_request = false;
};

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

class Server {
 public:
  Server(const ServerOptions& options, const RequestHandler& handler)
      : options_(options), handler_(handler), acceptor_(ioc_), signals_(ioc_, SIGINT, SIGTERM) {}

  void run() {
    tcp::endpoint endpoint(net::ip::make_address(options_.host), options_.port);
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(net::socket_base::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(net::socket_base::max_listen_connections);
    const unsigned short port = acceptor_.local_endpoint().port();
    spdlog::info("listening on http://{}:{}", options_.host, port);
    if (options_.on_listening) options_.on_listening(port);

    signals_.async_wait([this](const beast::error_code& ec, int signal) {
      if (!ec) begin_stop(signal);
    });
    net::co_spawn(acceptor_.get_executor(), accept_loop(), net::detached);

    std::size_t threads =
        options_.threads ? options_.threads : std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::thread> pool;
    for (std::size_t i = 1; i < threads; ++i) pool.emplace_back([this] { ioc_.run(); });
    ioc_.run();
    for (auto& t : pool) t.join();
    {
      std::lock_guard lock(stop_mutex_);
      finished_ = true;
    }
    stop_cv_.notify_all();
    if (watchdog_.joinable()) watchdog_.join();
    spdlog::info("server stopped");
  }

 private:
  void begin_stop(int signal) {
    spdlog::info("signal {}: no new connections; finishing in-flight requests", signal);
    stopping_ = true;
    beast::error_code ignored;
    acceptor_.close(ignored);
    std::lock_guard lock(connections_mutex_);
    for (const auto& connection : connections_) {
      net::post(connection->stream->get_executor(), [connection] {
        if (connection->waiting_for_request) connection->stream->cancel();
      });
    }
    // A request that does not finish within the grace period is cut off.
    watchdog_ = std::thread([this] {
      std::unique_lock wait_lock(stop_mutex_);
      if (!stop_cv_.wait_for(wait_lock, options_.shutdown_grace, [this] { return finished_; })) {
        spdlog::warn("grace period over; closing remaining connections");
        ioc_.stop();
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

  net::awaitable<void> send_problem_and_close(beast::tcp_stream& stream, unsigned version, int status,
                                              std::string body) {
    bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(status), version};
    res.set(bhttp::field::content_type, "application/problem+json");
    set_security_headers(res);
    res.body() = std::move(body);
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
    std::string remote = stream.socket().remote_endpoint(ec).address().to_string();
    beast::flat_buffer buffer;
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
      stream.expires_after(options_.header_timeout);
      bhttp::request_parser<bhttp::empty_body> header_parser;
      header_parser.header_limit(16 * 1024);
      header_parser.body_limit(options_.body_limit);
      co_await bhttp::async_read_header(stream, buffer, header_parser,
                                        net::redirect_error(net::use_awaitable, ec));
      if (ec == bhttp::error::header_limit) {
        co_await send_problem_and_close(
            stream, 11, 431,
            R"({"type":"/problems/header_too_large","title":"Request Header Fields Too Large","status":431,"code":"header_too_large","detail":"请求头过大","detail_en":"Request headers are too large","errors":[]})");
        break;
      }
      if (ec == bhttp::error::body_limit ||
          (!ec && header_parser.content_length() && *header_parser.content_length() > options_.body_limit)) {
        co_await send_problem_and_close(stream, header_parser.get().version(), 413, too_large_body());
        break;
      }
      if (ec) {
        if (ec != beast::error::timeout && ec != bhttp::error::end_of_stream && ec != net::error::eof &&
            ec != net::error::operation_aborted)
          co_await send_problem_and_close(
              stream, 11, 400,
              R"({"type":"/problems/bad_request","title":"Bad Request","status":400,"code":"bad_request","detail":"无法解析的 HTTP 请求","detail_en":"Malformed HTTP request","errors":[]})");
        break;
      }
      const auto started = std::chrono::steady_clock::now();
      if (beast::iequals(header_parser.get()[bhttp::field::expect], "100-continue")) {
        bhttp::response<bhttp::empty_body> go_on{bhttp::status::continue_, header_parser.get().version()};
        if (!co_await write(stream, go_on, ec)) break;
      }
      bhttp::request_parser<bhttp::string_body> parser(std::move(header_parser));
      parser.body_limit(options_.body_limit);
      stream.expires_after(options_.body_timeout);
      co_await bhttp::async_read(stream, buffer, parser, net::redirect_error(net::use_awaitable, ec));
      if (ec == bhttp::error::body_limit) {
        co_await send_problem_and_close(stream, parser.get().version(), 413, too_large_body());
        break;
      }
      if (ec) break;

      auto& beast_request = parser.get();
      Request request;
      request.method = std::string(beast_request.method_string());
      request.target = std::string(beast_request.target());
      request.remote_address = remote;
      for (const auto& field : beast_request) {
        std::string name(field.name_string());
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        request.headers.emplace_back(std::move(name), std::string(field.value()));
      }
      request.request_id = make_request_id(request.header("x-request-id"));
      request.body = std::move(beast_request.body());
      const bool keep_alive = beast_request.keep_alive() && !stopping_;
      const unsigned version = beast_request.version();

      Response response = handler_(request);
      std::size_t bytes = 0;
      if (!co_await send(stream, request, response, version, keep_alive, bytes, ec)) break;
      const auto ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
      spdlog::info("{} {} {} {}B {:.1f}ms user={} rid={}", request.method, request.target, response.status,
                   bytes, ms, response.user_id ? std::to_string(*response.user_id) : "-", request.request_id);
      if (!keep_alive || stopping_) break;
    }
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    std::lock_guard lock(connections_mutex_);
    connections_.erase(connection);
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

  static std::string too_large_body() {
    return R"({"type":"/problems/payload_too_large","title":"Payload Too Large","status":413,"code":"payload_too_large","detail":"请求体超过大小上限","detail_en":"The request body is larger than allowed","errors":[]})";
  }

  const ServerOptions& options_;
  const RequestHandler& handler_;
  net::io_context ioc_;
  tcp::acceptor acceptor_;
  net::signal_set signals_;
  std::atomic<bool> stopping_{false};
  std::mutex connections_mutex_;
  std::unordered_set<std::shared_ptr<Connection>> connections_;
  std::mutex stop_mutex_;
  std::condition_variable stop_cv_;
  bool finished_ = false;
  std::thread watchdog_;
};

}  // namespace

void serve(const ServerOptions& options, const RequestHandler& handler) {
  Server server(options, handler);
  server.run();
}

}  // namespace rw::http
