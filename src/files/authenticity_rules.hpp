#pragma once
// Signs that a photo may not be what it claims to be — evidence of this visit at this enterprise. Each is a
// flag for the reviewer to look at, not a refusal: phones without GPS, clocks set wrong, a photo taken the
// evening before all happen honestly. Pure rules; the service gathers the facts (flag_service.hpp).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/clock.hpp"

namespace rw::files {

struct GeoPoint {
  double latitude = 0;
  double longitude = 0;
};

// [start, end) in Unix seconds.
struct TimeWindow {
  Seconds start = 0;
  Seconds end = 0;
};

// Great-circle distance in metres (haversine, mean Earth radius 6,371 km): at 1 km its error against the
// ellipsoid is a few metres, far below what a phone's GPS gets right.
double distance_m(GeoPoint a, GeoPoint b);

inline constexpr double kMaxDistanceFromSiteM = 1000;

// Everything the rules look at, for one file seen through one owner.
struct PhotoEvidence {
  std::optional<Seconds> taken_at;        // EXIF
  std::optional<GeoPoint> taken_where;    // EXIF GPS
  std::optional<TimeWindow> visit;        // the owner's visit, when it has one
  std::optional<GeoPoint> site;           // the enterprise's registered location
  int other_enterprises_same_bytes = 0;   // enterprises other than the owner's with this very file
  std::optional<int> nearest_other_bits;  // closest perceptual hash linked to another enterprise
};

struct Flag {
  std::string code;
  std::string message;  // Chinese
  std::string message_en;
};

// The flags in a fixed order: taken_outside_visit, far_from_site, same_file_other_enterprise,
// near_duplicate_other_enterprise.
std::vector<Flag> authenticity_flags(const PhotoEvidence& evidence);

}  // namespace rw::files
