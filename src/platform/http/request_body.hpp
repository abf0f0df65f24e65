#pragma once
// Request bodies as they arrive: small ones in memory, large ones streamed to a temporary file, so an upload
// of hundreds of megabytes costs the server a file, not its size in memory.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace rw::http {

struct Request;

// A temporary file holding one large body. It is created with mode 0600 and unlinked at once: no other
// process can open it, and it is gone however the request ends, a crash included. Once complete, the body
// is mapped read-only and read in place.
class SpooledBody {
 public:
  // Throws std::system_error when the file cannot be created.
  explicit SpooledBody(const std::filesystem::path& directory);
  ~SpooledBody();
  SpooledBody(const SpooledBody&) = delete;
  SpooledBody& operator=(const SpooledBody&) = delete;

  void append(std::string_view bytes);  // throws std::system_error (a full disk)
  void finish();                        // maps what was written; nothing may be appended after it
  std::string_view bytes() const;       // after finish()

 private:
  int fd_ = -1;
  std::size_t size_ = 0;
  void* mapping_ = nullptr;
};

// Collects a body piece by piece: in memory up to `threshold` bytes, in a SpooledBody under `directory`
// beyond that.
class BodyCollector {
 public:
  BodyCollector(std::size_t threshold, std::filesystem::path directory)
      : threshold_(threshold), directory_(std::move(directory)) {}
  void append(std::string_view piece);
  // Gives the body to the request: as `body`, or as `spooled_body` when it went to a file.
  void finish_into(Request& request);

 private:
  std::size_t threshold_;
  std::filesystem::path directory_;
  std::string memory_;
  std::shared_ptr<SpooledBody> file_;
};

}  // namespace rw::http
