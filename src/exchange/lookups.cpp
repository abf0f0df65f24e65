#include "exchange/lookups.hpp"

namespace rw::exchange {

RegionIndex::RegionIndex(db::Connection& db) {
  auto rows =
      db.query("SELECT id, name, level, parent_id FROM regions WHERE level IN ('district', 'street')");
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto row = rows[i];
    if (row.text("level") == "district")
      districts_.emplace(row.text("name"), row.integer("id"));
    else
      streets_.emplace(row.text("name"),
                       std::make_pair(row.integer("id"), row.optional_integer("parent_id").value_or(0)));
  }
}

std::optional<std::int64_t> RegionIndex::find(const std::string& district, const std::string& street,
                                              std::string& why, std::string& why_en) const {
  std::vector<std::int64_t> district_ids;
  for (auto [it, end] = districts_.equal_range(district); it != end; ++it) district_ids.push_back(it->second);
  if (!district.empty() && district_ids.empty()) {
    why = "没有名为“" + district + "”的区县";
    why_en = "no district is named " + district;
    return std::nullopt;
  }
  if (street.empty()) {
    if (district_ids.size() == 1) return district_ids.front();
    why = district.empty() ? "请填写区县或街道" : "有多个同名区县，请填写街道";
    why_en = district.empty() ? "a district or street is required"
                              : "several districts share this name; add the street";
    return std::nullopt;
  }
  std::vector<std::int64_t> matches;
  for (auto [it, end] = streets_.equal_range(street); it != end; ++it) {
    const auto [id, parent] = it->second;
    if (district.empty() || std::find(district_ids.begin(), district_ids.end(), parent) != district_ids.end())
      matches.push_back(id);
  }
  if (matches.size() == 1) return matches.front();
  why = matches.empty() ? "没有名为“" + street + "”的街道（或不在该区县）" : "有多个同名街道，请填写区县";
  why_en = matches.empty() ? "no street named " + street + " (in that district)"
                           : "several streets share this name; add the district";
  return std::nullopt;
}

OrgNames::OrgNames(db::Connection& db, const std::string& type) {
  auto rows = db.query("SELECT id, name FROM organizations WHERE type = ? AND active = 1", {type});
  for (std::size_t i = 0; i < rows.size(); ++i) ids_.emplace(rows[i].text("name"), rows[i].integer("id"));
}

std::optional<std::int64_t> OrgNames::find(const std::string& name) const {
  auto it = ids_.find(name);
  if (it == ids_.end()) return std::nullopt;
  return it->second;
}

}  // namespace rw::exchange
