#pragma once
// The generator's own random numbers: xoshiro256** seeded through splitmix64, and only integer arithmetic
// on top, so a seed gives the same data with every compiler and standard library (std::uniform_*
// distributions are implementation-defined).
#include <cstdint>
#include <initializer_list>
#include <stdexcept>
#include <vector>

namespace rw::benchdata {

class Random {
 public:
  explicit Random(std::uint64_t seed) {
    for (auto& word : state_) word = splitmix64(seed);
  }

  std::uint64_t next() {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

  // 0 <= n < bound (bound > 0); the modulo bias is below 2^-40 for the bounds used here.
  std::int64_t below(std::int64_t bound) {
    if (bound <= 0) throw std::logic_error("Random::below needs a positive bound");
    return static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(bound));
  }
  // lo <= n <= hi
  std::int64_t between(std::int64_t lo, std::int64_t hi) { return lo + below(hi - lo + 1); }
  // True with probability per_mille / 1000.
  bool chance(int per_mille) { return below(1000) < per_mille; }

  template <class T>
  const T& pick(const std::vector<T>& items) {
    return items.at(static_cast<std::size_t>(below(static_cast<std::int64_t>(items.size()))));
  }
  // An index drawn with the given integer weights.
  std::size_t weighted(const std::vector<int>& weights) {
    std::int64_t total = 0;
    for (int w : weights) total += w;
    std::int64_t at = below(total);
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (at < weights[i]) return i;
      at -= weights[i];
    }
    return weights.size() - 1;
  }

  // One of `choices`, drawn with the given weights.
  template <class T>
  T among(std::initializer_list<T> choices, const std::vector<int>& weights) {
    return *(choices.begin() + weighted(weights));
  }

  // An independent stream for one part of the data, so adding draws to one part leaves the others alone.
  Random fork(std::uint64_t salt) { return Random(next() ^ (salt * 0x9E3779B97F4A7C15ULL)); }

 private:
  static std::uint64_t splitmix64(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

  std::uint64_t state_[4];
};

}  // namespace rw::benchdata
