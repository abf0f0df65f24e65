#pragma once
// Photos made in the test with libvips (files/sample_photos.hpp, shared with the demo data): generated scenes
// with the EXIF a phone writes, and copies of them resized and recompressed.
#include "files/sample_photos.hpp"

namespace rw::testing {

using files::image_size;
using files::make_photo_jpeg;
using files::make_photo_png;
using files::make_signature_png;
using files::PhotoExif;
using files::recompressed_copy;

}  // namespace rw::testing
