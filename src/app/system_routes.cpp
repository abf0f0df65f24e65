#include "app/system_routes.hpp"

#include "accounts/password.hpp"
#include "audit/audit_listing.hpp"
#include "hazards/hazard_vocabularies.hpp"
#include "inspections/inspection_vocabularies.hpp"
#include "notices/notice_kinds.hpp"
#include "platform/db/migrations.hpp"
#include "platform/embedded.hpp"
#include "platform/metrics.hpp"
#include "platform/vocabulary.hpp"
#include "registry/vocabularies.hpp"
#include "services/catalog_record.hpp"
#include "services/workflow_vocabularies.hpp"

namespace rw::app {
namespace {

ApiError not_ready(const char* zh, const char* en) { return {ErrorKind::unavailable, "not_ready", zh, en}; }

// The database answers; a failure is 503 (a load balancer takes the server out), not 500.
void require_database(api::Context& context) {
  try {
    context.db.query("SELECT 1 AS one");
  } catch (const std::exception&) {
    throw not_ready("数据库无法访问", "The database does not answer");
  }
}

http::Response health(api::Context& context) {
  require_database(context);
  return api::json_ok(
      {{"status", "ok"}, {"db", context.settings.database_kind}, {"version", RISKWATCH_VERSION}});
}

// Liveness: the process serves requests. Nothing else is asked, so a slow database never gets a live
// server restarted.
http::Response livez(api::Context&) { return api::json_ok({{"status", "ok"}}); }

// Readiness: the database answers and its schema is this build's.
http::Response readyz(api::Context& context) {
  require_database(context);
  if (!db::migrations_current(context.db))
    throw not_ready("数据库结构尚未升级到本版本", "The database schema is behind this version");
  return api::json_ok({{"status", "ok"}});
}

// Traffic figures are not for the internet: a direct loopback peer (a proxied request is not one, even
// though nginx connects from loopback) or the configured bearer token; anyone else finds no such route.
bool may_scrape(const http::Request& request, const api::Settings& settings) {
  const auto& bearer = request.header("authorization");
  if (!settings.metrics_token.empty() && bearer.rfind("Bearer ", 0) == 0 &&
      accounts::constant_time_equal(bearer.substr(7), settings.metrics_token))
    return true;
  const bool loopback = request.peer_address == "127.0.0.1" || request.peer_address == "::1" ||
                        request.peer_address == "::ffff:127.0.0.1";
  return loopback && request.header("x-forwarded-for").empty() && request.header("forwarded").empty();
}

http::Response metrics_text(api::Context& context) {
  if (!may_scrape(context.request, context.settings))
    throw ApiError{ErrorKind::not_found, "not_found", "接口不存在", "No such API endpoint"};
  http::Response response;
  response.content_type = "text/plain; version=0.0.4; charset=utf-8";
  response.body = metrics::process().render();
  return response;
}

http::Response openapi(api::Context&) {
  return http::json_response(200, std::string(embedded::openapi_json()));
}

nlohmann::json all_dictionaries() {
  nlohmann::json body = {{"org_types", Vocabulary({{"platform", "平台运营方", "Platform"},
                                                   {"regulator", "监管部门", "Regulator"},
                                                   {"insurer", "保险机构", "Insurer"},
                                                   {"agency", "第三方服务机构", "Service agency"},
                                                   {"enterprise", "企业", "Enterprise"},
                                                   {"park", "工业园区", "Industrial park"}})
                                           .to_json()},
                         {"roles", Vocabulary({{"admin", "管理员", "Administrator"},
                                               {"manager", "业务负责人", "Manager"},
                                               {"expert", "专家", "Expert"},
                                               {"technician", "技术人员", "Technician"},
                                               {"reviewer", "审核人员", "Reviewer"},
                                               {"viewer", "查看人员", "Viewer"},
                                               {"enterprise_user", "企业用户", "Enterprise user"}})
                                       .to_json()},
                         {"region_levels", Vocabulary({{"province", "省", "Province"},
                                                       {"city", "市", "City"},
                                                       {"district", "区县", "District / county"},
                                                       {"street", "街道乡镇", "Street / town"}})
                                               .to_json()},
                         {"audit_actions", audit::audit_actions().to_json()}};
  body.update(registry::registry_dictionaries());
  body.update(services::catalog_dictionaries());
  body.update(services::workflow_dictionaries());
  body.update(inspections::inspection_dictionaries());
  body["notice_kinds"] = notices::notice_kinds().to_json();
  body.update(hazards::hazard_dictionaries());
  return body;
}

// The same text for every request: serialized once (serializing it was a third of the request's CPU).
http::Response dictionaries(api::Context&) {
  static const std::string body = api_dump(all_dictionaries());
  return http::json_response(200, body);
}

}  // namespace

void add_system_routes(api::Routes& routes) {
  routes.get("/health", api::kPublic, health);
  routes.get("/livez", api::kPublic, livez);
  routes.get("/readyz", api::kPublic, readyz);
  routes.get("/metrics", api::kPublic, metrics_text);
  routes.get("/openapi.json", api::kPublic, openapi);
  routes.get("/dictionaries", api::kSignedIn, dictionaries);
}

}  // namespace rw::app
