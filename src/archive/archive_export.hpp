#pragma once
// The whole file of one enterprise as a .zip (一企一档 export): the checklist as its cover sheet (a PDF of
// documents/), every version of every document in a folder per category and item (xuzhou E.1 注: 依据资料类别
// 分级建立文件夹，按照资料名称建立子文件夹) and the visits' report versions. Notices and their scanned
// receipts are listed in the archive but not yet put into the .zip.
// Written to a temporary file straight from the file store, never held in memory whole; every name inside is
// a sanitised segment (archive_rules.hpp). The export is an entry of the chain with the zip's hash.
#include <cstdint>
#include <string>

#include "accounts/operation.hpp"
#include "platform/files/file_store.hpp"

namespace rw::archive {

struct ExportFile {
  std::string path;  // a temporary file, the caller's to send and remove
  std::string sha256;
  int entries = 0;
  std::string file_name;  // for people, without the extension
};
// 404 unless the actor sees the enterprise. Runs inside the caller's write transaction (the chain entry).
ExportFile export_archive(const accounts::Operation& op, const files::FileStore& store,
                          std::int64_t enterprise_id);

}  // namespace rw::archive
