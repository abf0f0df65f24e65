#pragma once
// Enterprises in spreadsheets: the import (upsert by credit code) and the export, which share columns
// so an exported file imports again unchanged.
#include <optional>
#include <string>
#include <vector>

#include "accounts/operation.hpp"
#include "exchange/import_driver.hpp"
#include "exchange/lookups.hpp"
#include "registry/enterprise_record.hpp"

namespace rw::exchange {

const std::vector<SheetColumn>& enterprise_columns();

class EnterpriseImport {
 public:
  struct Prepared {
    std::optional<std::int64_t> existing_id;
    registry::EnterpriseRecord record;
    std::optional<registry::EnterpriseRecord> stored;  // the existing record as it is
  };

  explicit EnterpriseImport(const accounts::Operation& op);
  std::string name() const { return "enterprises"; }
  const std::vector<SheetColumn>& columns() const { return enterprise_columns(); }
  std::string key_header() const { return "统一社会信用代码"; }
  std::string key(const Prepared& p) const { return p.record.credit_code; }
  // The enterprises of a chunk's credit codes already registered, in two queries.
  void preload(const std::vector<HeaderedRow>& rows);
  std::optional<Prepared> prepare(const Cells& cells);
  // New and changed records are held and written together by flush(), at the end of each chunk.
  RowOutcome write(const Prepared& prepared, audit::Batch& batch);
  void flush(audit::Batch& batch);

 private:
  accounts::Operation op_;
  registry::EnterpriseChecks checks_;
  RegionIndex regions_;
  OrgNames parks_;
  struct Registered {
    std::int64_t id = 0;
    bool visible = false;  // to the importing user; others' enterprises are not changed
    registry::EnterpriseRecord record;
  };
  std::map<std::string, Registered> registered_;  // by credit code, for the chunk being prepared
  std::vector<registry::EnterpriseRecord> new_records_;
  // Changed records by the columns they change, each set written in one statement.
  std::map<std::vector<std::string>, std::vector<registry::EnterpriseUpdate>> updates_;
};

// The rows of a kSelectEnterprise query as a sheet.
sheet::SheetData enterprise_sheet(const db::Rows& rows);

}  // namespace rw::exchange
