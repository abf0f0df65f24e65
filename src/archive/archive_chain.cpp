#include "archive/archive_chain.hpp"

#include <map>
#include <tuple>

#include "archive/archive_rules.hpp"
#include "archive/archive_store.hpp"
#include "platform/files/sha256.hpp"

namespace rw::archive {
namespace {

constexpr std::int64_t kPage = 1000;

ChainEntry entry_of(const db::Row& row) {
  return {row.integer("seq"),
          row.integer("enterprise_id"),
          row.text("kind"),
          row.text("item_code"),
          row.optional_integer("document_id"),
          row.text("file_sha256"),
          row.text("detail"),
          row.integer("actor_id"),
          row.text("at"),
          row.text("prev_hash")};
}

nlohmann::json nullable(const std::optional<std::string>& text) {
  return text ? nlohmann::json(*text) : nlohmann::json();
}

// The bytes' hash as read from the store now; nullopt when the object is gone.
std::optional<std::string> stored_hash(const files::FileStore& store, const std::string& sha256) {
  try {
    if (!store.exists(sha256)) return std::nullopt;
    auto stream = store.open(sha256);
    files::Sha256 hash;
    char buffer[1 << 16];
    while (*stream) {
      stream->read(buffer, sizeof buffer);
      hash.update(std::string_view(buffer, static_cast<std::size_t>(stream->gcount())));
    }
    return hash.hex_digest();
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// What the walk of the chain learnt, for the checks of the rows the entries made. Details are kept as the
// text the entry holds (append_event stores the detail's dump, and the checks dump what they expect the same
// way): parsed, a province's 44,500 entries took 50 MB, held by each worker's allocator after a verification.
struct Walked {
  std::map<std::int64_t, std::pair<std::int64_t, std::string>> uploads;  // document → (seq, detail)
  std::map<std::int64_t, std::int64_t> withdrawals;                      // document → seq
  // (enterprise, list, item) → (seq, detail) of its last status event
  std::map<std::tuple<std::int64_t, std::string, std::string>, std::pair<std::int64_t, std::string>> states;
};

class Finder {
 public:
  void found(BrokenLink link) {
    if (!first_ || link.seq < first_->seq) first_ = std::move(link);
  }
  std::optional<BrokenLink> first() const { return first_; }

 private:
  std::optional<BrokenLink> first_;
};

// Walks the chain in order; stops at its first break (what follows cannot be trusted).
std::int64_t walk(db::Connection& db, Walked& walked, Finder& finder) {
  std::int64_t seq = 0;
  std::string prev = kGenesisHash;
  for (;;) {
    const auto rows = events_after(db, seq, kPage);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto row = rows[i];
      const auto entry = entry_of(row);
      BrokenLink link{seq + 1, "", entry.enterprise_id, entry.document_id, entry.item_code};
      if (entry.seq != seq + 1)
        link.reason = "missing_entry";
      else if (entry.prev_hash != prev)
        link.reason = "prev_hash_mismatch";
      else if (chain_hash(entry) != row.text("hash"))
        link.reason = "entry_altered";
      if (!link.reason.empty()) {
        finder.found(link);
        return seq;
      }
      if (entry.kind == "upload" && entry.document_id)
        walked.uploads[*entry.document_id] = {entry.seq, entry.detail};
      if (entry.kind == "withdraw" && entry.document_id) walked.withdrawals[*entry.document_id] = entry.seq;
      if (entry.kind == "status") {
        const auto detail = nlohmann::json::parse(entry.detail, nullptr, false);
        if (detail.is_object())
          walked.states[{entry.enterprise_id, detail.value("list_code", ""), entry.item_code}] = {
              entry.seq, entry.detail};
      }
      seq = entry.seq;
      prev = row.text("hash");
    }
    if (rows.size() < static_cast<std::size_t>(kPage)) break;
  }
  const auto [head_seq, head_hash] = chain_head(db);
  if (head_seq != seq || head_hash != prev) finder.found({seq + 1, "head_mismatch", 0, std::nullopt, ""});
  return seq;
}

void check_documents(db::Connection& db, const files::FileStore& store, const Walked& walked, Finder& finder,
                     std::int64_t chain_end, Verification& out) {
  const auto rows = all_documents(db);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto row = rows[i];
    ++out.documents;
    const auto id = row.integer("id");
    const auto upload = walked.uploads.find(id);
    BrokenLink link{upload == walked.uploads.end() ? chain_end + 1 : upload->second.first, "",
                    row.integer("enterprise_id"), id, row.text("item_code")};
    const auto sha = row.text("file_sha256");
    if (upload == walked.uploads.end() || upload->second.second != document_detail(row).dump())
      link.reason = "document_altered";
    else if (!row.is_null("withdrawn_at") && !walked.withdrawals.count(id))
      link.reason = "document_altered";
    else if (row.text("file_row_sha256") != sha)
      link.reason = "file_row_altered";
    else if (const auto bytes = stored_hash(store, sha); !bytes)
      link.reason = "file_missing";
    else if (*bytes != sha)
      link.reason = "file_changed";
    if (!link.reason.empty()) finder.found(std::move(link));
  }
}

void check_states(db::Connection& db, const Walked& walked, Finder& finder, std::int64_t chain_end,
                  Verification& out) {
  std::optional<db::Row> last;
  for (;;) {
    const auto rows = item_states_after(db, last, kPage);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto row = rows[i];
      ++out.states;
      const auto list_code = row.text("list_code");
      const auto found = walked.states.find({row.integer("enterprise_id"), list_code, row.text("item_code")});
      if (found == walked.states.end())
        finder.found({chain_end + 1, "state_unrecorded", row.integer("enterprise_id"), std::nullopt,
                      row.text("item_code")});
      else if (found->second.second != state_detail(list_code, item_state_of(row)).dump())
        finder.found({found->second.first, "state_altered", row.integer("enterprise_id"), std::nullopt,
                      row.text("item_code")});
    }
    if (rows.size() < static_cast<std::size_t>(kPage)) break;
    last = rows[rows.size() - 1];
  }
}

}  // namespace

void append_event(const accounts::Operation& op, const Event& event) {
  const auto [seq, prev] = advance_chain_head(op.db);
  const ChainEntry entry{seq,
                         event.enterprise_id,
                         event.kind,
                         event.item_code,
                         event.document_id,
                         event.file_sha256,
                         event.detail.dump(),
                         op.actor.id,
                         op.now_text(),
                         prev};
  const auto hash = chain_hash(entry);
  insert_event(op.db, entry, hash);
  set_chain_hash(op.db, hash);
}

nlohmann::json document_detail(const db::Row& d) {
  return {{"list_code", d.text("list_code")},
          {"version", d.integer("version")},
          {"file_id", d.integer("file_id")},
          {"issued_on", nullable(d.optional_text("issued_on"))},
          {"valid_until", nullable(d.optional_text("valid_until"))},
          {"note", d.text("note")},
          {"retain_until", d.text("retain_until")},
          {"uploaded_by", d.integer("uploaded_by")},
          {"uploaded_at", d.text("uploaded_at")}};
}

nlohmann::json state_detail(const std::string& list_code, const ItemState& s) {
  return {{"list_code", list_code},
          {"paper_on_file", s.paper_on_file ? nlohmann::json(*s.paper_on_file) : nlohmann::json()},
          {"paper_reason", s.paper_reason},
          {"electronic_reason", s.electronic_reason},
          {"applicable", s.applicable}};
}

Verification verify_chain(db::Connection& db, const files::FileStore& store) {
  Verification out;
  Walked walked;
  Finder finder;
  const auto chain_end = walk(db, walked, finder);
  out.entries = chain_end;
  check_documents(db, store, walked, finder, chain_end, out);
  check_states(db, walked, finder, chain_end, out);
  out.broken = finder.first();
  return out;
}

}  // namespace rw::archive
