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

// {"items": …, "total": …, "limit": …, "offset": …}
nlohmann::json page_json(nlohmann::json items, std::int64_t total, const Page& page);

}  // namespace rw
