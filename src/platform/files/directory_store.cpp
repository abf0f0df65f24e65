#include "platform/files/directory_store.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <fstream>
#include <istream>
#include <system_error>
#include <vector>

#include "platform/errors.hpp"
#include "platform/files/sha256.hpp"

namespace rw::files {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t kChunkBytes = 64 * 1024;
// A temporary file untouched for this long belongs to a put that died with its process; a put still
// running on another server that shares the directory writes more often than this.
constexpr auto kAbandonedAfter = std::chrono::hours(1);

[[noreturn]] void throw_errno(const std::string& what, const fs::path& path) {
  throw std::system_error(errno, std::generic_category(), "file store: " + what + " " + path.string());
}

// fsync of a directory makes the names created in it (a renamed object, a new subdirectory) durable.
void sync_directory(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) throw_errno("open directory", dir);
  const int synced = ::fsync(fd);
  ::close(fd);
  if (synced != 0) throw_errno("fsync directory", dir);
}

// Creates `dir` (whose parent exists) unless it exists; another process may create it at the same time.
void ensure_directory(const fs::path& dir) {
  if (::mkdir(dir.c_str(), 0755) == 0) {
    sync_directory(dir.parent_path());
  } else if (errno != EEXIST) {
    throw_errno("mkdir", dir);
  }
}

// A regular file, not a symlink, that the store's layout names; nullopt when absent.
std::optional<struct stat> regular_file(const fs::path& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return st;
}

// A put's bytes on their way in: removed when destroyed unless moved into place.
class TemporaryFile {
 public:
  explicit TemporaryFile(const fs::path& dir) {
    std::string pattern = (dir / "put-XXXXXX").string();
    fd_ = ::mkstemp(pattern.data());
    if (fd_ < 0) throw_errno("create temporary file in", dir);
    path_ = pattern;
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  ~TemporaryFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!path_.empty()) ::unlink(path_.c_str());
  }

  void write(const char* data, std::size_t size) {
    while (size > 0) {
      const auto written = ::write(fd_, data, size);
      if (written < 0 && errno == EINTR) continue;
      if (written < 0) throw_errno("write", path_);
      data += written;
      size -= static_cast<std::size_t>(written);
    }
  }

  // Durable bytes first, then the atomic rename, then the durable name: after a crash the object is
  // either absent or whole. Objects never change, so they are read-only (owner and group: servers that
  // share the directory may run as different users of one group).
  void move_to(const fs::path& target) {
    if (::fchmod(fd_, 0440) != 0) throw_errno("chmod", path_);
    if (::fsync(fd_) != 0) throw_errno("fsync", path_);
    const int closed = ::close(fd_);
    fd_ = -1;
    if (closed != 0) throw_errno("close", path_);
    if (::rename(path_.c_str(), target.c_str()) != 0) throw_errno("rename to", target);
    path_.clear();
    sync_directory(target.parent_path());
  }

 private:
  int fd_ = -1;
  fs::path path_;
};

// Reads a string_view through an istream without copying it.
class ViewBuffer : public std::streambuf {
 public:
  explicit ViewBuffer(std::string_view bytes) {
    char* begin = const_cast<char*>(bytes.data());  // only ever read
    setg(begin, begin, begin + bytes.size());
  }
};

void remove_abandoned_temporaries(const fs::path& dir) {
  const auto cutoff = fs::file_time_type::clock::now() - kAbandonedAfter;
  std::error_code error;  // another server may remove the same file first
  for (const auto& entry : fs::directory_iterator(dir, error)) {
    const auto written = entry.last_write_time(error);
    if (!error && written < cutoff) fs::remove(entry.path(), error);
  }
}

}  // namespace

DirectoryStore::DirectoryStore(const fs::path& root)
    : root_(fs::absolute(root)), temporary_dir_(root_ / "tmp") {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  fs::create_directories(root_ / "sha256");
  fs::create_directories(temporary_dir_);
  remove_abandoned_temporaries(temporary_dir_);
}

fs::path DirectoryStore::object_path(std::string_view sha256) const {
  if (!is_sha256_hex(sha256))
    throw bad_request("invalid_file_hash", "文件摘要应为 64 位小写十六进制字符",
                      "A file hash is 64 lower-case hexadecimal characters");
  const std::string hash(sha256);
  return root_ / "sha256" / hash.substr(0, 2) / hash.substr(2, 2) / hash;
}

fs::path DirectoryStore::existing_object(std::string_view sha256) const {
  auto path = object_path(sha256);
  if (!regular_file(path)) throw not_found();
  return path;
}

StoredFile DirectoryStore::put(std::string_view bytes) {
  ViewBuffer buffer(bytes);
  std::istream source(&buffer);
  return put(source);
}

StoredFile DirectoryStore::put_file(const fs::path& source) {
  std::ifstream in(source, std::ios::binary);
  if (!in) throw_errno("open", source);
  return put(in);
}

StoredFile DirectoryStore::put(std::istream& source) {
  TemporaryFile temporary(temporary_dir_);
  Sha256 hash;
  StoredFile stored;
  std::vector<char> chunk(kChunkBytes);
  while (source) {
    source.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const auto count = static_cast<std::size_t>(source.gcount());
    hash.update({chunk.data(), count});
    temporary.write(chunk.data(), count);
    stored.size += count;
  }
  if (source.bad()) throw std::runtime_error("file store: the source failed while being read");
  stored.sha256 = hash.hex_digest();
  const auto target = object_path(stored.sha256);
  // Already there (an earlier put, or another server's): keep it. A file of the wrong size there is
  // damaged, and the rename replaces it atomically.
  if (const auto present = regular_file(target);
      present && static_cast<std::uint64_t>(present->st_size) == stored.size) {
    // Written again as far as the sweep can tell. Best effort: a server of another user of a shared store
    // may not set the time of an object it does not own (the sweep's age still covers it).
    ::utimensat(AT_FDCWD, target.c_str(), nullptr, 0);
    return stored;
  }
  ensure_directory(target.parent_path().parent_path());
  ensure_directory(target.parent_path());
  temporary.move_to(target);
  return stored;
}

void DirectoryStore::remove(std::string_view sha256) {
  const auto path = object_path(sha256);
  std::error_code error;
  if (!fs::remove(path, error) && error)
    throw std::runtime_error("remove " + path.string() + ": " + error.message());
}

std::vector<std::string> DirectoryStore::objects_written_before(fs::file_time_type cutoff) const {
  std::vector<std::string> out;
  std::error_code error;  // a put or a removal may change the tree while it is walked
  for (fs::recursive_directory_iterator it(root_ / "sha256", error), end; !error && it != end;
       it.increment(error)) {
    const auto name = it->path().filename().string();
    if (it.depth() == 2 && is_sha256_hex(name) && written_before(name, cutoff)) out.push_back(name);
  }
  return out;
}

bool DirectoryStore::written_before(std::string_view sha256, fs::file_time_type cutoff) const {
  const auto path = object_path(sha256);
  std::error_code error;
  const auto written = fs::last_write_time(path, error);
  return !error && regular_file(path) && written < cutoff;
}

bool DirectoryStore::exists(std::string_view sha256) const {
  return regular_file(object_path(sha256)).has_value();
}

std::uint64_t DirectoryStore::size(std::string_view sha256) const {
  const auto present = regular_file(object_path(sha256));
  if (!present) throw not_found();
  return static_cast<std::uint64_t>(present->st_size);
}

std::string DirectoryStore::read(std::string_view sha256) const {
  const auto path = existing_object(sha256);
  std::ifstream in(path, std::ios::binary);
  std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) throw_errno("read", path);
  Sha256 hash;
  hash.update(bytes);
  if (hash.hex_digest() != sha256)
    throw ApiError(ErrorKind::internal, "file_damaged", "存储的文件已损坏", "The stored file is damaged");
  return bytes;
}

std::unique_ptr<std::istream> DirectoryStore::open(std::string_view sha256) const {
  const auto path = existing_object(sha256);
  auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*in) throw_errno("open", path);
  return in;
}

std::optional<fs::path> DirectoryStore::local_path(std::string_view sha256) const {
  return existing_object(sha256);
}

}  // namespace rw::files
