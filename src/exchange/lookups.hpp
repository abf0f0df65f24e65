#pragma once
// Names people write in spreadsheets resolved to ids, loaded once per import.
#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "platform/db/database.hpp"

namespace rw::exchange {

// Districts by name and streets by (district, name), so "新吴区 / 旺庄街道" finds its region.
class RegionIndex {
 public:
  explicit RegionIndex(db::Connection& db);
  // The street when given (inside the district when that is given too), else the district.
  // Errors: the Chinese and English reason in `why`.
  std::optional<std::int64_t> find(const std::string& district, const std::string& street, std::string& why,
                                   std::string& why_en) const;

 private:
  std::multimap<std::string, std::int64_t> districts_;
  std::multimap<std::string, std::pair<std::int64_t, std::int64_t>> streets_;  // name → (id, district id)
};

// Active organizations of one type by exact name.
class OrgNames {
 public:
  OrgNames(db::Connection& db, const std::string& type);
  std::optional<std::int64_t> find(const std::string& name) const;

 private:
  std::map<std::string, std::int64_t> ids_;
};

}  // namespace rw::exchange
