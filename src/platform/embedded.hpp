#pragma once
// Files compiled into the binary (see cmake/embed.cmake).
#include <string_view>
#include <vector>

namespace rw::embedded {

struct File {
  std::string_view name;
  std::string_view text;
};

const std::vector<File>& migrations();
std::string_view openapi_json();
// GB/T 4754-2017 classes: data/industries/gb-t-4754-2017.tsv.
std::string_view industries_tsv();

}  // namespace rw::embedded
