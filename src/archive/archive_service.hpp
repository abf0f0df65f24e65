#pragma once
// One enterprise, one file 一企一档 (issue 13): the operations behind /archive and /enterprises/{id}/archive,
// with no HTTP types. Who sees an enterprise's archive is who sees the enterprise (the access model; else
// 404); who files in it holds archive:write and sees it. Every change and every read of a document is an
// entry of the hash chain (archive_chain.hpp), written in the caller's transaction.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "accounts/operation.hpp"
#include "archive/archive_rules.hpp"
#include "platform/files/file_store.hpp"

namespace rw::archive {

// The lists an organization may choose: {items: [list…]}.
nlohmann::json list_catalog(const accounts::Operation& op);

// The actor's organization's settings: {list_code, retention_years, chosen} (chosen false: the defaults).
nlohmann::json own_settings(const accounts::Operation& op);
// {list_code, retention_years}: a list about enterprises; retention of at least 5 years (422
// retention_too_short) — the documents already filed keep the retention they were filed with.
nlohmann::json save_settings(const accounts::Operation& op, const nlohmann::json& body);

// The enterprise's archive: its list, each item's electronic and paper status, completeness, and what the
// other capabilities keep of the enterprise (report versions, notices and their receipts, plans).
nlohmann::json enterprise_archive(const accounts::Operation& op, std::int64_t enterprise_id);

// Each item of the list `list_code` (its current version) as the enterprise's archive holds it on `today` —
// for a report that states which documents were checked (wuxi 附件3). An item the archive lacks under this
// list is looked for under the items it is held as in other lists (an archive kept as xuzhou E.1). No access
// check: the caller has shown the enterprise is visible. Nothing when there is no such list.
struct ItemCheck {
  std::string code;
  std::string name_zh;
  std::string electronic;  // missing | present | expiring | expired
  bool applicable = true;
  std::string found_as;  // "" or where another list holds it: "一企一档资料存档表 2-1、2-3"
};
struct ListCheck {
  DocumentList list;
  std::vector<ItemCheck> items;
};
std::optional<ListCheck> check_list(db::Connection& db, std::int64_t enterprise_id,
                                    const std::string& list_code, const std::string& today);

// A new version of an item: {file_id, issued_on?, valid_until?, note?}; the file must be the caller's own
// upload or one it sees. An item that states its end needs valid_until; a plan revised every N years gets
// it from issued_on (default today). Opens the renewal deadline. Returns the item.
nlohmann::json add_version(const accounts::Operation& op, std::int64_t enterprise_id,
                           const std::string& item_code, const nlohmann::json& body);
// The item's paper copy and reasons: {paper_on_file?, paper_reason?, electronic_reason?, applicable?}.
nlohmann::json set_item_state(const accounts::Operation& op, std::int64_t enterprise_id,
                              const std::string& item_code, const nlohmann::json& body);
// Every version of the item and every chain entry about it.
nlohmann::json item_history(const accounts::Operation& op, std::int64_t enterprise_id,
                            const std::string& item_code);

// A document's bytes to send, after its read is logged in the chain (the caller's write transaction).
struct DocumentContent {
  std::string sha256;
  std::string media_type;
  std::string file_name;
};
DocumentContent read_document(const accounts::Operation& op, std::int64_t document_id);
// Withdraws a document once its retention has ended (409 retention_active before); the row and bytes stay.
nlohmann::json withdraw_document(const accounts::Operation& op, std::int64_t document_id);

// The enterprise the actor may see, with its governing list (404 otherwise); for the export.
struct ArchiveView {
  std::int64_t enterprise_id = 0;
  std::string enterprise_name;
  DocumentList list;
  int retention_years = kMinRetentionYears;
};
ArchiveView visible_archive(const accounts::Operation& op, std::int64_t enterprise_id);

// GET /archive/verify: the whole chain recomputed; the first broken link named (its enterprise only when the
// actor sees it).
nlohmann::json verify(const accounts::Operation& op, const files::FileStore& store);

}  // namespace rw::archive
