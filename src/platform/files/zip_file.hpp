#pragma once
// Zip files through libzip: the archive export (one enterprise's files) and the backup archive write them,
// restore reads one back. Entries stream from files on disk; nothing is held in memory whole.
#include <deque>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/files/file_store.hpp"

struct zip;
struct zip_source;

namespace rw::files {

// A zip being written; libzip writes it to a temporary file beside `path` on close() and renames it into
// place, so `path` never holds half an archive. Without close() nothing is written.
class ZipWriter {
 public:
  enum class Compression { store, deflate };

  explicit ZipWriter(const std::filesystem::path& path);
  ~ZipWriter();
  ZipWriter(const ZipWriter&) = delete;
  ZipWriter& operator=(const ZipWriter&) = delete;

  void add_bytes(const std::string& name, std::string bytes, Compression compression = Compression::store);
  // The file is read at close(): it must stay there, unchanged, until then.
  void add_file(const std::string& name, const std::filesystem::path& path,
                Compression compression = Compression::store);
  // A stored object (photos and PDFs are compressed already).
  void add_object(const std::string& name, const FileStore& store, const std::string& sha256);
  int entries() const { return entries_; }
  void close();

 private:
  void add(const std::string& name, ::zip_source* source, Compression compression);
  ::zip* archive_ = nullptr;
  std::deque<std::string> kept_;  // bytes and paths the sources point at until close()
  int entries_ = 0;
};

// A zip opened for reading.
class ZipReader {
 public:
  explicit ZipReader(const std::filesystem::path& path);
  ~ZipReader();
  ZipReader(const ZipReader&) = delete;
  ZipReader& operator=(const ZipReader&) = delete;

  std::vector<std::string> names() const;
  bool contains(const std::string& name) const;
  // Streams the entry's bytes to `sink` in chunks; libzip checks the entry's CRC at its end.
  void read(const std::string& name, const std::function<void(std::string_view)>& sink) const;
  std::string read_all(const std::string& name) const;

 private:
  ::zip* archive_ = nullptr;
};

}  // namespace rw::files
