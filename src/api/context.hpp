#pragma once
// The API layer every capability registers its routes with. What a route handler gets: the request, its
// path parameters, the request's database connection (inside the request's transaction for writes), the
// clock, settings, the file store and who acts.
#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "accounts/actor.hpp"
#include "accounts/operation.hpp"
#include "platform/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/files/file_store.hpp"
#include "platform/http/message.hpp"
#include "platform/http/router.hpp"
#include "platform/json_with_raw.hpp"

namespace rw::api {

struct Settings {
  Seconds session_idle = 8 * 3600;
  bool secure_cookies = false;                // set behind TLS so cookies never travel in clear text
  std::string database_kind;                  // "sqlite" | "postgresql"
  std::vector<std::string> trusted_proxies;   // peers whose X-Forwarded-For/-Proto are believed
  std::size_t max_body_bytes = 10u << 20;     // request bodies beyond it get 413 …
  std::size_t max_upload_bytes = 200u << 20;  // … except on routes registered with Routes::upload
  std::size_t max_photo_bytes = 20u << 20;    // photos and documents (POST /files)
  bool webhook_loopback_http = false;         // webhooks may name http://127.0.0.1 (tests, development)
  // Requests with `X-Riskwatch-Dry-Run: 1` answer as usual and roll every write back (tests only).
  bool allow_dry_run = false;
  // GET /metrics answers a loopback peer, or a request bearing this token (serve --metrics-token-file).
  std::string metrics_token;
};

struct Context {
  const http::Request& request;
  const http::PathParams& params;
  db::Connection& db;
  const Clock& clock;
  const Settings& settings;
  files::FileStore& files;
  std::optional<accounts::Actor> user;
  // A writing request's transaction (app/api.cpp) while it is open: all it writes commits together.
  db::Transaction* writes = nullptr;

  const accounts::Actor& me() const { return *user; }
  // Commits what the request wrote and ends its hold on the writers' turn, so what the handler reads after
  // it (its answer) keeps no other writer waiting. Nothing may be written after it.
  void commit_writes();
  nlohmann::json body() const;
  // The body, or {} when the request has none (actions whose fields are all optional).
  nlohmann::json body_or_empty() const;
  std::int64_t id(std::string_view name = "id") const;
  std::string now_text() const { return format_utc(clock.now()); }
  // The signed-in actor's operation, what the service layer takes.
  accounts::Operation op() const { return {db, me(), clock, request.request_id}; }
  // Cookies are Secure when the server is told it runs behind TLS or a trusted proxy says so.
  bool secure_cookies() const { return settings.secure_cookies || request.https; }
};

http::Response json_ok(const nlohmann::json& body, int status = 200);
http::Response json_ok_with_raw(const JsonWithRaw& body, int status = 200);

// Commits the request's writes, then answers with what `answer` reads from one snapshot: a write route's
// answer (its object read back and serialized) keeps no other writer waiting.
http::Response json_after_commit(Context& context, const std::function<nlohmann::json()>& answer,
                                 int status = 200);

using Handler = std::function<http::Response(Context&)>;

// What a route needs, declared when it is registered: a permission code (accounts::permissions_for), which
// the dispatcher checks before the handler runs, or one of these two. The handler narrows further with
// the access model (scopes: which objects; workflow tables: which steps).
inline constexpr const char* kPublic = "public";       // no session: sign-in, health, the API description
inline constexpr const char* kSignedIn = "signed_in";  // any session; the handler decides what it may do

// Which of the Settings caps a route's body.
using BodyCap = std::size_t Settings::*;

// Where a writing request's transaction begins. `request`: before authentication, around the whole
// handler (the rule: one transaction per request). `long_request`: the same for a handler that may write
// for seconds, an import of a whole file (db::kLongWrite). `handler`: the handler opens its own
// (db::Transaction) after slow work that writes nothing — decoding a photo — so the database's write lock is
// not held meanwhile; authentication's bookkeeping then commits on its own, as it does for a GET.
enum class WriteScope { request, long_request, handler };

struct Endpoint {
  Handler handler;
  std::string permission;
  BodyCap body_cap = &Settings::max_body_bytes;  // an upload route's body is a file, with a cap of its own
  WriteScope write_scope = WriteScope::request;
};

using Router = http::Router<Endpoint>;

// Each capability adds its routes through this.
class Routes {
 public:
  explicit Routes(Router& router) : router_(router) {}
  void get(std::string pattern, std::string permission, Handler handler) {
    add("GET", std::move(pattern), std::move(permission), std::move(handler));
  }
  void post(std::string pattern, std::string permission, Handler handler,
            WriteScope scope = WriteScope::request) {
    add("POST", std::move(pattern), std::move(permission), std::move(handler), &Settings::max_body_bytes,
        scope);
  }
  void patch(std::string pattern, std::string permission, Handler handler) {
    add("PATCH", std::move(pattern), std::move(permission), std::move(handler));
  }
  void put(std::string pattern, std::string permission, Handler handler,
           WriteScope scope = WriteScope::request) {
    add("PUT", std::move(pattern), std::move(permission), std::move(handler), &Settings::max_body_bytes,
        scope);
  }
  void del(std::string pattern, std::string permission, Handler handler) {
    add("DELETE", std::move(pattern), std::move(permission), std::move(handler));
  }
  // A POST whose body is an uploaded file: allowed up to Settings::max_upload_bytes (an import), or the
  // setting `cap` names.
  void upload(std::string pattern, std::string permission, Handler handler,
              BodyCap cap = &Settings::max_upload_bytes, WriteScope scope = WriteScope::request) {
    add("POST", std::move(pattern), std::move(permission), std::move(handler), cap, scope);
  }

 private:
  void add(const char* method, std::string pattern, std::string permission, Handler handler,
           BodyCap cap = &Settings::max_body_bytes, WriteScope scope = WriteScope::request);
  Router& router_;
};

}  // namespace rw::api
