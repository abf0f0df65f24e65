#pragma once
// Serves the built web app: hashed assets cached for a year, HTML never cached, SPA fallback, and the
// build's precompressed copies (`app.js.br`, `app.js.gz`) to clients that accept them.
#include <filesystem>
#include <optional>

#include "platform/http/message.hpp"

namespace rw::http {

class StaticFiles {
 public:
  explicit StaticFiles(const std::filesystem::path& root);
  // GET/HEAD for a non-API path. The phone app lives under /field/ with its own entry page.
  Response serve(const Request& request) const;

 private:
  Response file(const std::filesystem::path& path, const Request& request) const;
  std::optional<std::filesystem::path> confined(const Request& request) const;
  std::optional<std::filesystem::path> precompressed(const std::filesystem::path& path,
                                                     const char* suffix) const;
  bool inside_root(const std::filesystem::path& resolved) const;
  std::filesystem::path root_;
};

std::string content_type_for(const std::filesystem::path& path);

}  // namespace rw::http
