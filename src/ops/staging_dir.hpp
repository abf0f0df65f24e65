#pragma once
// A fresh directory for the pieces of a backup or restore in progress, removed with everything in it when
// the operation ends, whether it succeeded or not.
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <system_error>

namespace rw::ops {

class StagingDir {
 public:
  // Created inside `parent` (made if missing), named <prefix>XXXXXX.
  StagingDir(const std::filesystem::path& parent, const std::string& prefix) {
    std::filesystem::create_directories(parent);
    std::string pattern = (parent / (prefix + "XXXXXX")).string();
    if (!::mkdtemp(pattern.data()))
      throw std::runtime_error("cannot create a directory in " + parent.string());
    path_ = pattern;
  }
  ~StagingDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  StagingDir(const StagingDir&) = delete;
  StagingDir& operator=(const StagingDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace rw::ops
