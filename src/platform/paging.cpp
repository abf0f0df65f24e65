#include "platform/paging.hpp"

#include <algorithm>
#include <atomic>

namespace rw {
namespace {

std::atomic<std::int64_t> total_cap{kExactTotalCap};

Total capped_count(db::Connection& db, const std::string& tables, const SqlFilter& where) {
  return count_up_to(db, tables, where, exact_total_cap());
}

// count_up_to's statement, and the total its rows give.
db::Statement counting(const std::string& tables, const SqlFilter& where, std::int64_t cap) {
  return {"SELECT COUNT(*) AS n FROM (SELECT 1 AS one FROM " + tables + where.sql() + " LIMIT ?) counted",
          where.params_with({cap + 1})};
}
Total total_of(const db::Rows& counted, std::int64_t cap) {
  const auto n = counted[0].integer("n");
  return n > cap ? Total{cap, false} : Total{n, true};
}

// Whether the page walks `scan_from` in its order instead of gathering the matching rows to sort them.
bool walks_in_order(db::Connection& db, const DeferredList& list, const Total& total,
                    const std::string& order_by, const Page& page) {
  if (!list.scan_from || db.dialect() != db::Dialect::sqlite) return false;
  if (order_by.rfind(list.scan_order ? list.scan_order : list.id, 0) != 0) return false;
  if (list.scan_at_total == 0) return !total.exact;
  // A walk to a page far down the list passes most rows of the table: sorting the matches costs less.
  return total.count >= list.scan_at_total && (page.offset + page.limit) * 10 <= total.count;
}

// Whether the page is in id order, which PostgreSQL may gather by what the total is (gathers_matches): in
// any other order the page's statement does not depend on the total.
bool gathers_by_id(const DeferredList& list, const std::string& order_by) {
  return order_by == list.id || order_by == std::string(list.id) + " DESC";
}

// PostgreSQL, a page of a list in id order whose total was counted exactly: the matching rows are gathered
// through the filter's indexes and sorted, behind a fence (OFFSET 0) the planner does not look through. Left
// to itself it may walk the primary key back from the newest row, testing each, and pass most of the table
// when the matches are old ones (an insurer's commission items: 84,681 rows read for a page of 20, 44 ms;
// gathered, 4.1 ms). Gathering costs about what counting them to the exact total did. Not for a list that
// SQLite walks from `scan_at_total` matches on: there the walk is short (an insurer's 6,333 reminders: 0.7
// ms walked, 48 ms gathered through a scan of every notice).
bool gathers_matches(db::Connection& db, const DeferredList& list, const Total& total,
                     const std::string& order_by) {
  return db.dialect() == db::Dialect::postgresql && total.exact &&
         (list.scan_at_total == 0 || total.count < list.scan_at_total) && gathers_by_id(list, order_by);
}

// The ids of the page, in its order.
std::string page_ids_sql(db::Connection& db, const DeferredList& list, const ListFilters& filters,
                         const std::string& order_by, const Page& page, const Total& total) {
  const CountFrom from = walks_in_order(db, list, total, order_by, page)
                             ? CountFrom{list.scan_from, list.from.joins}
                             : list.from;
  const std::string matching = std::string("SELECT ") + list.id + " FROM " +
                               from.tables_for(filters.paged, order_by) + filters.paged.sql();
  if (!gathers_matches(db, list, total, order_by))
    return matching + " ORDER BY " + order_by + " LIMIT ? OFFSET ?";
  return "SELECT id FROM (" + matching + " OFFSET 0) matching ORDER BY id" +
         (order_by.ends_with(" DESC") ? " DESC" : "") + " LIMIT ? OFFSET ?";
}

}  // namespace

// Reads at most one row past the cap.
Total count_up_to(db::Connection& db, const std::string& tables, const SqlFilter& where, std::int64_t cap) {
  return total_of(db.query(counting(tables, where, cap)), cap);
}

void set_exact_total_cap(std::int64_t cap) { total_cap = cap; }

std::int64_t exact_total_cap() { return total_cap.load(); }

std::int64_t common_text_hits() { return std::max<std::int64_t>(exact_total_cap() / 5, 1); }

PageOfRows select_page(db::Connection& db, const std::string& select_sql, const CountFrom& count,
                       const SqlFilter& where, const std::string& order_by, const Page& page) {
  const db::PlanEachRun planned(db);
  const auto cap = exact_total_cap();
  auto parts = db.query_each({counting(count.tables_for(where), where, cap),
                              {select_sql + where.sql() + " ORDER BY " + order_by + " LIMIT ? OFFSET ?",
                               where.params_with({page.limit, page.offset})}});
  return {std::move(parts[1]), total_of(parts[0], cap)};
}

PageOfRows select_page(db::Connection& db, const DeferredList& list, const SqlFilter& where,
                       const std::string& order_by, const Page& page) {
  return select_page(db, list, ListFilters{where, where}, order_by, page);
}

PageOfRows select_page(db::Connection& db, const DeferredList& list, const ListFilters& filters,
                       const std::string& order_by, const Page& page) {
  PageOfRows out;
  const auto params = filters.paged.params_with({page.limit, page.offset});
  std::vector<std::int64_t> ids;
  {
    const db::PlanEachRun planned(db);
    const auto counted_tables = list.from.tables_for(filters.counted);
    if (db.dialect() == db::Dialect::postgresql && !gathers_by_id(list, order_by)) {
      // The page's ids do not depend on the total here: both statements go out together.
      const auto cap = exact_total_cap();
      const auto parts = db.query_each({counting(counted_tables, filters.counted, cap),
                                        {page_ids_sql(db, list, filters, order_by, page, Total{}), params}});
      out.total = total_of(parts[0], cap);
      ids = parts[1].integers("id");
    } else {
      out.total = capped_count(db, counted_tables, filters.counted);
      const auto ids_sql = page_ids_sql(db, list, filters, order_by, page, out.total);
      if (db.dialect() == db::Dialect::sqlite) {
        out.rows = db.query(
            std::string(list.select) + " WHERE " + list.id + " IN (" + ids_sql + ") ORDER BY " + order_by,
            params);
        return out;
      }
      ids = db.query(ids_sql, params).integers("id");
    }
  }
  // PostgreSQL: the page's rows by their ids, in a statement prepared once per connection and planned once
  // for all ids (db::PlanOnce). Planned with the filter's values each time, the rows' joins cost more to plan
  // than to read (a page of checklists joins four tables and counts two: 0.65 ms to plan, 0.06 ms to run).
  // SQLite plans quickly and reads the page in one statement.
  const db::PlanOnce planned_once(db);
  const auto in_page = in_id_set(db.dialect(), list.id, json_id_array(ids));
  out.rows = db.query(std::string(list.select) + in_page.sql() + " ORDER BY " + order_by, in_page.params());
  return out;
}

nlohmann::json page_json(nlohmann::json items, const Total& total, const Page& page) {
  return {{"items", std::move(items)},
          {"total", total.count},
          {"total_exact", total.exact},
          {"limit", page.limit},
          {"offset", page.offset}};
}

}  // namespace rw
