#include "files/image_probe.hpp"

#include <vips/vips.h>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "files/exif_text.hpp"
#include "files/perceptual_hash.hpp"
#include "platform/errors.hpp"

namespace rw::files {
namespace {

// A decompression bomb (a small file declaring a huge canvas) is refused before any pixel is decoded.
constexpr double kMaxPixels = 100e6;

struct Unref {
  void operator()(VipsImage* image) const { g_object_unref(image); }
};
using Image = std::unique_ptr<VipsImage, Unref>;

ApiError corrupt_image() {
  return {ErrorKind::invalid, "corrupt_image", "图片已损坏或不完整，无法读取",
          "The image is damaged or incomplete"};
}

// Checks a libvips call; its error text goes to the log (it may quote the file), the client gets 422.
void check(int status) {
  if (status == 0) return;
  spdlog::debug("libvips: {}", vips_error_buffer());
  vips_error_clear();
  throw corrupt_image();
}

Image owned(VipsImage* image) { return Image(image); }

// The loader libvips would pick must be the one for the sniffed type: a file that starts like a JPEG but
// that libvips takes for something else is not decoded by another loader.
bool loader_matches(std::string_view bytes, MediaType type) {
  const char* loader = vips_foreign_find_load_buffer(bytes.data(), bytes.size());
  vips_error_clear();
  if (!loader) return false;
  const std::string_view name = loader;
  switch (type) {
    case MediaType::jpeg:
      return name == "VipsForeignLoadJpegBuffer";
    case MediaType::png:
      return name == "VipsForeignLoadPngBuffer" || name == "VipsForeignLoadSpngBuffer";
    case MediaType::webp:
      return name == "VipsForeignLoadWebpBuffer";
    case MediaType::heic:
      return name == "VipsForeignLoadHeifBuffer";
    case MediaType::pdf:
      break;
  }
  return false;
}

std::optional<std::string_view> field(VipsImage* image, const char* name) {
  const char* value = nullptr;
  if (vips_image_get_typeof(image, name) == 0 || vips_image_get_string(image, name, &value) != 0) {
    vips_error_clear();
    return std::nullopt;
  }
  return std::string_view(value);
}

void read_exif(VipsImage* header, ImageFacts& facts) {
  const auto original = field(header, "exif-ifd2-DateTimeOriginal");
  const auto plain = field(header, "exif-ifd0-DateTime");
  if (original)
    facts.taken_at = exif_moment(*original, field(header, "exif-ifd2-OffsetTimeOriginal").value_or(""));
  if (!facts.taken_at && plain)
    facts.taken_at = exif_moment(*plain, field(header, "exif-ifd2-OffsetTime").value_or(""));
  const auto lat = field(header, "exif-ifd3-GPSLatitude");
  const auto lon = field(header, "exif-ifd3-GPSLongitude");
  if (lat && lon) {
    facts.latitude = gps_degrees(*lat, field(header, "exif-ifd3-GPSLatitudeRef").value_or("N"));
    facts.longitude = gps_degrees(*lon, field(header, "exif-ifd3-GPSLongitudeRef").value_or("E"));
    // 0/0 is what some phones write without a fix; it is no position.
    if (!facts.latitude || !facts.longitude || (*facts.latitude == 0 && *facts.longitude == 0))
      facts.latitude = facts.longitude = std::nullopt;
  }
}

// 8-bit sRGB without alpha (flattened on white): what thumbnails and the hash are made from.
Image opaque_srgb(VipsImage* in) {
  VipsImage* out = nullptr;
  check(vips_colourspace(in, &out, VIPS_INTERPRETATION_sRGB, nullptr));
  Image srgb = owned(out);
  if (!vips_image_hasalpha(srgb.get())) return srgb;
  VipsArrayDouble* white = vips_array_double_newv(3, 255.0, 255.0, 255.0);
  const int status = vips_flatten(srgb.get(), &out, "background", white, nullptr);
  vips_area_unref(VIPS_AREA(white));
  check(status);
  return owned(out);
}

// Fits the picture in a side × side box; `upright` turns it as its EXIF orientation says (once, from the
// decoded image: the pictures made from that are upright already).
Image shrunk(VipsImage* in, int side, VipsSize size, bool upright) {
  VipsImage* out = nullptr;
  check(vips_thumbnail_image(in, &out, side, "height", side, "size", size, "no_rotate", !upright, nullptr));
  return owned(out);
}

// libjpeg scales by 1/2, 1/4 or 1/8 while it decodes, far cheaper than decoding every pixel and shrinking
// after: the largest factor that keeps the long side at the large thumbnail's or more (a 4000 px photo
// decodes at 2000). vips_thumbnail_buffer picks a smaller one — it leaves a factor of two for its own
// resize — and so decoded a 12-megapixel photo whole for its 1280 px picture.
int jpeg_shrink(int long_side) {
  int shrink = 8;
  while (shrink > 1 && long_side / shrink < kLargeThumbnail) shrink /= 2;
  return shrink;
}

std::string jpeg(VipsImage* image) {
  void* buffer = nullptr;
  std::size_t length = 0;
  check(vips_jpegsave_buffer(image, &buffer, &length, "Q", 82, "strip", TRUE, "optimize_coding", TRUE,
                             nullptr));
  std::string out(static_cast<const char*>(buffer), length);
  g_free(buffer);
  return out;
}

std::uint64_t hash_of(VipsImage* upright) {
  Image square = shrunk(upright, kHashSide, VIPS_SIZE_FORCE, false);
  VipsImage* out = nullptr;
  check(vips_colourspace(square.get(), &out, VIPS_INTERPRETATION_B_W, nullptr));
  Image grey = owned(out);
  std::size_t length = 0;
  void* pixels = vips_image_write_to_memory(grey.get(), &length);
  if (!pixels) check(-1);
  const std::size_t bands = static_cast<std::size_t>(grey->Bands);
  GreyImage values{};
  if (grey->BandFmt != VIPS_FORMAT_UCHAR || length != values.size() * bands) {
    g_free(pixels);
    throw std::logic_error("unexpected grey image layout");
  }
  for (std::size_t i = 0; i < values.size(); ++i)
    values[i] = static_cast<const std::uint8_t*>(pixels)[i * bands];
  g_free(pixels);
  return perceptual_hash(values);
}

}  // namespace

void start_image_library() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (VIPS_INIT("riskwatch")) throw std::runtime_error(std::string("libvips: ") + vips_error_buffer());
    vips_cache_set_max(0);
    vips_cache_set_max_mem(0);
    vips_concurrency_set(1);
    vips_block_untrusted_set(TRUE);
  });
}

bool can_decode(MediaType type) {
  start_image_library();
  if (!is_image(type)) return false;
  if (type != MediaType::heic) return true;
  return vips_type_find("VipsOperation", "heifload_buffer") != 0;
}

ImageFacts probe_image(std::string_view bytes, MediaType type) {
  start_image_library();
  if (!loader_matches(bytes, type)) throw corrupt_image();
  ImageFacts facts;
  int long_side = 0;
  {
    // The header alone: size, orientation and EXIF, no pixel decoded.
    VipsImage* header = vips_image_new_from_buffer(bytes.data(), bytes.size(), "", nullptr);
    if (!header) check(-1);
    const Image owned_header = owned(header);
    if (static_cast<double>(header->Xsize) * header->Ysize > kMaxPixels)
      throw ApiError(ErrorKind::invalid, "image_too_large", "图片像素过多（超过一亿像素）",
                     "The image has more than 100 megapixels");
    const bool turned = vips_image_get_orientation_swap(header);
    facts.width = turned ? header->Ysize : header->Xsize;
    facts.height = turned ? header->Xsize : header->Ysize;
    long_side = std::max(header->Xsize, header->Ysize);
    read_exif(header, facts);
  }
  // One decode, streamed top to bottom and shrunk on load, into the upright 1280 px picture, kept in
  // memory; the smaller pictures are made from it. fail_on makes a truncated file fail here rather than
  // give a half-grey picture.
  std::string options = "access=sequential,fail_on=truncated";
  if (type == MediaType::jpeg) options += ",shrink=" + std::to_string(jpeg_shrink(long_side));
  VipsImage* decoded = vips_image_new_from_buffer(bytes.data(), bytes.size(), options.c_str(), nullptr);
  if (!decoded) check(-1);
  const Image lazy = owned(decoded);
  const Image sized = shrunk(lazy.get(), kLargeThumbnail, VIPS_SIZE_DOWN, true);
  const Image flat = opaque_srgb(sized.get());
  VipsImage* memory = vips_image_copy_memory(flat.get());
  if (!memory) check(-1);
  const Image large = owned(memory);
  facts.large_jpeg = jpeg(large.get());
  const Image small = shrunk(large.get(), kSmallThumbnail, VIPS_SIZE_DOWN, false);
  facts.small_jpeg = jpeg(small.get());
  facts.phash = hash_of(small.get());
  return facts;
}

}  // namespace rw::files
