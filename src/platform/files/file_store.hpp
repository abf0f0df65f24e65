#pragma once
// Where uploaded and generated files (photos, signatures, PDFs, DOCX) live: one store behind this
// interface, so an object store can be added beside the directory store later.
//
// Files are content-addressed: an object's name is the SHA-256 of its bytes. That gives
// - deduplication: the same photo uploaded twice, or attached to two records, is stored once;
// - an integrity check on read: the name is the checksum, so damaged bytes are detected, not served;
// - safe sharing between servers: an object never changes once written, so several servers can write to one
//   directory without locks — two writers of the same name write the same bytes.
// Records in the database keep the hash (and their own metadata: name, type, who uploaded it).
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace rw::files {

struct StoredFile {
  std::string sha256;  // 64 lower-case hex characters
  std::uint64_t size = 0;
};

// Hashes taken by the functions below are checked first: anything but 64 lower-case hex characters is an
// ApiError (400 invalid_file_hash). An absent object is ApiError not_found.
class FileStore {
 public:
  virtual ~FileStore() = default;

  // Each put stores the bytes once; a put that fails (its source breaks, the disk is full) leaves nothing.
  virtual StoredFile put(std::string_view bytes) = 0;
  // Streams: the source is never held in memory whole.
  virtual StoredFile put(std::istream& source) = 0;
  virtual StoredFile put_file(const std::filesystem::path& source) = 0;

  // Removes the object if it is there: one stored for a record that could not be written. Objects are
  // shared by every record of the same bytes: the caller makes sure none names it.
  virtual void remove(std::string_view sha256) = 0;
  virtual bool exists(std::string_view sha256) const = 0;
  virtual std::uint64_t size(std::string_view sha256) const = 0;
  // The whole object, checked against its hash (a damaged object is an internal error, never returned).
  virtual std::string read(std::string_view sha256) const = 0;
  // A stream over the object, for large files; not checked while streaming.
  virtual std::unique_ptr<std::istream> open(std::string_view sha256) const = 0;
  // The object's file on this machine, to serve as a file body; nullopt from a store without local files.
  virtual std::optional<std::filesystem::path> local_path(std::string_view sha256) const = 0;
};

}  // namespace rw::files
