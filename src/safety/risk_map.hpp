#pragma once
// The four-colour map 安全风险四色图 (chengdu App. C 3.2): the enterprise's site plan with its zones drawn on
// it, each filled with the colour of its highest risk (重大 红, 较大 橙, 一般 黄, 低 蓝), as SVG
// (risk_map.cpp, pure text) and PNG (map_png.cpp, the one file with libvips and Cairo: the plan decoded, the
// zones painted).
#include <optional>
#include <string>
#include <vector>

#include "safety/risk_records.hpp"
#include "safety/risk_rules.hpp"

namespace rw::safety {

struct MapZone {
  std::string name;
  Polygon points;              // in the plan's pixels
  std::optional<Level> level;  // none: no graded risk linked (drawn grey)
};

struct SitePlanImage {
  std::string bytes;       // JPEG, PNG, WebP or HEIC as uploaded
  std::string media_type;  // image/jpeg
  double width = 0, height = 0;
};

// A zone's fill: its level's colour, or grey.
std::string zone_fill(const std::optional<Level>& level);

// The plan embedded as a data: URI under the zones.
std::string map_svg(const SitePlanImage& plan, const std::vector<MapZone>& zones, const std::string& title);

// The same drawing as PNG, at most kMaxMapPixels wide or high (a larger plan is scaled down with its zones).
inline constexpr int kMaxMapPixels = 2400;
std::string map_png(const SitePlanImage& plan, const std::vector<MapZone>& zones);

}  // namespace rw::safety

namespace rw::safety {

// A simple site plan drawn for the demo data and tests: a fenced yard with labelled buildings, as PNG.
struct PlanBuilding {
  std::string name;
  double x, y, width, height;
};
std::string draw_site_plan_png(int width, int height, const std::vector<PlanBuilding>& buildings);

}  // namespace rw::safety

namespace rw::safety {

// The colour of one pixel of a PNG (composited over white), for checking a rendered map.
struct Rgb {
  int r = 0, g = 0, b = 0;
};
Rgb png_pixel(const std::string& png, int x, int y);

}  // namespace rw::safety
