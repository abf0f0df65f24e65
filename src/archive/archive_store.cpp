#include "archive/archive_store.hpp"

namespace rw::archive {
namespace {

constexpr const char* kSelectCurrentLists =
    "SELECT l.* FROM archive_lists l WHERE l.version = "
    "(SELECT MAX(v.version) FROM archive_lists v WHERE v.code = l.code) ";
constexpr const char* kListVersionExists =
    "SELECT 1 AS one FROM archive_lists WHERE code = ? AND version = ?";
constexpr const char* kInsertList =
    "INSERT INTO archive_lists (code, version, source, subject, name_zh, name_en, body, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kRecordedItemCodes =
    "SELECT item_code FROM archive_documents WHERE list_code = ? "
    "UNION SELECT item_code FROM archive_item_states WHERE list_code = ? ORDER BY item_code";

constexpr const char* kSelectSetting = "SELECT * FROM archive_settings WHERE org_id = ?";
constexpr const char* kSaveSetting =
    "INSERT INTO archive_settings (org_id, list_code, retention_years, updated_by, updated_at) "
    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (org_id) DO UPDATE SET list_code = excluded.list_code, "
    "retention_years = excluded.retention_years, updated_by = excluded.updated_by, "
    "updated_at = excluded.updated_at";
constexpr const char* kSelectOrgType = "SELECT type FROM organizations WHERE id = ?";

constexpr const char* kInsertDocument =
    "INSERT INTO archive_documents (enterprise_id, list_code, item_code, version, file_id, file_sha256, "
    "issued_on, valid_until, note, retain_until, uploaded_by, uploaded_at) "
    "SELECT ?, ?, ?, COALESCE(MAX(version), 0) + 1, ?, ?, ?, ?, ?, ?, ?, ? FROM archive_documents "
    "WHERE enterprise_id = ? AND list_code = ? AND item_code = ? RETURNING id, version";
constexpr const char* kSelectDocuments =
    "SELECT d.*, u.display_name AS uploaded_by_name, f.size AS file_size, f.media_type "
    "FROM archive_documents d JOIN users u ON u.id = d.uploaded_by JOIN files f ON f.id = d.file_id ";
constexpr const char* kMarkWithdrawn =
    "UPDATE archive_documents SET withdrawn_at = ? WHERE id = ? AND withdrawn_at IS NULL";
constexpr const char* kSelectAllDocuments =
    "SELECT d.*, f.sha256 AS file_row_sha256 "
    "FROM archive_documents d JOIN files f ON f.id = d.file_id ORDER BY d.id";

constexpr const char* kSelectStates =
    "SELECT * FROM archive_item_states WHERE enterprise_id = ? AND list_code = ?";
constexpr const char* kSaveState =
    "INSERT INTO archive_item_states (enterprise_id, list_code, item_code, paper_on_file, paper_reason, "
    "electronic_reason, applicable, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (enterprise_id, list_code, item_code) DO UPDATE SET paper_on_file = excluded.paper_on_file, "
    "paper_reason = excluded.paper_reason, electronic_reason = excluded.electronic_reason, "
    "applicable = excluded.applicable, updated_by = excluded.updated_by, updated_at = excluded.updated_at";
constexpr const char* kSelectEveryState = "SELECT * FROM archive_item_states ";
constexpr const char* kStatesAfter = "WHERE (enterprise_id, list_code, item_code) > (?, ?, ?) ";
constexpr const char* kStatesPage = "ORDER BY enterprise_id, list_code, item_code LIMIT ?";

constexpr const char* kAdvanceHead =
    "UPDATE archive_chain SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq, last_hash";
constexpr const char* kSetHeadHash = "UPDATE archive_chain SET last_hash = ? WHERE id = 1";
constexpr const char* kSelectHead = "SELECT last_seq, last_hash FROM archive_chain WHERE id = 1";
constexpr const char* kInsertEvent =
    "INSERT INTO archive_events (seq, enterprise_id, kind, item_code, document_id, file_sha256, detail, "
    "actor_id, at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kSelectEventsAfter = "SELECT * FROM archive_events WHERE seq > ? ORDER BY seq LIMIT ?";
constexpr const char* kSelectItemEvents =
    "SELECT ev.*, u.display_name AS actor_name FROM archive_events ev JOIN users u ON u.id = ev.actor_id "
    "WHERE ev.enterprise_id = ? AND ev.item_code = ? ORDER BY ev.seq";

constexpr const char* kSelectReports =
    "SELECT s.visit_id, s.version, s.kind, s.title, s.status, s.pdf_sha256, s.pdf_size, s.submitted_at, "
    "s.reviewed_at, v.planned_on FROM report_submissions s JOIN visits v ON v.id = s.visit_id "
    "JOIN enterprises e ON e.id = v.enterprise_id WHERE v.enterprise_id = ? AND ";
constexpr const char* kSelectNotices =
    "SELECT n.id, n.kind, n.status, n.number, n.issued_on, n.received_on, n.receipt_kind, n.receipt_file_id, "
    "f.sha256 AS receipt_sha256, f.media_type AS receipt_media_type FROM notices n "
    "JOIN enterprises e ON e.id = n.enterprise_id LEFT JOIN files f ON f.id = n.receipt_file_id "
    "WHERE n.enterprise_id = ? AND n.issued_at IS NOT NULL AND ";
constexpr const char* kSelectPlans =
    "SELECT sp.id, sp.year, sp.status, sp.agreed_at, o.name AS agency_name FROM service_plans sp "
    "JOIN enterprises e ON e.id = sp.enterprise_id JOIN organizations o ON o.id = sp.agency_org_id "
    "WHERE sp.enterprise_id = ? AND ";

constexpr const char* kSelectFile = "SELECT id, sha256, media_type, size FROM files WHERE id = ?";

std::optional<db::Row> first(db::Rows rows) {
  if (rows.empty()) return std::nullopt;
  return rows[0];
}

// The enterprise, then the access filter's parameters.
db::Params scoped(std::int64_t enterprise_id, const SqlFilter& visible) {
  db::Params params{enterprise_id};
  for (const auto& p : visible.params()) params.push_back(p);
  return params;
}

db::Value optional_flag(const std::optional<bool>& flag) {
  return flag ? db::Value(std::int64_t{*flag ? 1 : 0}) : db::null_value();
}

}  // namespace

const char* const kSelectGovernedEnterprise =
    "SELECT e.id, e.name, e.org_id, e.created_by_org_id, keeper.type AS keeper_type, s.list_code, "
    "s.retention_years FROM enterprises e LEFT JOIN organizations keeper ON keeper.id = e.created_by_org_id "
    "LEFT JOIN archive_settings s ON s.org_id = e.created_by_org_id";

db::Rows current_list_rows(db::Connection& db) {
  return db.query(std::string(kSelectCurrentLists) + "ORDER BY l.id");
}

std::optional<db::Row> current_list_row(db::Connection& db, const std::string& code) {
  return first(db.query(std::string(kSelectCurrentLists) + "AND l.code = ?", {code}));
}

bool list_version_exists(db::Connection& db, const std::string& code, int version) {
  return !db.query(kListVersionExists, {code, std::int64_t{version}}).empty();
}

void insert_list(db::Connection& db, const DocumentList& list, const std::string& body,
                 const std::string& now) {
  db.execute(kInsertList, {list.code, std::int64_t{list.version}, list.source, list.subject, list.name_zh,
                           list.name_en, body, now});
}

std::vector<std::string> recorded_item_codes(db::Connection& db, const std::string& list_code) {
  const auto rows = db.query(kRecordedItemCodes, {list_code, list_code});
  std::vector<std::string> out;
  for (std::size_t i = 0; i < rows.size(); ++i) out.emplace_back(rows[i].text("item_code"));
  return out;
}

std::optional<db::Row> find_setting(db::Connection& db, std::int64_t org_id) {
  return first(db.query(kSelectSetting, {org_id}));
}

void save_setting(db::Connection& db, std::int64_t org_id, const std::string& list_code, int retention_years,
                  std::int64_t by, const std::string& now) {
  db.execute(kSaveSetting, {org_id, list_code, std::int64_t{retention_years}, by, now});
}

std::string org_type(db::Connection& db, std::int64_t org_id) {
  const auto rows = db.query(kSelectOrgType, {org_id});
  return rows.empty() ? std::string() : rows[0].text("type");
}

std::pair<std::int64_t, int> insert_document(db::Connection& db, const NewDocument& d,
                                             const std::string& now) {
  const auto rows = db.query(kInsertDocument,
                             {d.enterprise_id, d.list_code, d.item_code, d.file_id, d.file_sha256,
                              db::optional_value(d.issued_on), db::optional_value(d.valid_until), d.note,
                              d.retain_until, d.uploaded_by, now, d.enterprise_id, d.list_code, d.item_code});
  return {rows[0].integer("id"), static_cast<int>(rows[0].integer("version"))};
}

db::Statement documents_of(std::int64_t enterprise_id, const std::string& list_code) {
  return {std::string(kSelectDocuments) +
              "WHERE d.enterprise_id = ? AND d.list_code = ? ORDER BY d.item_code, d.version",
          {enterprise_id, list_code}};
}

db::Rows item_documents(db::Connection& db, std::int64_t enterprise_id, const std::string& list_code,
                        const std::string& item_code) {
  return db.query(std::string(kSelectDocuments) +
                      "WHERE d.enterprise_id = ? AND d.list_code = ? AND d.item_code = ? ORDER BY d.version",
                  {enterprise_id, list_code, item_code});
}

std::optional<db::Row> find_document(db::Connection& db, std::int64_t id) {
  return first(db.query(std::string(kSelectDocuments) + "WHERE d.id = ?", {id}));
}

void mark_withdrawn(db::Connection& db, std::int64_t id, const std::string& now) {
  db.execute(kMarkWithdrawn, {now, id});
}

db::Rows all_documents(db::Connection& db) { return db.query(kSelectAllDocuments); }

db::Rows item_states(db::Connection& db, std::int64_t enterprise_id, const std::string& list_code) {
  return db.query(item_states(enterprise_id, list_code));
}

db::Statement item_states(std::int64_t enterprise_id, const std::string& list_code) {
  return {kSelectStates, {enterprise_id, list_code}};
}

ItemState item_state_of(const db::Row& row) {
  ItemState state;
  if (const auto paper = row.optional_integer("paper_on_file")) state.paper_on_file = *paper != 0;
  state.paper_reason = row.text("paper_reason");
  state.electronic_reason = row.text("electronic_reason");
  state.applicable = row.integer("applicable") != 0;
  return state;
}

void save_item_state(db::Connection& db, std::int64_t enterprise_id, const std::string& list_code,
                     const std::string& item_code, const ItemState& s, std::int64_t by,
                     const std::string& now) {
  db.execute(kSaveState, {enterprise_id, list_code, item_code, optional_flag(s.paper_on_file), s.paper_reason,
                          s.electronic_reason, std::int64_t{s.applicable ? 1 : 0}, by, now});
}

db::Rows item_states_after(db::Connection& db, const std::optional<db::Row>& last, std::int64_t limit) {
  if (!last) return db.query(std::string(kSelectEveryState) + kStatesPage, {limit});
  return db.query(std::string(kSelectEveryState) + kStatesAfter + kStatesPage,
                  {last->integer("enterprise_id"), last->text("list_code"), last->text("item_code"), limit});
}

std::pair<std::int64_t, std::string> advance_chain_head(db::Connection& db) {
  const auto rows = db.query(kAdvanceHead);
  return {rows[0].integer("last_seq"), rows[0].text("last_hash")};
}

void insert_event(db::Connection& db, const ChainEntry& e, const std::string& hash) {
  db.execute(kInsertEvent, {e.seq, e.enterprise_id, e.kind, e.item_code, db::optional_value(e.document_id),
                            e.file_sha256, e.detail, e.actor_id, e.at, e.prev_hash, hash});
}

void set_chain_hash(db::Connection& db, const std::string& hash) { db.execute(kSetHeadHash, {hash}); }

std::pair<std::int64_t, std::string> chain_head(db::Connection& db) {
  const auto rows = db.query(kSelectHead);
  return {rows[0].integer("last_seq"), rows[0].text("last_hash")};
}

db::Rows events_after(db::Connection& db, std::int64_t after_seq, std::int64_t limit) {
  return db.query(kSelectEventsAfter, {after_seq, limit});
}

db::Rows item_events(db::Connection& db, std::int64_t enterprise_id, const std::string& item_code) {
  return db.query(kSelectItemEvents, {enterprise_id, item_code});
}

db::Statement visit_reports(std::int64_t enterprise_id, const SqlFilter& visible) {
  return {std::string(kSelectReports) + visible.condition() + " ORDER BY s.visit_id, s.version",
          scoped(enterprise_id, visible)};
}

db::Statement enterprise_notices(std::int64_t enterprise_id, const SqlFilter& visible) {
  return {std::string(kSelectNotices) + visible.condition() + " ORDER BY n.issued_at, n.id",
          scoped(enterprise_id, visible)};
}

db::Statement enterprise_plans(std::int64_t enterprise_id, const SqlFilter& visible) {
  return {std::string(kSelectPlans) + visible.condition() + " ORDER BY sp.year, sp.id",
          scoped(enterprise_id, visible)};
}

std::optional<db::Row> file_row(db::Connection& db, std::int64_t file_id) {
  return first(db.query(kSelectFile, {file_id}));
}

}  // namespace rw::archive
