#include "platform/files/zip_file.hpp"

#include <zip.h>

#include <stdexcept>

namespace rw::files {

ZipWriter::ZipWriter(const std::filesystem::path& path) {
  int error = 0;
  archive_ = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (!archive_) throw std::runtime_error("zip: cannot create " + path.string());
}

ZipWriter::~ZipWriter() {
  if (archive_) zip_discard(archive_);
}

void ZipWriter::add_bytes(const std::string& name, std::string bytes, Compression compression) {
  kept_.push_back(std::move(bytes));
  add(name, zip_source_buffer(archive_, kept_.back().data(), kept_.back().size(), 0), compression);
}

void ZipWriter::add_file(const std::string& name, const std::filesystem::path& path,
                         Compression compression) {
  kept_.push_back(path.string());
  add(name, zip_source_file(archive_, kept_.back().c_str(), 0, -1), compression);
}

void ZipWriter::add_object(const std::string& name, const FileStore& store, const std::string& sha256) {
  if (const auto path = store.local_path(sha256))
    add_file(name, *path);
  else
    add_bytes(name, store.read(sha256));
}

void ZipWriter::close() {
  if (zip_close(archive_) != 0)
    throw std::runtime_error(std::string("zip: cannot write: ") + zip_strerror(archive_));
  archive_ = nullptr;
}

void ZipWriter::add(const std::string& name, zip_source_t* source, Compression compression) {
  const zip_int64_t index = source ? zip_file_add(archive_, name.c_str(), source, ZIP_FL_ENC_UTF_8) : -1;
  if (index < 0) {
    if (source) zip_source_free(source);
    throw std::runtime_error("zip: cannot add " + name);
  }
  zip_set_file_compression(archive_, index, compression == Compression::store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                           0);
  ++entries_;
}

ZipReader::ZipReader(const std::filesystem::path& path) {
  int error = 0;
  archive_ = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (!archive_) throw std::runtime_error("zip: cannot open " + path.string() + " (not a readable zip)");
}

ZipReader::~ZipReader() {
  if (archive_) zip_discard(archive_);
}

std::vector<std::string> ZipReader::names() const {
  std::vector<std::string> names;
  const auto count = zip_get_num_entries(archive_, 0);
  for (zip_int64_t i = 0; i < count; ++i) names.emplace_back(zip_get_name(archive_, i, ZIP_FL_ENC_GUESS));
  return names;
}

bool ZipReader::contains(const std::string& name) const {
  return zip_name_locate(archive_, name.c_str(), 0) >= 0;
}

void ZipReader::read(const std::string& name, const std::function<void(std::string_view)>& sink) const {
  zip_file_t* file = zip_fopen(archive_, name.c_str(), 0);
  if (!file) throw std::runtime_error("zip: no entry " + name);
  char buffer[1 << 16];
  zip_int64_t n = 0;
  while ((n = zip_fread(file, buffer, sizeof buffer)) > 0)
    sink(std::string_view(buffer, static_cast<std::size_t>(n)));
  const bool failed = n < 0;
  zip_fclose(file);
  if (failed) throw std::runtime_error("zip: entry " + name + " is damaged");
}

std::string ZipReader::read_all(const std::string& name) const {
  std::string bytes;
  read(name, [&](std::string_view chunk) { bytes.append(chunk); });
  return bytes;
}

}  // namespace rw::files
