#pragma once
// GB/T 4754-2017 national economy industry classification, shipped as data
// (data/industries/gb-t-4754-2017.tsv, compiled into the binary): 门类 A–T, 大类 2 digits,
// 中类 3 digits, 小类 4 digits. This table is the industries' store (no SQL); GET /industries reads it
// through industry_service.hpp.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rw::registry {

struct Industry {
  std::string code;
  int level = 0;  // 1 门类 … 4 小类
  std::string parent;
  std::string name;
};

class IndustryTable {
 public:
  static const IndustryTable& shipped();
  explicit IndustryTable(std::string_view tsv);

  const Industry* find(std::string_view code) const;
  const std::vector<Industry>& all() const { return classes_; }  // in the standard's order
  // The 2-digit 大类 codes of a 门类 letter; empty for anything else.
  std::vector<std::string> divisions_of(std::string_view section) const;
  // "C" for "2614": the 门类 a numeric code belongs to.
  std::string section_of(std::string_view code) const;

 private:
  std::vector<Industry> classes_;
  std::vector<std::size_t> by_code_;  // indices into classes_, sorted by code
};

// A person's spelling of an industry ("2614", "2614 有机化学原料制造", "有机化学原料制造") → its code.
std::optional<std::string> industry_code_of(const IndustryTable& table, std::string_view text);

// The shipped table's name of a code; "" for none or an unknown code (lists show it beside the code).
std::string industry_name_of(std::string_view code);

}  // namespace rw::registry
