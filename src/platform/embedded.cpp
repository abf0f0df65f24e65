#include "platform/embedded.hpp"

#include <stdexcept>
#include <string>

namespace rw::embedded {

std::string_view data_file(std::string_view relative_path) {
  for (const auto& file : data_files())
    if (file.name == relative_path) return file.text;
  throw std::out_of_range("no embedded data file " + std::string(relative_path));
}

}  // namespace rw::embedded
