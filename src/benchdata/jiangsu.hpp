#pragma once
// 江苏省: its 13 cities and their 95 districts, county-level cities and counties, with the national
// administrative division codes (GB/T 2260, as of 2023), transcribed. Streets and towns below them are
// generated (see words.hpp), since the generator only needs their shape.
#include <string>
#include <vector>

namespace rw::benchdata {

struct DistrictData {
  const char* code;
  const char* name;
};

struct CityData {
  const char* code;
  const char* name;        // 无锡市
  const char* short_name;  // 无锡
  double longitude;        // the city centre, roughly
  double latitude;
  int weight;  // share of the province's insured enterprises, in percent (by industrial output, roughly)
  std::vector<DistrictData> districts;
};

inline constexpr const char* kProvinceCode = "320000";
inline constexpr const char* kProvinceName = "江苏省";
inline constexpr const char* kWuxiCode = "320200";

const std::vector<CityData>& jiangsu_cities();
// 新吴区 → 新吴, 江阴市 → 江阴, 沛县 → 沛县 (a one-character name keeps its suffix).
std::string short_district_name(const std::string& name);

}  // namespace rw::benchdata
