#pragma once
// The file store in a directory: objects at <root>/sha256/ab/cd/<hash>, puts in progress in <root>/tmp.
//
// Used as a local directory (default <data-dir>/files) or as a directory several servers share
// (serve --files-dir). Sharing needs one filesystem that every server mounts, with atomic rename and
// close-to-open consistency — a local disk, or NFS (v3 or v4; not a sync tool that copies between disks):
// a put writes a temporary file there, fsyncs it and renames it into place, so readers on any server see
// a whole object or none, and two servers putting the same bytes end with one object.
#include <vector>

#include "platform/files/file_store.hpp"

namespace rw::files {

class DirectoryStore final : public FileStore {
 public:
  // Creates the directories and removes temporary files that a crashed put left behind.
  explicit DirectoryStore(const std::filesystem::path& root);

  StoredFile put(std::string_view bytes) override;
  StoredFile put(std::istream& source) override;
  StoredFile put_file(const std::filesystem::path& source) override;
  void remove(std::string_view sha256) override;
  bool exists(std::string_view sha256) const override;
  std::uint64_t size(std::string_view sha256) const override;
  std::string read(std::string_view sha256) const override;
  std::unique_ptr<std::istream> open(std::string_view sha256) const override;
  std::optional<std::filesystem::path> local_path(std::string_view sha256) const override;

  const std::filesystem::path& root() const { return root_; }

  // The objects last written before `cutoff`. A put that finds its object present marks it written again,
  // so a sweep for objects no record names (files/object_sweep.hpp) passes over an object a put has just
  // handed to a record still being written.
  std::vector<std::string> objects_written_before(std::filesystem::file_time_type cutoff) const;
  bool written_before(std::string_view sha256, std::filesystem::file_time_type cutoff) const;

 private:
  // Where the object named `sha256` lives; refuses anything but a well-formed hash.
  std::filesystem::path object_path(std::string_view sha256) const;
  // The object's path, or ApiError not_found.
  std::filesystem::path existing_object(std::string_view sha256) const;

  std::filesystem::path root_;
  std::filesystem::path temporary_dir_;
};

}  // namespace rw::files
