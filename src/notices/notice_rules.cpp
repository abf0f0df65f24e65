#include "notices/notice_rules.hpp"

#include <charconv>

namespace rw::notices {

bool may_issue(std::string_view org_type, std::string_view kind) {
  if (kind == "warning" || kind == "reminder") return org_type == "agency" || org_type == "regulator";
  if (kind == "rectification") return org_type == "agency" || org_type == "park";
  if (kind == "inspection") return org_type == "park";
  return false;
}

bool lists_problems(std::string_view kind) { return kind == "warning" || kind == "rectification"; }

std::string chinese_date(std::string_view iso_date) {
  if (iso_date.size() != 10) return std::string(iso_date);
  int month = 0, day = 0;
  std::from_chars(iso_date.data() + 5, iso_date.data() + 7, month);
  std::from_chars(iso_date.data() + 8, iso_date.data() + 10, day);
  return std::string(iso_date.substr(0, 4)) + "年" + std::to_string(month) + "月" + std::to_string(day) +
         "日";
}

std::string document_name(std::string_view kind_label, std::string_view number_or_draft,
                          std::string_view enterprise) {
  std::string out =
      std::string(kind_label) + "_" + std::string(number_or_draft) + "_" + std::string(enterprise);
  for (auto& c : out)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F ||
        std::string_view("/\\:*?\"<>|").find(c) != std::string_view::npos)
      c = '_';
  return out;
}

}  // namespace rw::notices
