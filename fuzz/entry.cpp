// The libFuzzer entry of one target: RW_FUZZ_FEED names its feed (fuzz/CMakeLists.txt sets it per target).
#include <cstddef>
#include <cstdint>

#include "feeds.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  rw::fuzz::RW_FUZZ_FEED(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
