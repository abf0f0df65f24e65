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

}  // namespace rw::embedded
