#include "app/api.hpp"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "accounts/actor.hpp"
#include "accounts/sessions.hpp"
#include "app/route_table.hpp"
#include "platform/db/rollback_only.hpp"
#include "platform/http/forwarded.hpp"
#include "platform/http/problem.hpp"

namespace rw::app {

Api::Api(db::Database& database, const Clock& clock, api::Settings settings, files::FileStore& files,
         std::filesystem::path web_dir, const std::function<void(api::Routes&)>& more_routes)
    : database_(database),
      clock_(clock),
      settings_(std::move(settings)),
      files_(files),
      static_files_(std::move(web_dir)) {
  api::Routes routes(router_);
  add_all_routes(routes);
  if (more_routes) more_routes(routes);
}

std::vector<Api::DeclaredRoute> Api::declared_routes() const {
  std::vector<DeclaredRoute> out;
  router_.for_each([&](const http::RouteInfo& info, const api::Endpoint& endpoint) {
    out.push_back({info, endpoint.permission});
  });
  return out;
}

std::size_t Api::body_limit(std::string_view method, std::string_view target) const {
  std::string path;
  std::map<std::string, std::string> query;
  if (!http::parse_target(std::string(target), path, query)) return settings_.max_body_bytes;
  const auto match = router_.match(method, path);
  if (match.outcome != api::Router::Outcome::found) return settings_.max_body_bytes;
  return settings_.*(match.handler->body_cap);
}

http::Response Api::handle(http::Request& request) const {
  if (!http::parse_target(request.target, request.path, request.query))
    return http::problem_response(bad_request("bad_target", "请求地址编码有误", "Malformed request URL"));
  const auto forwarded =
      http::resolve_forwarded(request.remote_address, request.header("x-forwarded-for"),
                              request.header("x-forwarded-proto"), settings_.trusted_proxies);
  request.remote_address = forwarded.client_address;
  request.https = forwarded.https;
  if (request.path == "/api" || request.path.rfind("/api/", 0) == 0) {
    http::Response response = handle_api(request);
    // API answers are private and current unless a handler says otherwise (reference data may be cached).
    const bool handler_decided = std::any_of(response.headers.begin(), response.headers.end(),
                                             [](const auto& h) { return h.first == "Cache-Control"; });
    if (!handler_decided) response.set_header("Cache-Control", "no-store");
    return response;
  }
  auto response = static_files_.serve(request);
  response.route = "(web app)";
  return response;
}

http::Response Api::handle_api(http::Request& request) const {
  std::string route;
  auto response = answer_api(request, route);
  response.route = route;
  return response;
}

http::Response Api::answer_api(http::Request& request, std::string& route) const {
  std::optional<std::int64_t> user_id;
  try {
    auto match = router_.match(request.method, request.path);
    route = match.pattern;
    if (match.outcome == api::Router::Outcome::not_found)
      return http::problem_response(
          {ErrorKind::not_found, "not_found", "接口不存在", "No such API endpoint"});
    if (match.outcome == api::Router::Outcome::method_not_allowed) {
      auto response =
          http::problem_response({ErrorKind::method_not_allowed, "method_not_allowed",
                                  "该接口不支持此请求方法", "This endpoint does not support the method"});
      response.set_header("Allow", match.allow);
      return response;
    }
    auto lease = database_.acquire();
    std::optional<db::RollbackOnly> dry_run;
    if (settings_.allow_dry_run && request.header("x-riskwatch-dry-run") == "1") dry_run.emplace(*lease);
    db::Connection& connection = dry_run ? static_cast<db::Connection&>(*dry_run) : *lease;
    api::Context context{request, match.params, connection, clock_, settings_, files_, std::nullopt};
    const bool writes = http::is_unsafe_method(request.method);
    // Everything a writing request does, authentication's own bookkeeping included, commits together
    // or not at all. A handler that returns (rather than throws) an error response still commits: that is
    // how a failed login keeps its record for throttling. A route whose handler opens its own transaction
    // (api::WriteScope) is the exception.
    std::optional<db::Transaction> transaction;
    if (writes && match.handler->write_scope == api::WriteScope::request)
      context.writes = &transaction.emplace(connection, true);
    if (writes && match.handler->write_scope == api::WriteScope::long_request)
      context.writes = &transaction.emplace(connection, db::kLongWrite);
    const auto& permission = match.handler->permission;
    if (permission != api::kPublic) {
      context.user = accounts::authenticate(connection, request, clock_.now(), settings_.session_idle);
      user_id = context.user->id;
      if (permission != api::kSignedIn) accounts::require_permission(*context.user, permission);
    }
    http::Response response = match.handler->handler(context);
    context.commit_writes();
    if (context.user) response.user_id = context.user->id;
    return response;
  } catch (const ApiError& error) {
    auto response = http::problem_response(error);
    response.user_id = user_id;
    return response;
  } catch (const db::ConstraintViolation& error) {
    spdlog::warn("constraint violation rid={}: {}", request.request_id, error.what());
    return http::problem_response(conflict("conflict", "数据冲突：记录已存在或仍被引用",
                                           "Conflict: the record already exists or is still referenced"));
  } catch (const db::TransientConflict& error) {
    spdlog::warn("transient conflict rid={}: {}", request.request_id, error.what());
    auto response = http::retry_later_response(
        ApiError{ErrorKind::unavailable, "transient_conflict", "数据正被其他操作修改，请稍后重试",
                 "The data is being changed by another request; retry shortly"},
        1);
    response.user_id = user_id;
    return response;
  } catch (const std::exception& error) {
    spdlog::error("500 {} {} rid={}: {}", request.method, request.path, request.request_id, error.what());
    auto response = http::internal_error_response(request.request_id);
    response.user_id = user_id;
    return response;
  }
}

}  // namespace rw::app
