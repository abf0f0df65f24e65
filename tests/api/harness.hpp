#pragma once
// API tests drive the real `riskwatch` binary over real HTTP on loopback.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace rw::testing {

struct HttpResult {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  nlohmann::json json() const;
  std::string header(const std::string& lower_name) const;
};

// One request on a new connection (or on `keep` when given).
HttpResult http_request(unsigned short port, const std::string& method, const std::string& target,
                        const std::string& body = "", const std::map<std::string, std::string>& headers = {});

// A raw TCP connection for transport tests (slow clients, pipelining, partial bodies).
class RawConnection {
 public:
  explicit RawConnection(unsigned short port);
  ~RawConnection();
  void send(const std::string& bytes);
  // Reads until the peer closes or `timeout_ms` passes; returns what arrived.
  std::string read_all(int timeout_ms);
  // Reads one full HTTP response (headers + Content-Length body).
  std::string read_response(int timeout_ms);
  // True when the server has closed the connection (read returns EOF) within `timeout_ms`.
  bool closed_by_peer(int timeout_ms);

 private:
  int fd_ = -1;
};

struct ServerConfig {
  std::vector<std::string> extra_args;
  bool seed_demo = true;
  // When set ("2026-06-01T02:00:00Z"), the server and the demo data read the time from a file that
  // set_clock() moves; otherwise they use the system time.
  std::string clock;
  // When set, the server serves this database as it is (no template, no demo): a restored copy, say.
  std::string db_url;
};

class ServerProcess {
 public:
  explicit ServerProcess(const ServerConfig& config = {});
  ~ServerProcess();
  unsigned short port() const { return port_; }
  const std::string& db_url() const { return db_url_; }
  const std::string& dir() const { return dir_; }
  // Sends SIGTERM and waits; returns the exit status (or -1 if killed by a signal).
  int terminate();
  // Moves the clock of a server started with ServerConfig::clock.
  void set_clock(const std::string& utc);
  void send_sigterm();
  int wait_exit(int timeout_ms);

 private:
  int pid_ = -1;
  unsigned short port_ = 0;
  std::string dir_;
  std::string db_url_;
};

struct Login {
  std::string token;
  std::string csrf;
  nlohmann::json user;
};

// A client signed in as one user with a Bearer token.
class Client {
 public:
  Client(unsigned short port, Login login) : port_(port), login_(std::move(login)) {}
  HttpResult get(const std::string& target) const;
  HttpResult post(const std::string& target, const nlohmann::json& body) const;
  HttpResult patch(const std::string& target, const nlohmann::json& body) const;
  HttpResult put(const std::string& target, const nlohmann::json& body) const;
  HttpResult del(const std::string& target) const;
  // A POST whose body is sent as given (a file upload, malformed JSON); Content-Type only when not empty.
  HttpResult post_raw(const std::string& target, const std::string& body,
                      const std::string& content_type = "") const;
  const Login& login() const { return login_; }
  std::int64_t user_id() const { return login_.user["id"].get<std::int64_t>(); }
  std::int64_t org_id() const { return login_.user["org"]["id"].get<std::int64_t>(); }

 private:
  HttpResult send(const std::string& method, const std::string& target, const std::string& body) const;
  unsigned short port_;
  Login login_;
};

constexpr const char* kDemoPassword = "Demo@2026";

Login login(unsigned short port, const std::string& username, const std::string& password = kDemoPassword);
Client client_for(unsigned short port, const std::string& username);

// One seeded server shared by the tests of a suite.
class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = std::make_unique<ServerProcess>(); }
  static void TearDownTestSuite() { server_.reset(); }
  static unsigned short port() { return server_->port(); }
  static Client as(const std::string& username) { return client_for(port(), username); }
  static inline std::unique_ptr<ServerProcess> server_;
};

// Finds the id of the first item in a list response whose `key` equals `value`.
std::int64_t find_id(const HttpResult& list, const std::string& key, const std::string& value);

// Percent-encodes a query value (Chinese names included).
std::string url(const std::string& text);

}  // namespace rw::testing
