#include "app/system_routes.hpp"

#include "audit/audit_listing.hpp"
#include "hazards/hazard_vocabularies.hpp"
#include "inspections/inspection_vocabularies.hpp"
#include "notices/notice_kinds.hpp"
#include "platform/embedded.hpp"
#include "platform/vocabulary.hpp"
#include "registry/vocabularies.hpp"
#include "services/catalog_record.hpp"
#include "services/workflow_vocabularies.hpp"

namespace rw::app {
namespace {

http::Response health(api::Context& context) {
  context.db.query("SELECT 1 AS one");
  return api::json_ok(
      {{"status", "ok"}, {"db", context.settings.database_kind}, {"version", RISKWATCH_VERSION}});
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

http::Response dictionaries(api::Context&) {
  static const nlohmann::json body = all_dictionaries();
  return api::json_ok(body);
}

}  // namespace

void add_system_routes(api::Routes& routes) {
  routes.get("/health", api::kPublic, health);
  routes.get("/openapi.json", api::kPublic, openapi);
  routes.get("/dictionaries", api::kSignedIn, dictionaries);
}

}  // namespace rw::app
