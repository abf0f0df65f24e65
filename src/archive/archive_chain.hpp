#pragma once
// The archive's hash chain (wuxi 第十八条, chengdu 7.2: nothing lost, altered, hidden or destroyed): every
// archive event is appended as an entry holding the hash of the entry before it and of the bytes it
// concerns; verification recomputes every entry, and checks the documents, their files' bytes and the items'
// recorded states against the entries that made them.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "accounts/operation.hpp"
#include "archive/archive_rules.hpp"
#include "platform/db/database.hpp"
#include "platform/files/file_store.hpp"

namespace rw::archive {

struct Event {
  std::int64_t enterprise_id = 0;
  std::string kind;  // upload | status | read | export | withdraw
  std::string item_code;
  std::optional<std::int64_t> document_id;
  std::string file_sha256;
  nlohmann::json detail = nlohmann::json::object();
};
// Appends inside the caller's write transaction; appenders wait for each other until commit.
void append_event(const accounts::Operation& op, const Event& event);

// What an upload event records of its document, and what verification expects the row still to say.
nlohmann::json document_detail(const db::Row& document);
// What a status event records of an item's state.
nlohmann::json state_detail(const std::string& list_code, const ItemState& state);

struct BrokenLink {
  std::int64_t seq = 0;  // the entry where the chain or the record it made stops matching
  std::string
      reason;  // missing_entry | prev_hash_mismatch | entry_altered | head_mismatch | document_altered
               // | file_row_altered | file_changed | file_missing | state_altered | state_unrecorded
  std::int64_t enterprise_id = 0;
  std::optional<std::int64_t> document_id;
  std::string item_code;
};
struct Verification {
  std::int64_t entries = 0;
  std::int64_t documents = 0;
  std::int64_t states = 0;
  std::optional<BrokenLink> broken;  // the first, by its entry's position in the chain
};
Verification verify_chain(db::Connection& db, const files::FileStore& store);

}  // namespace rw::archive
