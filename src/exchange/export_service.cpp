#include "exchange/export_service.hpp"

#include "exchange/enterprise_sheet.hpp"
#include "exchange/policy_sheet.hpp"
#include "exchange/staff_sheet.hpp"
#include "registry/enterprise_listing.hpp"
#include "registry/policy_listing.hpp"
#include "registry/staff_listing.hpp"
#include "spreadsheet/table.hpp"

namespace rw::exchange {
namespace {

constexpr std::size_t kMaxExportRows = 100'000;

db::Rows export_rows(db::Connection& db, const char* select, const SqlFilter& where,
                     const std::string& order) {
  const db::PlanEachRun planned(db);  // a party's rows: planned with its filter's values
  auto rows = db.query(std::string(select) + where.sql() + " ORDER BY " + order + " LIMIT ?",
                       where.params_with({static_cast<std::int64_t>(kMaxExportRows + 1)}));
  if (rows.size() > kMaxExportRows)
    throw ApiError(ErrorKind::invalid, "too_many_rows", "超过 100000 行，请缩小筛选范围后导出",
                   "more than 100,000 rows; narrow the filters and export again");
  return rows;
}

}  // namespace

std::string enterprises_xlsx(const accounts::Operation& op, const std::map<std::string, std::string>& query) {
  const auto where = registry::enterprise_filter(op.db, op.actor, query);
  auto rows = export_rows(op.db, registry::kSelectEnterprise, where, registry::enterprise_order(query));
  return sheet::write_xlsx({enterprise_sheet(rows)});
}

std::string policies_xlsx(const accounts::Operation& op, const std::map<std::string, std::string>& query) {
  const auto where = registry::policy_filter(op.db, op.actor, query);
  auto rows = export_rows(op.db, registry::kSelectPolicy, where, registry::policy_order(query));
  return sheet::write_xlsx({policy_sheet(rows)});
}

std::string staff_xlsx(const accounts::Operation& op, const std::map<std::string, std::string>& query) {
  const auto where = registry::staff_filter(op.db, op.actor, query);
  auto rows = export_rows(op.db, registry::kSelectStaff, where, "s.name, s.id");
  return sheet::write_xlsx({staff_sheet(registry::staff_items(op.db, rows))});
}

}  // namespace rw::exchange
