// The fuzz targets' inputs replayed through the same feed functions (fuzz/feeds.hpp) in the ordinary build:
// the seed corpus, and every input a fuzzer once crashed on (fuzz/corpus/<target>/crash-*), so a fixed crash
// stays fixed in `make test`, without clang.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "feeds.hpp"

namespace {

struct Target {
  const char* name;
  void (*feed)(std::string_view);
};

const Target kTargets[] = {{"json_body", rw::fuzz::feed_json_body},
                           {"inspection_answers", rw::fuzz::feed_inspection_answers},
                           {"template_json", rw::fuzz::feed_template_json},
                           {"xlsform", rw::fuzz::feed_xlsform},
                           {"sheet", rw::fuzz::feed_sheet},
                           {"calendar", rw::fuzz::feed_calendar},
                           {"upload", rw::fuzz::feed_upload},
                           {"static_path", rw::fuzz::feed_static_path}};

std::string contents(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

TEST(FuzzCorpus, EveryKeptInputIsHandled) {
  const std::filesystem::path corpus = std::filesystem::path(RISKWATCH_SOURCE_DIR) / "fuzz" / "corpus";
  for (const auto& target : kTargets) {
    std::size_t inputs = 0;
    for (const auto& entry : std::filesystem::directory_iterator(corpus / target.name)) {
      const auto input = contents(entry.path());
      EXPECT_NO_THROW(target.feed(input)) << entry.path();
      ++inputs;
    }
    EXPECT_GT(inputs, 0u) << target.name;
  }
}

}  // namespace
