#include "files/perceptual_hash.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <numbers>

namespace rw::files {
namespace {

constexpr int kKept = 8;  // the 8×8 lowest frequencies make the 64 bits

// cos((2x + 1) u π / 64) for the DCT-II of a 32-point row.
const std::array<std::array<double, kHashSide>, kKept + 1>& cosines() {
  static const auto table = [] {
    std::array<std::array<double, kHashSide>, kKept + 1> t{};
    for (int u = 0; u <= kKept; ++u)
      for (int x = 0; x < kHashSide; ++x)
        t[u][x] = std::cos((2 * x + 1) * u * std::numbers::pi / (2 * kHashSide));
    return t;
  }();
  return table;
}

}  // namespace

std::uint64_t perceptual_hash(const GreyImage& grey) {
  const auto& c = cosines();
  // Only the low frequencies are needed: rows first (32 rows × 9 frequencies), then columns.
  std::array<std::array<double, kKept + 1>, kHashSide> rows{};
  for (int y = 0; y < kHashSide; ++y)
    for (int u = 0; u <= kKept; ++u) {
      double sum = 0;
      for (int x = 0; x < kHashSide; ++x) sum += grey[y * kHashSide + x] * c[u][x];
      rows[y][u] = sum;
    }
  // Frequencies 1..8 in both directions: the constant (0) row and column carry brightness, not structure.
  std::array<double, kKept * kKept> coefficients{};
  for (int v = 1; v <= kKept; ++v)
    for (int u = 1; u <= kKept; ++u) {
      double sum = 0;
      for (int y = 0; y < kHashSide; ++y) sum += rows[y][u] * c[v][y];
      coefficients[(v - 1) * kKept + (u - 1)] = sum;
    }
  auto sorted = coefficients;
  std::nth_element(sorted.begin(), sorted.begin() + 32, sorted.end());
  const double median = sorted[32];
  std::uint64_t hash = 0;
  for (int i = 0; i < kKept * kKept; ++i)
    if (coefficients[i] > median) hash |= std::uint64_t{1} << (63 - i);
  return hash;
}

int hash_distance(std::uint64_t a, std::uint64_t b) { return std::popcount(a ^ b); }

std::array<std::uint16_t, kBands> hash_bands(std::uint64_t hash) {
  std::array<std::uint16_t, kBands> bands{};
  for (int i = 0; i < kBands; ++i) bands[i] = static_cast<std::uint16_t>(hash >> (48 - 16 * i));
  return bands;
}

std::array<std::array<std::uint16_t, 17>, kBands> band_neighbourhoods(std::uint64_t hash) {
  std::array<std::array<std::uint16_t, 17>, kBands> out{};
  const auto bands = hash_bands(hash);
  for (int i = 0; i < kBands; ++i) {
    out[i][0] = bands[i];
    for (int bit = 0; bit < 16; ++bit) out[i][bit + 1] = static_cast<std::uint16_t>(bands[i] ^ (1u << bit));
  }
  return out;
}

}  // namespace rw::files
