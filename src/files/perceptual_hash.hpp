#pragma once
// A 64-bit perceptual hash of a photo, to find the same picture uploaded again after it was re-saved,
// resized or recompressed (a stock "inspection photo" reused for another enterprise).
//
// DCT pHash: the photo squeezed to 32×32 grey, its 2-D DCT, and one bit per coefficient of the 8×8 lowest
// frequencies (the constant term left out): set when the coefficient is above the middle one (the 33rd
// smallest), so 31 bits are set in every hash. Resizing and
// JPEG recompression change fine detail — the high frequencies — and barely move the coarse structure
// these 64 coefficients hold, and comparing with the median ignores overall brightness and contrast. (A
// difference hash of a 9×8 image is cheaper, but each of its bits rests on two pixels of a tiny image, which
// resampling and block noise flip more easily.) It does not survive cropping or rotation by a few degrees.
#include <array>
#include <cstdint>

namespace rw::files {

inline constexpr int kHashSide = 32;                                // the grey image's side
using GreyImage = std::array<std::uint8_t, kHashSide * kHashSide>;  // row-major

std::uint64_t perceptual_hash(const GreyImage& grey);

// Bits in which two hashes differ.
int hash_distance(std::uint64_t a, std::uint64_t b);

// Two photos are the same picture within this many differing bits. Measured on 43 photos (40 generated
// scenes, 3 real JPEGs; bench/README.md "Photo near-duplicates"): 215 copies — re-saved at Q75, halved at
// Q70, 30 % at Q50, WebP Q60, saved twice — were 0–4 bits from their original (median 0); the 903 pairs of
// different photos 18–48 bits (median 32). 6 leaves room on both sides and stays within what the bands find.
// (Distances are even: every hash has 31 bits set, so each bit that turns on turns another off.)
inline constexpr int kNearDuplicateBits = 6;

// The hash in 4 bands of 16 bits (band 0 the highest bits). Two hashes within 3 bits share at least one
// band exactly (pigeonhole), and within 7 bits share a band up to one bit: the database finds candidates
// by the bands' indexes instead of comparing every hash.
inline constexpr int kBands = 4;
std::array<std::uint16_t, kBands> hash_bands(std::uint64_t hash);
// Each band value and those one bit away from it (17 per band), the values a candidate's band must take
// for it to be within kNearDuplicateBits (≤ 7) of `hash`.
std::array<std::array<std::uint16_t, 17>, kBands> band_neighbourhoods(std::uint64_t hash);

}  // namespace rw::files
