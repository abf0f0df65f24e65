#pragma once
// The HTTP/1.1 transport (Boost.Beast). All Beast/Asio code lives in server.cpp.
#include <chrono>
#include <cstddef>
#include <functional>
#include <string>

#include "platform/http/message.hpp"

namespace rw::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;
  std::size_t threads = 0;                           // 0: one per core
  std::size_t body_limit = 10 * 1024 * 1024;         // bytes; larger bodies get 413
  std::chrono::milliseconds header_timeout{10'000};  // to receive a request's headers
  std::chrono::milliseconds body_timeout{60'000};    // to receive its body / send the response
  std::chrono::milliseconds idle_timeout{30'000};    // keep-alive wait for the next request
  std::chrono::milliseconds shutdown_grace{20'000};  // in-flight requests get this long after SIGTERM
  // Called once the socket listens, with the bound port (useful with port 0).
  std::function<void(unsigned short)> on_listening;
};

// Must not throw: it turns every failure into a response itself.
using RequestHandler = std::function<Response(Request&)>;

// Serves until SIGINT or SIGTERM, then lets in-flight requests finish and returns.
void serve(const ServerOptions& options, const RequestHandler& handler);

}  // namespace rw::http
