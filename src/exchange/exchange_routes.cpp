#include "exchange/exchange_routes.hpp"

#include <spdlog/spdlog.h>

#include "accounts/actor.hpp"
#include "api/downloads.hpp"
#include "exchange/enterprise_sheet.hpp"
#include "exchange/export_service.hpp"
#include "exchange/policy_sheet.hpp"
#include "exchange/staff_sheet.hpp"
#include "platform/dates.hpp"
#include "platform/db/bulk_write.hpp"
#include "platform/files/sha256.hpp"
#include "platform/heavy_work.hpp"
#include "platform/memory.hpp"

namespace rw::exchange {
namespace {

std::string dated(api::Context& context, const std::string& name) {
  return name + "-" + china_date(context.clock.now());
}

http::Response export_enterprises(api::Context& context) {
  const HeavyWork heavy;
  return api::xlsx_download(enterprises_xlsx(context.op(), context.request.query),
                            dated(context, "enterprises"), dated(context, "企业"));
}

http::Response export_policies(api::Context& context) {
  const HeavyWork heavy;
  return api::xlsx_download(policies_xlsx(context.op(), context.request.query), dated(context, "policies"),
                            dated(context, "保单"));
}

http::Response export_staff(api::Context& context) {
  const HeavyWork heavy;
  return api::xlsx_download(staff_xlsx(context.op(), context.request.query), dated(context, "staff"),
                            dated(context, "人员"));
}

struct KindInfo {
  const std::vector<SheetColumn>& columns;
  const char* permission;
  const char* chinese_name;
  const char* table;  // where its records are created
};

KindInfo kind_info(const std::string& kind) {
  if (kind == "enterprises") return {enterprise_columns(), "enterprise:write", "企业", "enterprises"};
  if (kind == "policies") return {policy_columns(), "policy:write", "保单", "policies"};
  if (kind == "staff") return {staff_columns(), "staff:write", "人员", "staff"};
  throw not_found();
}

ImportMode import_mode(const std::map<std::string, std::string>& query) {
  auto it = query.find("mode");
  if (it == query.end() || it->second == "all_or_nothing") return ImportMode::all_or_nothing;
  if (it->second == "valid_rows") return ImportMode::valid_rows;
  throw invalid_field("mode", "invalid_query", "mode 应为 all_or_nothing 或 valid_rows",
                      "mode must be all_or_nothing or valid_rows");
}

// The import is audited as one entry naming the file by its SHA-256, and the records' changes under it.
template <class Kind>
ImportReport import_with(api::Context& context, std::string_view file, ImportMode mode) {
  const auto op = context.op();
  const db::BulkWrite bulk(op.db);
  Kind kind(op);
  audit::Batch batch(op, {"import", kind.name(), "import", op.actor.org_id});
  const RowReader read = [&](const sheet::RowSink& sink) { sheet::read_rows(file, sink); };
  auto report = run_import(kind, read, mode, batch);
  files::Sha256 hash;
  hash.update(file);
  batch.finish(report.audit_outcome(hash.hex_digest()));
  return report;
}

ImportReport import_file(api::Context& context, const std::string& kind, ImportMode mode) {
  // A large upload is read in place from the temporary file the server streamed it to.
  const std::string_view file = context.request.body_bytes();
  if (kind == "enterprises") return import_with<EnterpriseImport>(context, file, mode);
  if (kind == "policies") return import_with<PolicyImport>(context, file, mode);
  return import_with<StaffImport>(context, file, mode);
}

http::Response import_sheet(api::Context& context) {
  const auto kind = context.params.text("kind");
  const auto info = kind_info(kind);
  accounts::require_permission(context.me(), info.permission);
  const auto mode = import_mode(context.request.query);
  // An import's lookups and parsing leave the heap large and fragmented; the allocator keeps such memory
  // for reuse unless asked to return it (also when the import is refused).
  const ReturnFreeMemoryAfterwards trim;
  const auto report = import_file(context, kind, mode);
  if (report.created > 0) {
    context.commit_writes();
    // SQLite plans with the statistics it took last (at start and daily). The rows are in: a refresh that
    // fails (the writers' turn did not come) leaves the old ones until the daily refresh, and the import is
    // still answered as done.
    try {
      db::refresh_statistics_if_outgrown(context.db, info.table);
    } catch (const std::exception& error) {
      spdlog::warn("statistics not refreshed after an import rid={}: {}", context.request.request_id,
                   error.what());
    }
  }
  return api::json_ok(report.to_json());
}

// The template: headers with an example row, and a sheet explaining every column.
http::Response import_template(api::Context& context) {
  const auto info = kind_info(context.params.text("kind"));
  accounts::require_permission(context.me(), info.permission);
  sheet::SheetData data{info.chinese_name, {}, {}};
  sheet::SheetData notes{"填写说明", {{"列名", 22}, {"是否必填", 10}, {"说明", 60}}, {}};
  std::vector<sheet::Value> example;
  for (const auto& c : info.columns) {
    data.columns.push_back({c.required ? c.header + "*" : c.header, c.width});
    example.emplace_back(c.example);
    notes.rows.push_back({c.header, std::string(c.required ? "是" : "否"), c.note});
  }
  data.rows.push_back(std::move(example));
  notes.rows.push_back({std::string(), std::string(),
                        std::string("第一行为表头，带 * 的列必填；示例行请删除或改写。文件可为 .xlsx 或 "
                                    ".csv（UTF-8 或 GBK）。不接受公式。")});
  return api::xlsx_download(sheet::write_xlsx({data, notes}), context.params.text("kind") + "-template",
                            std::string(info.chinese_name) + "导入模板");
}

}  // namespace

void add_exchange_routes(api::Routes& routes) {
  routes.get("/enterprises/export", "enterprise:read", export_enterprises);
  routes.get("/policies/export", "policy:read", export_policies);
  routes.get("/staff/export", "staff:read", export_staff);
  routes.upload("/imports/{kind}", api::kSignedIn, import_sheet, &api::Settings::max_upload_bytes,
                api::WriteScope::long_request);
  routes.get("/imports/{kind}/template", api::kSignedIn, import_template);
}

}  // namespace rw::exchange
