#include "audit/audit_routes.hpp"

#include "api/downloads.hpp"
#include "audit/audit_listing.hpp"
#include "platform/dates.hpp"
#include "platform/heavy_work.hpp"

namespace rw::audit {
namespace {

http::Response list(api::Context& context) {
  return api::json_ok(list_entries(context.op(), context.request.query));
}

http::Response export_entries(api::Context& context) {
  const HeavyWork heavy;
  const auto day = china_date(context.clock.now());
  return api::xlsx_download(entries_xlsx(context.op(), context.request.query), "audit-log-" + day,
                            "操作日志-" + day);
}

}  // namespace

void add_routes(api::Routes& routes) {
  routes.get("/audit", "audit:read", list);
  routes.get("/audit/export", "audit:read", export_entries);
}

}  // namespace rw::audit
