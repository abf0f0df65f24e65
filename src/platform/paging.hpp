#pragma once
// One page of a filtered list plus its total, as every list endpoint returns it.
#include <nlohmann/json.hpp>

#include "platform/json_input.hpp"
#include "platform/sql_filter.hpp"

namespace rw {

// Totals are counted exactly up to this many rows; beyond, a list answers the cap and says the total is not
// exact, so that a page of a large list does not read every matching row only to count them.
inline constexpr std::int64_t kExactTotalCap = 10'000;
// The cap this server counts to (`serve --count-cap`, so tests pass it with a few rows).
void set_exact_total_cap(std::int64_t cap);
std::int64_t exact_total_cap();
// How many hits of a text index make a search's text common (a fifth of the cap, at least 1): past it, a list
// tests the text on each row as it walks its order, which soon finds a page, instead of gathering and sorting
// every hit.
std::int64_t common_text_hits();

struct Total {
  std::int64_t count = 0;
  bool exact = true;  // false: more than `count` rows match
};

// How many rows of `tables` (what follows FROM) match `where`, read up to `cap`: beyond it {cap, false}.
Total count_up_to(db::Connection& db, const std::string& tables, const SqlFilter& where, std::int64_t cap);

struct PageOfRows {
  db::Rows rows;
  Total total;
};

// `select_sql` (the display joins) ends where the WHERE clause goes; the total counts `count`.
PageOfRows select_page(db::Connection& db, const std::string& select_sql, const CountFrom& count,
                       const SqlFilter& where, const std::string& order_by, const Page& page);

// A list whose filter and order can be served by an index of its own table: the total and the page's ids are
// found from `from` alone (e.g. "enterprises e", often reading an index only; a join only when a filter reads
// it, or when the order does: then for the page's ids, not the total), and only the page's rows are read with
// `select` (the display joins; ends where the WHERE clause goes), by `id` (e.g. "e.id").
//
// `scan_from` (SQLite only, optional) is the same table read in id order ("inspections i NOT INDEXED", or an
// index that leads with the id: "hazards h INDEXED BY hazards_by_id"), for a page ordered by the id when
// more rows match than the total counts to: ten thousand matching rows make a page of newest ids a short walk
// back from the end of the table, where an index of the filter (an enterprise among the thousands a regulator
// oversees) would gather every match to sort it.
// A list ordered by another index (`scan_order`, the order `scan_from` reads in) walks it when at least
// `scan_at_total` rows match and the page is in their first tenth: a first page of a party that sees a
// thousand service plans is a few dozen steps of the year-and-name index, where gathering them sorts them
// all.
// PostgreSQL's planner makes that choice itself.
struct DeferredList {
  const char* select;
  CountFrom from;
  const char* id;
  const char* scan_from = nullptr;
  const char* scan_order = nullptr;  // none: by `id`
  std::int64_t scan_at_total = 0;    // none: more rows than the total counts to
};
PageOfRows select_page(db::Connection& db, const DeferredList& list, const SqlFilter& where,
                       const std::string& order_by, const Page& page);

// Two filters of the same rows: `counted` for the total, `paged` for the page's ids, where the planner finds
// a page faster by another condition (the enterprise search tests a common text on each row while it walks
// the index of the order, and counts the text index's hits).
struct ListFilters {
  SqlFilter counted;
  SqlFilter paged;
};
PageOfRows select_page(db::Connection& db, const DeferredList& list, const ListFilters& filters,
                       const std::string& order_by, const Page& page);

// {"items": …, "total": …, "total_exact": …, "limit": …, "offset": …}
nlohmann::json page_json(nlohmann::json items, const Total& total, const Page& page);

}  // namespace rw
