#include "platform/db/sqlite_file.hpp"

#include <filesystem>
#include <map>
#include <mutex>

namespace rw::db {

std::shared_ptr<SqliteFile> sqlite_file(const std::string& path) {
  if (path.empty() || path == ":memory:") return nullptr;
  static std::mutex mutex;
  static std::map<std::string, std::weak_ptr<SqliteFile>> files;
  std::error_code error;
  auto key = std::filesystem::weakly_canonical(path, error).string();
  if (error) key = path;
  std::lock_guard lock(mutex);
  std::erase_if(files, [](const auto& entry) { return entry.second.expired(); });
  auto& slot = files[key];
  auto file = slot.lock();
  if (!file) slot = file = std::make_shared<SqliteFile>(key);
  return file;
}

}  // namespace rw::db
