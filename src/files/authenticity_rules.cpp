#include "files/authenticity_rules.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>

#include "files/perceptual_hash.hpp"

namespace rw::files {
namespace {

double radians(double degrees) { return degrees * std::numbers::pi / 180; }

std::string kilometres(double metres) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", metres / 1000);
  return text;
}

}  // namespace

double distance_m(GeoPoint a, GeoPoint b) {
  constexpr double kEarthRadiusM = 6'371'000;
  const double dlat = radians(b.latitude - a.latitude);
  const double dlon = radians(b.longitude - a.longitude);
  const double h = std::pow(std::sin(dlat / 2), 2) + std::cos(radians(a.latitude)) *
                                                         std::cos(radians(b.latitude)) *
                                                         std::pow(std::sin(dlon / 2), 2);
  return 2 * kEarthRadiusM * std::asin(std::min(1.0, std::sqrt(h)));
}

std::vector<Flag> authenticity_flags(const PhotoEvidence& e) {
  std::vector<Flag> flags;
  if (e.taken_at && e.visit && (*e.taken_at < e.visit->start || *e.taken_at >= e.visit->end))
    flags.push_back(
        {"taken_outside_visit", "照片拍摄时间不在本次检查期间", "The photo was taken outside the visit"});
  if (e.taken_where && e.site) {
    const double metres = distance_m(*e.taken_where, *e.site);
    if (metres > kMaxDistanceFromSiteM)
      flags.push_back({"far_from_site", "照片拍摄地点距企业 " + kilometres(metres) + " 公里",
                       "The photo was taken " + kilometres(metres) + " km from the enterprise"});
  }
  if (e.other_enterprises_same_bytes > 0)
    flags.push_back({"same_file_other_enterprise", "同一照片文件也用于其他企业",
                     "The same file is attached to another enterprise"});
  if (e.nearest_other_bits && *e.nearest_other_bits <= kNearDuplicateBits)
    flags.push_back({"near_duplicate_other_enterprise", "与其他企业的照片高度相似（疑似同一照片）",
                     "Nearly identical to a photo of another enterprise"});
  return flags;
}

}  // namespace rw::files
