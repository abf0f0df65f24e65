#pragma once
// chengdu App. C Table 9 隐患排查治理台账 as rows: one hazard's 17 cells in the order of ledger_columns()
// (hazard_rules.hpp), labels rather than codes. Photos are counted ("2 张"): a ledger lists, the report shows
// them. Pure.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "spreadsheet/table.hpp"

namespace rw::hazards {

// One hazard as the ledger reads it (codes as stored; dates YYYY-MM-DD).
struct LedgerEntry {
  std::string found_on, found_by;
  std::string category, sub_category;
  std::string description;
  std::size_t photos = 0;
  std::string grade;
  std::string measures, plan_due_on, responsible;
  std::optional<std::int64_t> funds_fen;
  std::string evidence;
  std::size_t evidence_photos = 0;
  std::string accepted_on, accepted_by;
  std::string remarks;
};

// The 17 cells of row `number` (序号): text, and 经费 in 元 as a number (empty when not given).
std::vector<sheet::Value> ledger_cells(const LedgerEntry& entry, int number);
// The same cells as text (a PDF table).
std::vector<std::string> ledger_texts(const std::vector<sheet::Value>& cells);
// The ledger's header: the 17 column names of Table 9.
std::vector<std::string> ledger_headers();

}  // namespace rw::hazards
