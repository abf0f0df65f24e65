#pragma once
// The whole file of one enterprise as a .zip (一企一档 export): the checklist as its cover sheet (a PDF of
// documents/), every version of every document in a folder per category and item (xuzhou E.1 注: 依据资料类别
// 分级建立文件夹，按照资料名称建立子文件夹), and what the other capabilities keep of the enterprise, filed
// automatically: the visits' report versions, the issued notices 文书 with their receipts, the service plans.
// Written to a temporary file straight from the file store, never held in memory whole; every name inside is
// a sanitised segment (archive_rules.hpp). The export is an entry of the chain with the zip's hash.
#include <nlohmann/json.hpp>

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
  nlohmann::json detail;  // what the export's chain entry records: the list, entries, related records
};
// 404 unless the actor sees the enterprise. Only reads: rendering the notices and plans takes seconds, which
// no write transaction (the chain's head, SQLite's one writer) should wait for.
ExportFile export_archive(const accounts::Operation& op, const files::FileStore& store,
                          std::int64_t enterprise_id);
// The export's entry of the chain, in the caller's write transaction.
void record_export(const accounts::Operation& op, std::int64_t enterprise_id, const ExportFile& file);

}  // namespace rw::archive
