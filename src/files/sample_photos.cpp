#include "files/sample_photos.hpp"

#include <vips/vips.h>

#include <cmath>
#include <memory>
#include <stdexcept>
#include <utility>

#include "files/image_probe.hpp"

namespace rw::files {
namespace {

struct Unref {
  void operator()(VipsImage* image) const { g_object_unref(image); }
};
using Image = std::unique_ptr<VipsImage, Unref>;

void check(int status) {
  if (status != 0) throw std::runtime_error(std::string("libvips: ") + vips_error_buffer());
}

// The image an operation makes: `make([&](VipsImage** out) { return vips_…(…, out, …); })`. (Passing the
// status and the out pointer as two arguments of one call would read the pointer before the operation sets
// it.)
template <class Operation>
Image make(Operation operation) {
  VipsImage* out = nullptr;
  check(operation(&out));
  return Image(out);
}

// Perlin noise in three bands over a sky-to-ground ramp: large soft shapes like a photo of a site.
Image scene(int seed, int width, int height) {
  start_image_library();
  const auto r = make([&](VipsImage** out) {
    return vips_perlin(out, width, height, "cell_size", 160, "seed", seed, nullptr);
  });
  const auto g = make([&](VipsImage** out) {
    return vips_perlin(out, width, height, "cell_size", 64, "seed", seed + 1000, nullptr);
  });
  const auto b = make([&](VipsImage** out) {
    return vips_perlin(out, width, height, "cell_size", 256, "seed", seed + 2000, nullptr);
  });
  VipsImage* bands[3] = {r.get(), g.get(), b.get()};
  const auto rgb = make([&](VipsImage** out) { return vips_bandjoin(bands, out, 3, nullptr); });
  const auto spread =
      make([&](VipsImage** out) { return vips_linear1(rgb.get(), out, 100.0, 128.0, nullptr); });
  const auto xy = make([&](VipsImage** out) { return vips_xyz(out, width, height, nullptr); });
  const auto y = make([&](VipsImage** out) { return vips_extract_band(xy.get(), out, 1, nullptr); });
  const auto ramp =
      make([&](VipsImage** out) { return vips_linear1(y.get(), out, -60.0 / height, 40.0, nullptr); });
  const auto sum = make([&](VipsImage** out) { return vips_add(spread.get(), ramp.get(), out, nullptr); });
  auto pixels = make([&](VipsImage** out) { return vips_cast_uchar(sum.get(), out, nullptr); });
  pixels->Type = VIPS_INTERPRETATION_sRGB;
  return pixels;
}

std::string take(void* buffer, std::size_t length) {
  std::string out(static_cast<const char*>(buffer), length);
  g_free(buffer);
  return out;
}

std::string png_of(VipsImage* image) {
  void* buffer = nullptr;
  std::size_t length = 0;
  check(vips_pngsave_buffer(image, &buffer, &length, nullptr));
  return take(buffer, length);
}

Image decoded(const std::string& bytes) {
  start_image_library();
  VipsImage* image = vips_image_new_from_buffer(bytes.data(), bytes.size(), "", nullptr);
  check(image ? 0 : -1);
  return Image(image);
}

void set_if(VipsImage* image, const char* name, const std::optional<std::string>& value) {
  if (value) vips_image_set_string(image, name, value->c_str());
}

}  // namespace

std::string make_photo_jpeg(int seed, int width, int height, const PhotoExif& exif, int quality) {
  auto image = scene(seed, width, height);
  // libvips writes exif-* fields into the EXIF block it saves (on a copy: the fields are metadata).
  const auto tagged = make([&](VipsImage** out) { return vips_copy(image.get(), out, nullptr); });
  set_if(tagged.get(), "exif-ifd0-DateTime", exif.taken);
  set_if(tagged.get(), "exif-ifd2-DateTimeOriginal", exif.taken);
  set_if(tagged.get(), "exif-ifd3-GPSLatitudeRef", exif.latitude_ref);
  set_if(tagged.get(), "exif-ifd3-GPSLatitude", exif.latitude);
  set_if(tagged.get(), "exif-ifd3-GPSLongitudeRef", exif.longitude_ref);
  set_if(tagged.get(), "exif-ifd3-GPSLongitude", exif.longitude);
  void* buffer = nullptr;
  std::size_t length = 0;
  check(vips_jpegsave_buffer(tagged.get(), &buffer, &length, "Q", quality, nullptr));
  return take(buffer, length);
}

std::string make_photo_png(int seed, int width, int height) {
  return png_of(scene(seed, width, height).get());
}

std::string make_signature_png(int width, int height) {
  start_image_library();
  const auto black = make([&](VipsImage** out) { return vips_black(out, width, height, nullptr); });
  const auto white =
      make([&](VipsImage** out) { return vips_linear1(black.get(), out, 1.0, 255.0, nullptr); });
  const auto grey = make([&](VipsImage** out) { return vips_cast_uchar(white.get(), out, nullptr); });
  // Drawing changes pixels in place: on a copy in memory.
  Image canvas(vips_image_copy_memory(grey.get()));
  check(canvas ? 0 : -1);
  // A flowing stroke across the canvas, three pixels thick.
  const double mid = height / 2.0, amplitude = height / 4.0;
  int last_x = width / 10, last_y = static_cast<int>(mid);
  for (int x = width / 10 + 4; x < width * 9 / 10; x += 4) {
    const int y = static_cast<int>(mid + amplitude * std::sin(x / 17.0) * std::cos(x / 53.0));
    for (int thick = -1; thick <= 1; ++thick)
      check(vips_draw_line1(canvas.get(), 20.0, last_x, last_y + thick, x, y + thick, nullptr));
    last_x = x;
    last_y = y;
  }
  canvas->Type = VIPS_INTERPRETATION_B_W;
  return png_of(canvas.get());
}

std::string recompressed_copy(const std::string& bytes, double scale, int quality) {
  const auto image = decoded(bytes);
  const auto resized = make([&](VipsImage** out) { return vips_resize(image.get(), out, scale, nullptr); });
  void* buffer = nullptr;
  std::size_t length = 0;
  check(vips_jpegsave_buffer(resized.get(), &buffer, &length, "Q", quality, "strip", TRUE, nullptr));
  return take(buffer, length);
}

std::pair<int, int> image_size(const std::string& bytes) {
  const auto image = decoded(bytes);
  return {image->Xsize, image->Ysize};
}

}  // namespace rw::files
