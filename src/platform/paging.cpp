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

nlohmann::json page_json(nlohmann::json items, std::int64_t total, const Page& page) {
  return {{"items", std::move(items)}, {"total", total}, {"limit", page.limit}, {"offset", page.offset}};
}

}  // namespace rw
