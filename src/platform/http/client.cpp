// The outbound side of the HTTP stack: one POST per call on a private io_context, as a coroutine read top to
// bottom; Beast's tcp_stream deadlines bound every step.
#include <utility>  // Boost 1.74's awaitable.hpp uses std::exchange without including <utility>.

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast.hpp>
#include <boost/beast/ssl.hpp>

#include <stdexcept>

#include "platform/http/client.hpp"

namespace rw::http {
namespace {

namespace beast = boost::beast;
namespace net = boost::asio;
namespace ssl = net::ssl;
namespace bhttp = beast::http;
using tcp = net::ip::tcp;
using Deadline = std::chrono::steady_clock::time_point;

// TLS 1.2 and later, peers verified against the system's CA certificates.
ssl::context& tls_context() {
  static ssl::context context = [] {
    ssl::context c(ssl::context::tls_client);
    c.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                  ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
    c.set_default_verify_paths();
    c.set_verify_mode(ssl::verify_peer);
    return c;
  }();
  return context;
}

std::string host_header(const OutboundPost& request) {
  const bool v6 = request.host.find(':') != std::string::npos;
  const auto host = v6 ? "[" + request.host + "]" : request.host;
  const bool default_port = request.port == (request.tls ? "443" : "80");
  return default_port ? host : host + ":" + request.port;
}

// Writes the request and reads the response's status line and headers; the body is not needed.
template <class Stream>
net::awaitable<int> exchange(Stream& stream, const OutboundPost& request, Deadline deadline) {
  bhttp::request<bhttp::string_body> message{bhttp::verb::post, request.target, 11};
  message.set(bhttp::field::host, host_header(request));
  message.set(bhttp::field::user_agent, "Riskwatch-Webhooks/1");
  message.set(bhttp::field::content_type, request.content_type);
  message.set(bhttp::field::connection, "close");
  for (const auto& [name, value] : request.headers) message.set(name, value);
  message.body() = request.body;
  message.prepare_payload();
  beast::get_lowest_layer(stream).expires_at(deadline);
  co_await bhttp::async_write(stream, message, net::use_awaitable);
  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::empty_body> parser;
  beast::get_lowest_layer(stream).expires_at(deadline);
  co_await bhttp::async_read_header(stream, buffer, parser, net::use_awaitable);
  co_return parser.get().result_int();
}

net::awaitable<int> attempt(const OutboundPost& request, Deadline deadline) {
  auto executor = co_await net::this_coro::executor;
  tcp::resolver resolver(executor);
  const auto resolved = co_await resolver.async_resolve(request.host, request.port, net::use_awaitable);
  std::vector<tcp::endpoint> allowed;
  for (const auto& entry : resolved)
    if (request.may_connect && request.may_connect(entry.endpoint().address().to_string()))
      allowed.push_back(entry.endpoint());
  if (allowed.empty()) throw std::runtime_error("address not allowed (private, loopback or reserved)");
  if (!request.tls) {
    beast::tcp_stream stream(executor);
    stream.expires_at(deadline);
    co_await stream.async_connect(allowed, net::use_awaitable);
    co_return co_await exchange(stream, request, deadline);
  }
  ssl::stream<beast::tcp_stream> stream(executor, tls_context());
  if (!SSL_set_tlsext_host_name(stream.native_handle(), request.host.c_str()))
    throw std::runtime_error("TLS: cannot set the server name");
  stream.set_verify_callback(ssl::host_name_verification(request.host));
  beast::get_lowest_layer(stream).expires_at(deadline);
  co_await beast::get_lowest_layer(stream).async_connect(allowed, net::use_awaitable);
  beast::get_lowest_layer(stream).expires_at(deadline);
  co_await stream.async_handshake(ssl::stream_base::client, net::use_awaitable);
  co_return co_await exchange(stream, request, deadline);
}

std::string describe(std::exception_ptr failure) {
  try {
    std::rethrow_exception(failure);
  } catch (const boost::system::system_error& e) {
    if (e.code() == beast::error::timeout) return "timeout";
    return e.code().message();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "unknown failure";
}

}  // namespace

OutboundResult post(const OutboundPost& request) {
  OutboundResult result;
  try {
    net::io_context context;
    bool finished = false;
    const auto deadline = std::chrono::steady_clock::now() + request.timeout;
    net::co_spawn(context, attempt(request, deadline), [&](std::exception_ptr failure, int status) {
      finished = true;
      if (failure)
        result.error = describe(failure);
      else
        result.status = status;
    });
    // Name resolution has no deadline of its own.
    context.run_for(request.timeout + std::chrono::milliseconds(500));
    if (!finished) result.error = "timeout";
  } catch (const std::exception& e) {
    result.error = e.what();
  }
  return result;
}

}  // namespace rw::http
