#pragma once
// One page of a filtered list plus the total count, as every list endpoint returns it.
#include <nlohmann/json.hpp>

#include "platform/json_input.hpp"
#include "platform/sql_filter.hpp"

namespace rw {

struct PageOfRows {
  db::Rows rows;
  std::int64_t total = 0;
};

// `select_sql` and `count_sql` both end where the WHERE clause goes.
PageOfRows select_page(db::Connection& db, const std::string& select_sql, const std::string& count_sql,
                       const SqlFilter& where, const std::string& order_by, const Page& page);

// A list whose filter and order can be served by an index of its own table: the total and the page's ids are
// found from `from` alone (e.g. "enterprises e", often reading an index only), and only the page's rows are
// read with `select` (the display joins; ends where the WHERE clause goes), by `id` (e.g. "e.id").
struct DeferredList {
  const char* select;
  const char* from;
  const char* id;
};
PageOfRows select_page(db::Connection& db, const DeferredList& list, const SqlFilter& where,
                       const std::string& order_by, const Page& page);

// {"items": …, "total": …, "limit": …, "offset": …}
nlohmann::json page_json(nlohmann::json items, std::int64_t total, const Page& page);

}  // namespace rw
