#pragma once
// EXIF values as libvips renders them ("31/1 33/1 1234/100 (31, 33, 12.34, Rational, …)"), turned into
// numbers and times. Pure, so the parsing is tested without images.
#include <optional>
#include <string_view>

#include "platform/clock.hpp"

namespace rw::files {

// Degrees from a GPS coordinate's three rationals (degrees, minutes, seconds) and its reference
// ("N"/"S", "E"/"W"; south and west are negative). nullopt when malformed, a denominator is zero or the
// result is outside ±180.
std::optional<double> gps_degrees(std::string_view rationals, std::string_view reference);

// The moment of an EXIF date-time "YYYY:MM:DD HH:MM:SS", read in the offset "+08:00" (EXIF 2.31
// OffsetTime*) when given, else in China time: cameras write local time without a zone, and these photos
// are taken in China. nullopt when malformed (cameras write "0000:00:00 00:00:00" when unset).
std::optional<Seconds> exif_moment(std::string_view date_time, std::string_view offset);

// The value part of a libvips EXIF string: the text before " (".
std::string_view exif_value(std::string_view rendered);

}  // namespace rw::files
