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
// Every file under data/, named by its path there ("industries/gb-t-4754-2017.tsv").
const std::vector<File>& data_files();
// The text of data/<relative_path>; throws std::out_of_range when no such file was embedded.
std::string_view data_file(std::string_view relative_path);

}  // namespace rw::embedded
