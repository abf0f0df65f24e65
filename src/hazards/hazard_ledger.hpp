#pragma once
// The hazard ledger 隐患排查治理台账 (chengdu App. C Table 9, its 17 columns) of an enterprise, a region
// (with the regions below it) or an agency, over a period of the hazards' found dates, as .xlsx or PDF. Only
// the hazards the actor may see (the access model's kHazard) are listed. No HTTP.
#include <map>
#include <string>

#include "accounts/operation.hpp"
#include "spreadsheet/table.hpp"

namespace rw::hazards {

// The most rows a ledger holds as .xlsx and as PDF (`serve --ledger-rows`, `--ledger-pdf-rows`); a larger one
// is 422 ledger_too_large, told before any row is read. A PDF lays out all its pages before it writes the
// first (each says 第 n 页 共 N 页): about 27 MB and 0.75 s for each 1,000 rows, where a city's month at
// province scale (21,883 rows, 4,440 pages) took 15 s and 841 MB, which the process kept.
struct LedgerLimits {
  std::int64_t rows = 50'000;
  std::int64_t pdf_rows = 2'000;
};
void set_ledger_limits(const LedgerLimits& limits);

struct LedgerFile {
  std::string bytes;
  std::string format;      // xlsx | pdf
  std::string file_name;   // 乐清市星河化工有限公司隐患排查治理台账
  std::string ascii_name;  // hazard-ledger-enterprise-12
};

// The ledger's rows (ledger_cells) as a workbook of one sheet: the 17 headers, then the rows.
std::string ledger_xlsx(std::vector<std::vector<sheet::Value>> rows);

// Query: format (xlsx, the default, or pdf); exactly one of enterprise_id, region_id, agency_org_id (422
// ledger_scope_required); from, to (found dates, YYYY-MM-DD). An enterprise or agency the actor may not see
// is 404.
LedgerFile hazard_ledger(const accounts::Operation& op, const std::map<std::string, std::string>& query);

}  // namespace rw::hazards
