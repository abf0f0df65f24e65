#include "hazards/ledger_rules.hpp"

#include <cstdio>

#include "hazards/hazard_rules.hpp"
#include "hazards/hazard_vocabularies.hpp"
#include "inspections/inspection_vocabularies.hpp"

namespace rw::hazards {
namespace {

std::string photo_count(std::size_t n) { return n ? std::to_string(n) + " 张" : ""; }

std::string category_label(const std::string& code) {
  const auto* category = find_category(code);
  return category ? category->label.zh : code;
}

std::string sub_category_label(const std::string& category, const std::string& sub) {
  if (const auto* found = find_category(category))
    for (const auto& label : found->subs)
      if (label.value == sub) return label.zh;
  return sub;
}

}  // namespace

std::vector<sheet::Value> ledger_cells(const LedgerEntry& e, int number) {
  sheet::Value funds;
  if (e.funds_fen) funds = static_cast<double>(*e.funds_fen) / 100;
  return {static_cast<double>(number),
          e.found_on,
          e.found_by,
          category_label(e.category),
          sub_category_label(e.category, e.sub_category),
          e.description,
          photo_count(e.photos),
          inspections::finding_grades().zh(e.grade),
          e.measures,
          e.plan_due_on,
          e.responsible,
          funds,
          e.evidence,
          photo_count(e.evidence_photos),
          e.accepted_on,
          e.accepted_by,
          e.remarks};
}

std::vector<std::string> ledger_texts(const std::vector<sheet::Value>& cells) {
  std::vector<std::string> out;
  for (const auto& cell : cells) {
    if (const auto* text = std::get_if<std::string>(&cell)) {
      out.push_back(*text);
    } else if (const auto* number = std::get_if<double>(&cell)) {
      char buffer[32];
      std::snprintf(buffer, sizeof buffer,
                    *number == static_cast<double>(static_cast<long long>(*number)) ? "%.0f" : "%.2f",
                    *number);
      out.push_back(buffer);
    } else {
      out.emplace_back();
    }
  }
  return out;
}

std::vector<std::string> ledger_headers() {
  std::vector<std::string> out;
  for (const auto& column : ledger_columns()) out.push_back(column.zh);
  return out;
}

}  // namespace rw::hazards
