#include "registry/enterprise_listing.hpp"

#include <optional>

#include "access/visibility.hpp"
#include "accounts/scope.hpp"
#include "platform/db/text_pieces.hpp"
#include "platform/json_input.hpp"
#include "platform/json_rows.hpp"
#include "registry/enterprise_record.hpp"
#include "registry/enterprise_search_index.hpp"
#include "registry/industries.hpp"
#include "registry/vocabularies.hpp"

namespace rw::registry {

const char* const kSelectEnterprise =
    "SELECT e.*, r.name AS region_name, r.level AS region_level, rp.name AS district_name, pk.name AS "
    "park_name "
    "FROM enterprises e JOIN regions r ON r.id = e.region_id LEFT JOIN regions rp ON rp.id = r.parent_id "
    "LEFT JOIN organizations pk ON pk.id = e.park_org_id";
// The text indexes' joins, read by a search's total on SQLite (below). A first page by name of 2,000
// enterprises or more walks the names' index (V049); with fewer, the walk passes more enterprises than
// gathering them to sort reads (a district regulator's 1,080 of the province's 100,000: 1,881 -> 1,558 req/s
// walked).
const DeferredList kEnterpriseList{
    .select = kSelectEnterprise,
    .from = {"enterprises e",
             {{"es", "JOIN enterprises_search es ON es.rowid = e.id"},
              {"ess", "JOIN enterprises_short_search ess ON ess.rowid = e.id"}}},
    .id = "e.id",
    .scan_from = "enterprises e INDEXED BY enterprises_in_name_order",
    .scan_order = "e.name",
    .scan_at_total = 2'000};

namespace {

// The search is case-insensitive for ASCII letters on both databases (SQLite's LIKE is; PostgreSQL's is
// not, so both sides are lower-cased there). From 3 characters, SQLite: its FTS5 trigram index (V010) finds
// rows holding the text in one of the four columns, given as a quoted phrase so that no character of the text
// is query syntax; PostgreSQL: its trigram indexes on the lower-cased columns (V022) serve the LIKE. A
// trigram index cannot answer fewer than 3 characters; V017 indexes those: on SQLite each enterprise's pieces
// of two characters, on PostgreSQL its characters.
constexpr const char* kSearchMatch = "SELECT rowid FROM enterprises_search WHERE enterprises_search MATCH ?";
constexpr const char* kShortSearchMatch =
    "SELECT rowid FROM enterprises_short_search WHERE enterprises_short_search MATCH ?";
// SQLite: the enterprises waiting for the text indexes (V052), which the search tests on their columns; the
// list outside (CROSS JOIN), or the planner tests every enterprise.
constexpr const char* kWaitingHolding =
    "SELECT w.enterprise_id FROM enterprise_search_waiting w CROSS JOIN enterprises x "
    "ON x.id = w.enterprise_id WHERE x.name LIKE ? ESCAPE '\\' OR x.credit_code LIKE ? ESCAPE '\\' OR "
    "x.registered_address LIKE ? ESCAPE '\\' OR x.business_address LIKE ? ESCAPE '\\'";
// PostgreSQL: the characters of the text among the row's, V017's GIN index (two characters are checked by
// the LIKE below).
constexpr const char* kShortSearchCharacters =
    "string_to_array(lower(e.name || e.credit_code || e.registered_address || e.business_address), NULL) @> "
    "string_to_array(lower(CAST(? AS TEXT)), NULL)";
constexpr const char* kAnyColumnLike =
    "(lower(e.name) LIKE lower(?) ESCAPE '\\' OR lower(e.credit_code) LIKE lower(?) ESCAPE '\\' OR "
    "lower(e.registered_address) LIKE lower(?) ESCAPE '\\' OR lower(e.business_address) LIKE lower(?) ESCAPE "
    "'\\')";
// SQLite, for a text most enterprises hold (below): its LIKE ignores the case of ASCII letters itself.
constexpr const char* kAnyColumnLikeSqlite =
    "(e.name LIKE ? ESCAPE '\\' OR e.credit_code LIKE ? ESCAPE '\\' OR e.registered_address LIKE ? ESCAPE "
    "'\\' OR e.business_address LIKE ? ESCAPE '\\')";
// How many enterprises the index finds for a text, counted up to a limit.
constexpr const char* kSearchHitCount =
    "SELECT COUNT(*) AS n FROM (SELECT rowid FROM enterprises_search WHERE enterprises_search MATCH ? "
    "LIMIT ?) hits";
constexpr const char* kShortSearchHitCount =
    "SELECT COUNT(*) AS n FROM (SELECT rowid FROM enterprises_short_search WHERE enterprises_short_search "
    "MATCH ? LIMIT ?) hits";

std::size_t characters(const std::string& utf8) {
  std::size_t n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
  return n;
}

std::string quoted_phrase(const std::string& text) {
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// The rows holding a text. SQLite: its text indexes' hits, taken by id, and those of the enterprises
// `waiting` for the indexes; PostgreSQL: LIKE on the lower-cased columns, served by its trigram indexes (and
// the characters' index below 3).
SqlFilter holding(db::Connection& db, const std::string& text, bool waiting) {
  const auto length = characters(text);
  if (db.dialect() == db::Dialect::sqlite) {
    const bool short_text = length <= 2;
    db::Params params{short_text ? db::pieces_query(text) : quoted_phrase(text)};
    std::string hits = short_text ? kShortSearchMatch : kSearchMatch;
    if (waiting) {
      const auto pattern = db::like_contains(text);
      params.insert(params.end(), {pattern, pattern, pattern, pattern});
      hits += std::string(" UNION ALL ") + kWaitingHolding;
    }
    return SqlFilter("e.id IN (" + hits + ")", std::move(params));
  }
  SqlFilter out;
  if (length <= 2) out.add(kShortSearchCharacters, text);
  if (length != 1) {
    const auto pattern = db::like_contains(text);
    out.add(kAnyColumnLike, db::Params{pattern, pattern, pattern, pattern});
  }
  return out;
}

// SQLite counts the rows holding a text by walking the index's hits and looking up each enterprise, which
// stops at the total's cap; `e.id IN (hits)` first gathers every hit (a common text, "有限公" in 90,000
// enterprises: 24 ms to count to the cap, joined 3.5 ms). The walk cannot count the enterprises waiting for
// the index: while there are any (under 100 ms after a write), the total gathers.
SqlFilter holding_for_total(db::Connection& db, const std::string& text, bool waiting) {
  if (db.dialect() != db::Dialect::sqlite || waiting) return holding(db, text, waiting);
  SqlFilter out;
  if (characters(text) <= 2)
    out.add_on_joined("ess", "ess.enterprises_short_search MATCH ?", {db::pieces_query(text)});
  else
    out.add_on_joined("es", "es.enterprises_search MATCH ?", {quoted_phrase(text)});
  return out;
}

// SQLite takes a list's rows of the index's hits by id and sorts them all for a page: quick for a rare text,
// but a common one ("有限公", in nine enterprises of ten) reads and sorts a hundred thousand rows (40 ms at
// province scale). Past a fifth of the total cap (2,000 hits), the page's ids are found by testing the text
// on each row as the planner walks the index of the list's order, a few hundred rows for a page; the total
// still counts the index's hits.
std::optional<SqlFilter> common_text_on_each_row(db::Connection& db, const std::string& text) {
  if (db.dialect() != db::Dialect::sqlite) return std::nullopt;
  const bool short_text = characters(text) <= 2;
  const auto enough = common_text_hits();
  const auto hits = db.query(short_text ? kShortSearchHitCount : kSearchHitCount,
                             {short_text ? db::pieces_query(text) : quoted_phrase(text), enough + 1})[0]
                        .integer("n");
  if (hits <= enough) return std::nullopt;
  const auto pattern = db::like_contains(text);
  return SqlFilter(kAnyColumnLikeSqlite, db::Params{pattern, pattern, pattern, pattern});
}

bool all_digits(const std::string& text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
}

void add_industry_filter(SqlFilter& where, const std::string& industry) {
  const auto& table = IndustryTable::shipped();
  if (industry.size() == 1 && table.find(industry)) {
    const auto divisions = table.divisions_of(industry);
    db::Params params(divisions.begin(), divisions.end());
    where.add("SUBSTR(e.industry_code, 1, 2) IN (" + placeholders(divisions.size()) + ")", params);
  } else if (all_digits(industry) && industry.size() <= 4) {
    where.add("e.industry_code LIKE ?", industry + "%");
  } else {
    throw invalid_field("industry", "invalid_query", "查询参数 industry 应为门类字母或行业代码前缀",
                        "query parameter industry must be a section letter or a code prefix");
  }
}

// Every filter but the search.
SqlFilter filter_but_search(db::Connection& db, const accounts::Actor& user,
                            const std::map<std::string, std::string>& query) {
  const auto region = query_id(query, "region_id");
  const auto regions = region ? accounts::region_subtree_ids(db, *region) : std::vector<std::int64_t>{};
  SqlFilter where = access::read_filter_in_regions(db, user, access::kEnterprise, regions);
  const auto archived = query_bool(query, "archived").value_or(false);
  where.add("e.archived = ?", std::int64_t{archived ? 1 : 0});
  if (region) where.add(accounts::in_regions(db.dialect(), "e.region_id", regions));
  if (auto park = query_id(query, "park_id")) where.add("e.park_org_id = ?", *park);
  if (auto industry = query_text(query, "industry", 4)) add_industry_filter(where, *industry);
  if (auto v = query_choice(query, "scale", enterprise_scales().values())) where.add("e.scale = ?", *v);
  if (auto v = query_choice(query, "risk_level", risk_levels().values())) where.add("e.risk_level = ?", *v);
  if (auto v = query_choice(query, "permit_type", permit_types().values()))
    where.add("e.permit_type = ?", *v);
  if (auto v = query_choice(query, "production_status", production_statuses().values()))
    where.add("e.production_status = ?", *v);
  if (auto insurer = query_id(query, "insurer_id"))
    where.add("EXISTS (SELECT 1 FROM policies fp WHERE fp.enterprise_id = e.id AND fp.insurer_org_id = ?)",
              *insurer);
  if (auto agency = query_id(query, "agency_id"))
    where.add(access::served_by_agencies(SqlFilter("sci.agency_org_id = ?", db::Params{*agency})));
  if (auto tag = query_text(query, "tag", 20))
    where.add("e.tags LIKE ? ESCAPE '\\'", db::like_contains(nlohmann::json(*tag).dump()));
  return where;
}

}  // namespace

SqlFilter enterprise_filter(db::Connection& db, const accounts::Actor& user,
                            const std::map<std::string, std::string>& query) {
  auto where = filter_but_search(db, user, query);
  if (auto q = query_text(query, "q")) where.add(holding(db, *q, enterprises_wait_for_search_index(db)));
  return where;
}

ListFilters enterprise_filters(db::Connection& db, const accounts::Actor& user,
                               const std::map<std::string, std::string>& query) {
  ListFilters out{filter_but_search(db, user, query), {}};
  out.paged = out.counted;
  if (auto q = query_text(query, "q")) {
    const bool waiting = enterprises_wait_for_search_index(db);
    out.counted.add(holding_for_total(db, *q, waiting));
    out.paged.add(common_text_on_each_row(db, *q).value_or(holding(db, *q, waiting)));
  }
  return out;
}

std::string enterprise_order(const std::map<std::string, std::string>& query) {
  static const std::set<std::string> sortable = {"name",        "credit_code", "created_at",   "updated_at",
                                                 "risk_level",  "-name",       "-credit_code", "-created_at",
                                                 "-updated_at", "-risk_level"};
  const auto sort = query_choice(query, "sort", sortable).value_or("-updated_at");
  const bool descending = sort.front() == '-';
  const auto key = descending ? sort.substr(1) : sort;
  // Risk levels sort by severity, not by spelling.
  const std::string column = key == "risk_level"
                                 ? "CASE e.risk_level WHEN 'major' THEN 3 WHEN 'larger' THEN 2 "
                                   "WHEN 'general' THEN 1 ELSE 0 END"
                                 : "e." + key;
  return column + (descending ? " DESC, e.id DESC" : ", e.id");
}

nlohmann::json enterprise_json(const db::Row& row) {
  auto out = record_json(record_from_row(row));
  out["id"] = row.integer("id");
  out["industry_name"] = industry_name_of(row.text("industry_code"));
  out["region_name"] = row.text("region_name");
  // An enterprise sitting in a district itself is in that district (not in its parent city).
  out["district_name"] = row.text(row.text("region_level") == "district" ? "region_name" : "district_name");
  out["park_name"] = json_text(row, "park_name");
  out["created_by_org_id"] = row.integer("created_by_org_id");
  // The HJ 941 label of the reviewed assessment that set risk_level (V027), "" when none did.
  out["risk_label"] = row.text("risk_label");
  out["archived"] = row.integer("archived") == 1;
  out["created_at"] = row.text("created_at");
  out["updated_at"] = row.text("updated_at");
  return out;
}

}  // namespace rw::registry
