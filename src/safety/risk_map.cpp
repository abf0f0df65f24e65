#include "safety/risk_map.hpp"

#include <sodium.h>

#include <cstdio>

namespace rw::safety {
namespace {

std::string xml_escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        // Control characters are not allowed in XML 1.0.
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n') out += c;
    }
  }
  return out;
}

std::string base64(const std::string& bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

std::string number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

}  // namespace

std::string zone_fill(const std::optional<Level>& level) {
  return level ? std::string(colour_hex(*level)) : std::string("#9E9E9E");
}

std::string map_svg(const SitePlanImage& plan, const std::vector<MapZone>& zones, const std::string& title) {
  const auto w = number(plan.width), h = number(plan.height);
  std::string svg =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w +
      "\" height=\"" + h + "\" viewBox=\"0 0 " + w + " " + h + "\">\n<title>" + xml_escaped(title) +
      "</title>\n<image x=\"0\" y=\"0\" width=\"" + w + "\" height=\"" + h +
      "\" href=\"data:" + plan.media_type + ";base64," + base64(plan.bytes) + "\"/>\n";
  const auto font = number(std::max(12.0, plan.width / 60));
  for (const auto& zone : zones) {
    std::string points;
    double cx = 0, cy = 0;
    for (const auto& [x, y] : zone.points) {
      points += (points.empty() ? "" : " ") + number(x) + "," + number(y);
      cx += x / static_cast<double>(zone.points.size());
      cy += y / static_cast<double>(zone.points.size());
    }
    const auto fill = zone_fill(zone.level);
    svg += "<g class=\"zone\" data-level=\"" + std::string(zone.level ? level_code(*zone.level) : "none") +
           "\"><polygon points=\"" + points + "\" fill=\"" + fill + "\" fill-opacity=\"0.55\" stroke=\"" +
           fill + "\" stroke-width=\"2\"/><text x=\"" + number(cx) + "\" y=\"" + number(cy) +
           "\" font-size=\"" + font + "\" text-anchor=\"middle\" fill=\"#000\">" + xml_escaped(zone.name) +
           "</text></g>\n";
  }
  return svg + "</svg>\n";
}

}  // namespace rw::safety
