#include "platform/paging.hpp"

#include <atomic>

namespace rw {
namespace {

std::atomic<std::int64_t> total_cap{kExactTotalCap};

// Reads at most one row past the cap: `tables` is what follows FROM.
Total capped_count(db::Connection& db, const std::string& tables, const SqlFilter& where) {
  const auto cap = exact_total_cap();
  const auto n = db.query("SELECT COUNT(*) AS n FROM (SELECT 1 AS one FROM " + tables + where.sql() +
                              " LIMIT ?) counted",
                          where.params_with({cap + 1}))[0]
                     .integer("n");
  return n > cap ? Total{cap, false} : Total{n, true};
}

}  // namespace

void set_exact_total_cap(std::int64_t cap) { total_cap = cap; }

std::int64_t exact_total_cap() { return total_cap.load(); }

PageOfRows select_page(db::Connection& db, const std::string& select_sql, const CountFrom& count,
                       const SqlFilter& where, const std::string& order_by, const Page& page) {
  PageOfRows out;
  out.total = capped_count(db, count.tables_for(where), where);
  out.rows = db.query(select_sql + where.sql() + " ORDER BY " + order_by + " LIMIT ? OFFSET ?",
                      where.params_with({page.limit, page.offset}));
  return out;
}

PageOfRows select_page(db::Connection& db, const DeferredList& list, const SqlFilter& where,
                       const std::string& order_by, const Page& page) {
  return select_page(db, list, ListFilters{where, where}, order_by, page);
}

PageOfRows select_page(db::Connection& db, const DeferredList& list, const ListFilters& filters,
                       const std::string& order_by, const Page& page) {
  PageOfRows out;
  out.total = capped_count(db, list.from.tables_for(filters.counted), filters.counted);
  const bool scan = list.scan_from && !out.total.exact && db.dialect() == db::Dialect::sqlite &&
                    order_by.rfind(list.id, 0) == 0;
  const std::string page_ids = std::string("SELECT ") + list.id + " FROM " +
                               (scan ? list.scan_from : list.from.tables_for(filters.paged, order_by)) +
                               filters.paged.sql() + " ORDER BY " + order_by + " LIMIT ? OFFSET ?";
  out.rows =
      db.query(std::string(list.select) + " WHERE " + list.id + " IN (" + page_ids + ") ORDER BY " + order_by,
               filters.paged.params_with({page.limit, page.offset}));
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
