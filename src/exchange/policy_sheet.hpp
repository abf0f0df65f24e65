#pragma once
// Policies in spreadsheets: the import (upsert by insurer + policy number; the insured enterprise is
// found by its credit code) and the export, sharing columns.
#include "accounts/operation.hpp"
#include "exchange/import_driver.hpp"
#include "exchange/lookups.hpp"
#include "registry/policy_record.hpp"

namespace rw::exchange {

const std::vector<SheetColumn>& policy_columns();

class PolicyImport {
 public:
  struct Prepared {
    std::optional<std::int64_t> existing_id;
    registry::PolicyRecord record;
    nlohmann::json before;
  };

  explicit PolicyImport(const accounts::Operation& op) : op_(op), insurers_(op.db, "insurer") {}
  std::string name() const { return "policies"; }
  const std::vector<SheetColumn>& columns() const { return policy_columns(); }
  std::string key_header() const { return "保单号"; }
  std::string key(const Prepared& p) const {
    return std::to_string(p.record.insurer_org_id) + "/" + p.record.policy_number;
  }
  std::optional<Prepared> prepare(const Cells& cells);
  RowOutcome write(const Prepared& prepared, audit::Batch& batch);

 private:
  accounts::Operation op_;
  OrgNames insurers_;
};

// The rows of a kSelectPolicy query as a sheet.
sheet::SheetData policy_sheet(const db::Rows& rows);

}  // namespace rw::exchange
