#include "platform/paging.hpp"

namespace rw {

PageOfRows select_page(db::Connection& db, const std::string& select_sql, const std::string& count_sql,
                       const SqlFilter& where, const std::string& order_by, const Page& page) {
  PageOfRows out;
  out.total = db.query(count_sql + where.sql(), where.params())[0].integer("n");
  out.rows = db.query(select_sql + where.sql() + " ORDER BY " + order_by + " LIMIT ? OFFSET ?",
                      where.params_with({page.limit, page.offset}));
  return out;
}

PageOfRows select_page(db::Connection& db, const DeferredList& list, const SqlFilter& where,
                       const std::string& order_by, const Page& page) {
  const std::string from = std::string(" FROM ") + list.from + where.sql();
  const std::string page_ids =
      std::string("SELECT ") + list.id + from + " ORDER BY " + order_by + " LIMIT ? OFFSET ?";
  PageOfRows out;
  out.total = db.query("SELECT COUNT(*) AS n" + from, where.params())[0].integer("n");
  out.rows =
      db.query(std::string(list.select) + " WHERE " + list.id + " IN (" + page_ids + ") ORDER BY " + order_by,
               where.params_with({page.limit, page.offset}));
  return out;
}

nlohmann::json page_json(nlohmann::json items, std::int64_t total, const Page& page) {
  return {{"items", std::move(items)}, {"total", total}, {"limit", page.limit}, {"offset", page.offset}};
}

}  // namespace rw
