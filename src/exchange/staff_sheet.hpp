#pragma once
// Staff in spreadsheets: the import (upsert by organization + phone) and the export, sharing columns.
#include "accounts/operation.hpp"
#include "exchange/import_driver.hpp"
#include "exchange/lookups.hpp"
#include "registry/staff_record.hpp"

namespace rw::exchange {

const std::vector<SheetColumn>& staff_columns();

class StaffImport {
 public:
  struct Prepared {
    std::optional<std::int64_t> existing_id;
    registry::StaffRecord record;
    nlohmann::json before;
  };

  explicit StaffImport(const accounts::Operation& op)
      : op_(op), agencies_(op.db, "agency"), insurers_(op.db, "insurer") {}
  std::string name() const { return "staff"; }
  const std::vector<SheetColumn>& columns() const { return staff_columns(); }
  std::string key_header() const { return "手机号"; }
  std::string key(const Prepared& p) const { return std::to_string(p.record.org_id) + "/" + p.record.phone; }
  std::optional<Prepared> prepare(const Cells& cells);
  RowOutcome write(const Prepared& prepared, audit::Batch& batch);

 private:
  accounts::Operation op_;
  OrgNames agencies_;
  OrgNames insurers_;
};

// The staff JSON items of a page (staff_items) as a sheet.
sheet::SheetData staff_sheet(const nlohmann::json& items);

}  // namespace rw::exchange
