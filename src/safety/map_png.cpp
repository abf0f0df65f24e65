// The four-colour map as PNG: libvips decodes (and if need be shrinks) the site plan, Cairo paints the zones
// over it and Pango writes their names (Noto Sans CJK). The only file of this capability with their headers.
#include <cairo.h>
#include <pango/pangocairo.h>
#include <vips/vips.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

#include "files/image_probe.hpp"
#include "safety/risk_map.hpp"

namespace rw::safety {
namespace {

struct Unref {
  void operator()(VipsImage* image) const { g_object_unref(image); }
};
using Image = std::unique_ptr<VipsImage, Unref>;

void check(int status) {
  if (status == 0) return;
  const std::string message = vips_error_buffer();
  vips_error_clear();
  throw std::runtime_error("map_png: libvips: " + message);
}

// The plan as 8-bit sRGB with alpha, at most kMaxMapPixels on its longer side.
Image decoded_plan(const SitePlanImage& plan) {
  files::start_image_library();
  VipsImage* raw = nullptr;
  check(vips_thumbnail_buffer(const_cast<char*>(plan.bytes.data()), plan.bytes.size(), &raw, kMaxMapPixels,
                              "height", kMaxMapPixels, "size", VIPS_SIZE_DOWN, nullptr));
  Image image(raw);
  VipsImage* next = nullptr;
  check(vips_colourspace(image.get(), &next, VIPS_INTERPRETATION_sRGB, nullptr));
  image.reset(next);
  if (!vips_image_hasalpha(image.get())) {
    check(vips_bandjoin_const1(image.get(), &next, 255, nullptr));
    image.reset(next);
  }
  check(vips_cast_uchar(image.get(), &next, nullptr));
  image.reset(next);
  return image;
}

struct SurfaceUnref {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextUnref {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};

// Cairo's ARGB32 is premultiplied, one native-endian 32-bit word per pixel.
std::unique_ptr<cairo_surface_t, SurfaceUnref> surface_of(VipsImage* image) {
  const int w = vips_image_get_width(image), h = vips_image_get_height(image);
  std::size_t size = 0;
  std::unique_ptr<unsigned char, decltype(&g_free)> pixels(
      static_cast<unsigned char*>(vips_image_write_to_memory(image, &size)), &g_free);
  if (!pixels || size < static_cast<std::size_t>(w) * h * 4) throw std::runtime_error("map_png: no pixels");
  std::unique_ptr<cairo_surface_t, SurfaceUnref> surface(
      cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
  cairo_surface_flush(surface.get());
  unsigned char* data = cairo_image_surface_get_data(surface.get());
  const int stride = cairo_image_surface_get_stride(surface.get());
  for (int y = 0; y < h; ++y) {
    auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
    const unsigned char* in = pixels.get() + static_cast<std::size_t>(y) * w * 4;
    for (int x = 0; x < w; ++x, in += 4) {
      const std::uint32_t a = in[3];
      const auto pre = [a](std::uint32_t c) { return (c * a + 127) / 255; };
      row[x] = a << 24 | pre(in[0]) << 16 | pre(in[1]) << 8 | pre(in[2]);
    }
  }
  cairo_surface_mark_dirty(surface.get());
  return surface;
}

void set_colour(cairo_t* cr, const std::string& hex, double alpha) {
  const auto value = std::stoul(hex.substr(1), nullptr, 16);
  cairo_set_source_rgba(cr, ((value >> 16) & 0xFF) / 255.0, ((value >> 8) & 0xFF) / 255.0,
                        (value & 0xFF) / 255.0, alpha);
}

void draw_label(cairo_t* cr, const std::string& text, double x, double y, double size) {
  PangoLayout* layout = pango_cairo_create_layout(cr);
  PangoFontDescription* font = pango_font_description_from_string("Noto Sans CJK SC Bold");
  pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
  pango_layout_set_font_description(layout, font);
  pango_font_description_free(font);
  pango_layout_set_text(layout, text.c_str(), static_cast<int>(text.size()));
  int w = 0, h = 0;
  pango_layout_get_pixel_size(layout, &w, &h);
  cairo_move_to(cr, x - w / 2.0, y - h / 2.0);
  cairo_set_source_rgb(cr, 0, 0, 0);
  pango_cairo_show_layout(cr, layout);
  g_object_unref(layout);
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct Reader {
  const std::string& bytes;
  std::size_t offset = 0;
};

cairo_status_t read_from(void* closure, unsigned char* data, unsigned int length) {
  auto* reader = static_cast<Reader*>(closure);
  if (reader->offset + length > reader->bytes.size()) return CAIRO_STATUS_READ_ERROR;
  std::copy_n(reader->bytes.data() + reader->offset, length, data);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::string map_png(const SitePlanImage& plan, const std::vector<MapZone>& zones) {
  const auto image = decoded_plan(plan);
  auto surface = surface_of(image.get());
  const double scale = plan.width > 0 ? vips_image_get_width(image.get()) / plan.width : 1.0;
  std::unique_ptr<cairo_t, ContextUnref> cr(cairo_create(surface.get()));
  cairo_scale(cr.get(), scale, scale);
  for (const auto& zone : zones) {
    if (zone.points.empty()) continue;
    cairo_new_path(cr.get());
    for (const auto& [x, y] : zone.points) cairo_line_to(cr.get(), x, y);
    cairo_close_path(cr.get());
    const auto fill = zone_fill(zone.level);
    set_colour(cr.get(), fill, 0.55);
    cairo_fill_preserve(cr.get());
    set_colour(cr.get(), fill, 1.0);
    cairo_set_line_width(cr.get(), 2 / scale);
    cairo_stroke(cr.get());
  }
  for (const auto& zone : zones) {
    if (zone.points.empty()) continue;
    double cx = 0, cy = 0;
    for (const auto& [x, y] : zone.points) {
      cx += x / static_cast<double>(zone.points.size());
      cy += y / static_cast<double>(zone.points.size());
    }
    draw_label(cr.get(), zone.name, cx, cy, std::max(12.0, plan.width / 60));
  }
  std::string png;
  if (cairo_surface_write_to_png_stream(surface.get(), append, &png) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error("map_png: writing the PNG failed");
  return png;
}

std::string draw_site_plan_png(int width, int height, const std::vector<PlanBuilding>& buildings) {
  std::unique_ptr<cairo_surface_t, SurfaceUnref> surface(
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
  std::unique_ptr<cairo_t, ContextUnref> cr(cairo_create(surface.get()));
  cairo_set_source_rgb(cr.get(), 0.97, 0.97, 0.94);
  cairo_paint(cr.get());
  // The site boundary, then each building outlined and named.
  cairo_set_source_rgb(cr.get(), 0.3, 0.3, 0.3);
  cairo_set_line_width(cr.get(), 4);
  cairo_rectangle(cr.get(), 20, 20, width - 40, height - 40);
  cairo_stroke(cr.get());
  for (const auto& b : buildings) {
    cairo_rectangle(cr.get(), b.x, b.y, b.width, b.height);
    cairo_set_source_rgb(cr.get(), 0.88, 0.88, 0.88);
    cairo_fill_preserve(cr.get());
    cairo_set_source_rgb(cr.get(), 0.35, 0.35, 0.35);
    cairo_set_line_width(cr.get(), 2);
    cairo_stroke(cr.get());
    draw_label(cr.get(), b.name, b.x + b.width / 2, b.y + 24, 18);
  }
  std::string png;
  if (cairo_surface_write_to_png_stream(surface.get(), append, &png) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error("draw_site_plan_png: writing the PNG failed");
  return png;
}

Rgb png_pixel(const std::string& png, int x, int y) {
  Reader reader{png};
  std::unique_ptr<cairo_surface_t, SurfaceUnref> surface(
      cairo_image_surface_create_from_png_stream(read_from, &reader));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error("png_pixel: not a PNG");
  if (x < 0 || y < 0 || x >= cairo_image_surface_get_width(surface.get()) ||
      y >= cairo_image_surface_get_height(surface.get()))
    throw std::out_of_range("png_pixel: outside the image");
  const unsigned char* data = cairo_image_surface_get_data(surface.get());
  const auto word = *reinterpret_cast<const std::uint32_t*>(
      data + static_cast<std::ptrdiff_t>(y) * cairo_image_surface_get_stride(surface.get()) + x * 4);
  // Premultiplied over white: c + (255 − a).
  const int a = static_cast<int>(word >> 24);
  const auto channel = [&](int shift) { return static_cast<int>((word >> shift) & 0xFF) + 255 - a; };
  return {channel(16), channel(8), channel(0)};
}

}  // namespace rw::safety
