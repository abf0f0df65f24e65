#pragma once
// The archive's SQL (一企一档): its lists, the organizations' settings, documents and their versions, each
// item's recorded state, the hash chain, and what other capabilities keep of the enterprise.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "archive/archive_rules.hpp"
#include "platform/db/database.hpp"
#include "platform/sql_filter.hpp"

namespace rw::archive {

// Lists: the newest version of each, or of one code.
db::Rows current_list_rows(db::Connection& db);
std::optional<db::Row> current_list_row(db::Connection& db, const std::string& code);
bool list_version_exists(db::Connection& db, const std::string& code, int version);
void insert_list(db::Connection& db, const DocumentList& list, const std::string& body,
                 const std::string& now);
// The items of a list any enterprise filed a document or recorded a state under, by code.
std::vector<std::string> recorded_item_codes(db::Connection& db, const std::string& list_code);

// Settings of one organization, if it chose any.
std::optional<db::Row> find_setting(db::Connection& db, std::int64_t org_id);
void save_setting(db::Connection& db, std::int64_t org_id, const std::string& list_code, int retention_years,
                  std::int64_t by, const std::string& now);
std::string org_type(db::Connection& db, std::int64_t org_id);

// The enterprise's name, its own organization and the organization that registered it (whose settings apply),
// with that organization's type (`keeper_type`) and settings (`list_code` and `retention_years`, NULL when
// it chose none), up to where the WHERE clause goes (access::visible_row: the enterprise as `e`).
extern const char* const kSelectGovernedEnterprise;

struct NewDocument {
  std::int64_t enterprise_id = 0;
  std::string list_code;
  std::string item_code;
  std::int64_t file_id = 0;
  std::string file_sha256;
  std::optional<std::string> issued_on;
  std::optional<std::string> valid_until;
  std::string note;
  std::string retain_until;
  std::int64_t uploaded_by = 0;
};
// The new document's id and version (one after the item's last).
std::pair<std::int64_t, int> insert_document(db::Connection& db, const NewDocument& document,
                                             const std::string& now);
// Every version of every item of the enterprise's list, by item then version (newest last), with the
// uploader's name and the file's size and type.
db::Statement documents_of(std::int64_t enterprise_id, const std::string& list_code);
db::Rows item_documents(db::Connection& db, std::int64_t enterprise_id, const std::string& list_code,
                        const std::string& item_code);
std::optional<db::Row> find_document(db::Connection& db, std::int64_t id);
void mark_withdrawn(db::Connection& db, std::int64_t id, const std::string& now);
// Every document with the hash its file row has now, for verification.
db::Rows all_documents(db::Connection& db);

db::Rows item_states(db::Connection& db, std::int64_t enterprise_id, const std::string& list_code);
db::Statement item_states(std::int64_t enterprise_id, const std::string& list_code);
// A row of item_states as the state it records.
ItemState item_state_of(const db::Row& row);
void save_item_state(db::Connection& db, std::int64_t enterprise_id, const std::string& list_code,
                     const std::string& item_code, const ItemState& state, std::int64_t by,
                     const std::string& now);
// The recorded item states after `last` (from the first when absent) in key order, `limit` at a time, for
// verification against the chain's last status event of each.
db::Rows item_states_after(db::Connection& db, const std::optional<db::Row>& last, std::int64_t limit);

// The chain: takes the head (serialising appenders until commit) and returns its seq and hash after
// advancing the seq by one; then the entry is inserted and the head's hash set.
std::pair<std::int64_t, std::string> advance_chain_head(db::Connection& db);
void insert_event(db::Connection& db, const ChainEntry& entry, const std::string& hash);
void set_chain_hash(db::Connection& db, const std::string& hash);
std::pair<std::int64_t, std::string> chain_head(db::Connection& db);
// The entries after `after_seq` in order, `limit` at a time.
db::Rows events_after(db::Connection& db, std::int64_t after_seq, std::int64_t limit);
// One item's events, oldest first, with the actor's name.
db::Rows item_events(db::Connection& db, std::int64_t enterprise_id, const std::string& item_code);

// What the enterprise's archive gathers from other capabilities, each within what the reader may see:
// the visits' report versions, issued notices (with their receipts) and service plans.
db::Statement visit_reports(std::int64_t enterprise_id, const SqlFilter& visible_visits);
db::Statement enterprise_notices(std::int64_t enterprise_id, const SqlFilter& visible_notices);
db::Statement enterprise_plans(std::int64_t enterprise_id, const SqlFilter& visible_plans);

// The file row's hash and type (for an upload being filed).
std::optional<db::Row> file_row(db::Connection& db, std::int64_t file_id);

}  // namespace rw::archive
