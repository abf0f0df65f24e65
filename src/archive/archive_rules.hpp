#pragma once
// The archive's pure rules (一企一档, issue 13): what a required-document list says, each item's status and
// the archive's completeness, retention, renewal reminders, the hash of a chain entry and the names of the
// files in an export. No I/O: unit-tested directly (tests/unit/archive_rules_test.cpp).
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/errors.hpp"

namespace rw::archive {

// wuxi 第十八条, chengdu 7.2: kept at least 5 years.
inline constexpr int kMinRetentionYears = 5;
inline constexpr int kMaxRetentionYears = 100;
// A document whose validity ends within this many days is "expiring"; its renewal falls due this many days
// before it ends (a discharge permit's renewal is applied for 30 days before it expires: 排污许可管理条例
// 第十四条 — a rule of ours, not of the seeds).
inline constexpr int kRenewalLeadDays = 30;

// One required document of a list.
struct ListItem {
  std::string code;  // "2-1", as the seed numbers it
  std::string name_zh;
  std::string name_en;
  std::string category_zh;
  std::string category_en;
  std::string expiry;    // "" (does not expire) | valid_until (the document states its end) | revise_years
  int revise_years = 0;  // for revise_years: an emergency plan is revised every 3 years
  // The items of other lists (list code → item codes) under which an archive kept by that list files this
  // document: wuxi 附件3 is checked against archives kept as xuzhou E.1 or guilin E.1 (our crosswalk).
  std::map<std::string, std::vector<std::string>> held_as;
};

struct DocumentList {
  std::int64_t id = 0;
  std::string code;  // xuzhou_e1
  int version = 0;
  std::string source;
  std::string subject;  // enterprise | park
  std::string name_zh;
  std::string name_en;
  std::string reference;
  std::string note_zh;
  bool paper_column = false;   // xuzhou E.1: a paper copy column beside the electronic one
  bool reason_for_no = false;  // xuzhou E.1: 如填否应说明原因
  std::vector<ListItem> items;
  const ListItem* find(std::string_view code) const;
};

// A list from its JSON (data/archive/document-lists.json, or a version a platform admin publishes), every
// fault named by its JSON path (categories[2].items[0].code).
struct ListReading {
  DocumentList list;
  std::vector<FieldError> errors;
};
ListReading read_list(const nlohmann::json& body);
// read_list for lists known to be sound (shipped, stored); std::invalid_argument when one is not.
DocumentList parse_list(const nlohmann::json& body);

// The list an organization keeps by default, by its type: a park's resident enterprises follow guilin E.1, an
// insurer's wuxi 附件3, every other xuzhou E.1.
std::string default_list_code(std::string_view org_type);

// "YYYY-MM-DD" plus whole years (29 February becomes 28 February); plus days.
std::string add_years(const std::string& date, int years);
std::string add_days(const std::string& date, int days);

// When a document's validity ends: the date it states, or for a plan revised every N years, N years after it
// was issued.
std::optional<std::string> valid_until(const ListItem& item, const std::optional<std::string>& issued_on,
                                       const std::optional<std::string>& stated_until);

// The newest version's facts and the item's recorded state, as the status needs them.
struct ItemFacts {
  bool has_document = false;
  std::optional<std::string> valid_until;
  std::optional<bool> paper_on_file;
  bool applicable = true;
};
struct ItemStatus {
  std::string electronic;  // missing | present | expiring | expired
  std::string paper;       // "" (the list has no paper column) | on_file | not_on_file | unknown
  bool complete = false;   // counts toward completeness
};
ItemStatus item_status(const DocumentList& list, const ItemFacts& facts, const std::string& today);
// Whether electronic state `a` is better than `b`: present, then expiring, expired, missing.
bool better_state(std::string_view a, std::string_view b);

struct Completeness {
  int items = 0;  // applicable items
  int complete = 0;
  int electronic = 0;  // with a current electronic copy
  int paper = 0;       // with a paper copy on file (lists with the column)
  int expiring = 0;
  int expired = 0;
  int not_applicable = 0;
  int percent = 0;  // complete / items, rounded down
};
void count(Completeness& totals, const ItemFacts& facts, const ItemStatus& status);

// The renewal deadline of a document valid until `until`: kRenewalLeadDays before, but not before today.
std::string renewal_due(const std::string& until, const std::string& today);

// The date a document added on `today` may be withdrawn: today plus the retention years.
std::string retain_until(const std::string& today, int retention_years);

// What is recorded of one item of an enterprise's list besides its documents.
struct ItemState {
  std::optional<bool> paper_on_file;
  std::string paper_reason;
  std::string electronic_reason;
  bool applicable = true;
};

// One link of the chain, as hashed.
struct ChainEntry {
  std::int64_t seq = 0;
  std::int64_t enterprise_id = 0;
  std::string kind;
  std::string item_code;
  std::optional<std::int64_t> document_id;
  std::string file_sha256;
  std::string detail;  // JSON text as stored
  std::int64_t actor_id = 0;
  std::string at;
  std::string prev_hash;
};
// SHA-256 (hex) of the entry's fields, each length-prefixed so no two entries share a text.
std::string chain_hash(const ChainEntry& entry);
// The hash before the first entry.
inline constexpr const char* kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// A name for a path segment inside an export: no slashes, backslashes, control characters, leading dots or
// "..", at most 80 characters; `fallback` when nothing is left.
std::string safe_segment(std::string_view text, std::string_view fallback);

}  // namespace rw::archive
