#include "harness.hpp"

#include <utility>  // Boost 1.74's Asio needs it before its headers.

#include <boost/asio.hpp>
#include <boost/beast.hpp>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <thread>

#include "api/downloads.hpp"
#include "server_launch.hpp"
#include "test_database.hpp"

namespace rw::testing {
namespace {

namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace net = boost::asio;

int run_binary(const std::vector<std::string>& args, const std::string& log) {
  std::string command = RISKWATCH_BINARY;
  for (const auto& a : args) command += " '" + a + "'";
  command += " >>" + log + " 2>&1";
  return std::system(command.c_str());
}

// Test servers hash passwords at Argon2id's minimum cost, the demo's users too: at the production cost the
// suite's sign-ins took most of its time. A server given its own `--password-cost` (extra_args) keeps it, and
// so does its demo.
std::optional<std::string> password_cost_given(const ServerConfig& config) {
  const auto& args = config.extra_args;
  const auto given = std::find(args.begin(), args.end(), "--password-cost");
  if (given == args.end() || given + 1 == args.end()) return std::nullopt;
  return *(given + 1);
}
std::string password_cost(const ServerConfig& config) {
  return password_cost_given(config).value_or("minimum");
}

// What the migrated (and seeded) database depends on: the binary, whether the demo is seeded, and the time
// its data is dated by (the clock given, or today's date).
std::string template_key(const ServerConfig& config) {
  struct stat binary {};
  if (::stat(RISKWATCH_BINARY, &binary) != 0) throw std::runtime_error("no binary at " RISKWATCH_BINARY);
  std::string dated = config.clock;
  if (dated.empty()) {
    const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    dated = std::to_string(today.time_since_epoch().count());
  }
  const std::string identity = std::to_string(binary.st_mtim.tv_sec) + "." +
                               std::to_string(binary.st_mtim.tv_nsec) + "/" + std::to_string(binary.st_size) +
                               "/" + (config.seed_demo ? "demo" : "empty") + "/" + dated + "/" +
                               password_cost(config);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016zx", std::hash<std::string>{}(identity));
  return hex;
}

}  // namespace

nlohmann::json HttpResult::json() const {
  auto value = nlohmann::json::parse(body, nullptr, false);
  if (value.is_discarded()) ADD_FAILURE() << "response is not JSON: " << body.substr(0, 300);
  return value;
}

std::string HttpResult::header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? "" : it->second;
}

HttpResult http_request(unsigned short port, const std::string& method, const std::string& target,
                        const std::string& body, const std::map<std::string, std::string>& headers) {
  net::io_context ioc;
  beast::tcp_stream stream(ioc);
  stream.connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  bhttp::request<bhttp::string_body> req{bhttp::string_to_verb(method), target, 11};
  req.set(bhttp::field::host, "127.0.0.1");
  if (!body.empty()) req.set(bhttp::field::content_type, "application/json");
  for (const auto& [k, v] : headers) req.set(k, v);
  req.body() = body;
  req.prepare_payload();
  stream.expires_after(std::chrono::seconds(30));
  bhttp::write(stream, req);
  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  if (method == "HEAD") parser.skip(true);
  bhttp::read(stream, buffer, parser);
  HttpResult result;
  auto& res = parser.get();
  result.status = res.result_int();
  for (const auto& field : res) {
    std::string name(field.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    result.headers[name] = std::string(field.value());
  }
  result.body = res.body();
  beast::error_code ec;
  stream.socket().shutdown(net::ip::tcp::socket::shutdown_both, ec);
  return result;
}

RawConnection::RawConnection(unsigned short port) {
  fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) ADD_FAILURE() << "connect failed";
}

RawConnection::~RawConnection() {
  if (fd_ >= 0) ::close(fd_);
}

void RawConnection::send(const std::string& bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    auto n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;
    sent += static_cast<std::size_t>(n);
  }
}

std::string RawConnection::read_all(int timeout_ms) {
  std::string out;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
    char buf[4096];
    auto n = ::recv(fd_, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

std::string RawConnection::read_response(int timeout_ms) {
  std::string out;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < deadline) {
    auto header_end = out.find("\r\n\r\n");
    if (header_end != std::string::npos) {
      std::size_t length = 0;
      auto at = out.find("Content-Length: ");
      if (at != std::string::npos && at < header_end) length = std::stoul(out.substr(at + 16));
      if (out.size() >= header_end + 4 + length) return out;
    }
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    char buf[4096];
    auto n = ::recv(fd_, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

bool RawConnection::closed_by_peer(int timeout_ms) {
  pollfd p{fd_, POLLIN, 0};
  if (::poll(&p, 1, timeout_ms) <= 0) return false;
  char buf[1024];
  return ::recv(fd_, buf, sizeof buf, 0) == 0;
}

ServerProcess::ServerProcess(const ServerConfig& config) {
  dir_ = make_temp_dir();
  const std::string log = dir_ + "/server.log";
  std::vector<std::string> clock_args;
  if (!config.clock.empty()) {
    set_clock(config.clock);
    clock_args = {"--clock-file", dir_ + "/clock"};
  }
  const std::vector<std::string> cost_args = {"--password-cost", password_cost(config)};
  // The demo's photos and signatures are made with its template database and copied with it.
  const auto key = template_key(config);
  const auto demo_files = std::filesystem::temp_directory_path() / ("riskwatch-test-files-" + key);
  db_url_ = !config.db_url.empty() ? config.db_url : database_from_template(key, [&](const std::string& url) {
    if (run_binary({"migrate", "--db", url}, log) != 0)
      throw std::runtime_error("migrate failed; see " + log);
    std::vector<std::string> seed = {"seed-demo", "--db", url, "--files-dir", demo_files.string()};
    seed.insert(seed.end(), clock_args.begin(), clock_args.end());
    seed.insert(seed.end(), cost_args.begin(), cost_args.end());
    if (config.seed_demo && run_binary(seed, log) != 0)
      throw std::runtime_error("seed-demo failed; see " + log);
  });
  if (config.db_url.empty() && std::filesystem::exists(demo_files)) {
    std::filesystem::create_directories(dir_ + "/data");
    std::filesystem::copy(demo_files, dir_ + "/data/files", std::filesystem::copy_options::recursive);
  }
  const std::string port_file = dir_ + "/port";
  std::vector<std::string> args = {RISKWATCH_BINARY, "serve",       "--db",        db_url_,
                                   "--listen",       "127.0.0.1:0", "--data-dir",  dir_ + "/data",
                                   "--web-dir",      dir_ + "/web", "--port-file", port_file};
  args.insert(args.end(), clock_args.begin(), clock_args.end());
  if (!password_cost_given(config)) args.insert(args.end(), cost_args.begin(), cost_args.end());
  for (const auto& a : config.extra_args) args.push_back(a);
  pid_ = launch_server(args, log);
  port_ = wait_for_port(port_file, log);
}

int launch_server(const std::vector<std::string>& args, const std::string& log) {
  const int pid = fork();
  if (pid == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);  // the server never outlives the test process
    int fd = ::open(log.c_str(), O_WRONLY | O_APPEND | O_CREAT, 0644);
    dup2(fd, 1);
    dup2(fd, 2);
    std::vector<std::string> owned = args;
    std::vector<char*> argv;
    for (auto& a : owned) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

// A sanitized server on a loaded machine took more than 6 s to migrate and start (make test-asan beside a
// benchmark), so the wait is long; a server that starts in time is not slowed by it.
unsigned short wait_for_port(const std::string& port_file, const std::string& log) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    std::ifstream in(port_file);
    int port = 0;
    if (in >> port) return static_cast<unsigned short>(port);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  throw std::runtime_error("server did not start; see " + log);
}

void ServerProcess::set_clock(const std::string& utc) {
  const auto path = dir_ + "/clock";
  std::ofstream(path + ".tmp") << utc << "\n";
  std::filesystem::rename(path + ".tmp", path);  // the server never reads a half-written time
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) terminate();
}

void ServerProcess::send_sigterm() { ::kill(pid_, SIGTERM); }

int ServerProcess::wait_exit(int timeout_ms) {
  for (int waited = 0; waited < timeout_ms; waited += 10) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ::kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
  return -2;
}

int ServerProcess::terminate() {
  send_sigterm();
  return wait_exit(30'000);
}

HttpResult Client::send(const std::string& method, const std::string& target, const std::string& body) const {
  return http_request(port_, method, "/api/v1" + target, body, {{"Authorization", "Bearer " + login_.token}});
}
HttpResult Client::get(const std::string& target) const { return send("GET", target, ""); }
HttpResult Client::post(const std::string& target, const nlohmann::json& body) const {
  return send("POST", target, body.dump());
}
HttpResult Client::patch(const std::string& target, const nlohmann::json& body) const {
  return send("PATCH", target, body.dump());
}
HttpResult Client::put(const std::string& target, const nlohmann::json& body) const {
  return send("PUT", target, body.dump());
}
HttpResult Client::del(const std::string& target) const { return send("DELETE", target, ""); }
HttpResult Client::post_raw(const std::string& target, const std::string& body,
                            const std::string& content_type) const {
  std::map<std::string, std::string> headers = {{"Authorization", "Bearer " + login_.token}};
  if (!content_type.empty()) headers["Content-Type"] = content_type;
  return http_request(port_, "POST", "/api/v1" + target, body, headers);
}

Login login(unsigned short port, const std::string& username, const std::string& password) {
  auto result = http_request(port, "POST", "/api/v1/auth/login",
                             nlohmann::json{{"username", username}, {"password", password}}.dump());
  if (result.status != 200) throw std::runtime_error("login failed for " + username + ": " + result.body);
  auto body = result.json();
  return {body["token"], body["csrf_token"], body["user"]};
}

Client client_for(unsigned short port, const std::string& username) {
  return Client(port, login(port, username));
}

std::int64_t find_id(const HttpResult& list, const std::string& key, const std::string& value) {
  const auto body = list.json();
  for (const auto& item : body["items"])
    if (item[key] == value) return item["id"].get<std::int64_t>();
  ADD_FAILURE() << "no item with " << key << "=" << value;
  return 0;
}

std::string url(const std::string& text) { return api::percent_encode(text); }

}  // namespace rw::testing
