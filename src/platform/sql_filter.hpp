#pragma once
// Builds a WHERE clause from optional conditions, keeping SQL and its parameters together.
#include <cctype>
#include <initializer_list>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "platform/db/database.hpp"

namespace rw {

class SqlFilter {
 public:
  SqlFilter() = default;
  SqlFilter(std::string condition, db::Params params) { add(std::move(condition), std::move(params)); }

  void add(std::string condition, db::Params params) {
    conditions_.push_back(std::move(condition));
    for (auto& p : params) params_.push_back(std::move(p));
  }
  void add(std::string condition, db::Value param) {
    add(std::move(condition), db::Params{std::move(param)});
  }
  void add(const SqlFilter& other) {
    for (const auto& c : other.conditions_) conditions_.push_back(c);
    for (const auto& p : other.params_) params_.push_back(p);
    joined_.insert(other.joined_.begin(), other.joined_.end());
  }
  // A condition that reads a table the list joins, named by its alias ("e"): a count, which leaves out the
  // joins no condition reads, keeps this one (platform/paging.hpp).
  void add_on_joined(std::string_view alias, std::string condition, db::Params params) {
    add(std::move(condition), std::move(params));
    joined_.emplace(alias);
  }
  void add_on_joined(std::string_view alias, const SqlFilter& other) {
    add(other);
    joined_.emplace(alias);
  }
  bool reads_joined(std::string_view alias) const { return joined_.count(alias) > 0; }

  // The filters joined by OR; each must have at least one condition.
  static SqlFilter any_of(const std::vector<SqlFilter>& alternatives) {
    SqlFilter out;
    std::string condition;
    for (const auto& alternative : alternatives) {
      condition += (condition.empty() ? "" : " OR ") + alternative.condition();
      for (const auto& p : alternative.params_) out.params_.push_back(p);
      out.joined_.insert(alternative.joined_.begin(), alternative.joined_.end());
    }
    out.conditions_.push_back(condition);
    return out;
  }

  // `key` among the keys of `table` ("service_plans sp") that match any of the alternatives, their UNION;
  // each alternative reads only `table`.
  static SqlFilter key_in_union(std::string_view key, std::string_view table,
                                const std::vector<SqlFilter>& alternatives) {
    SqlFilter out;
    std::string selects;
    for (const auto& alternative : alternatives) {
      selects += std::string(selects.empty() ? "" : " UNION ") + "SELECT " + std::string(key) + " FROM " +
                 std::string(table) + " WHERE " + alternative.condition();
      for (const auto& p : alternative.params_) out.params_.push_back(p);
    }
    out.conditions_.push_back(std::string(key) + " IN (" + selects + ")");
    return out;
  }

  // " WHERE a AND b", or "" when there are no conditions.
  std::string sql() const {
    std::string out;
    for (const auto& c : conditions_) out += (out.empty() ? " WHERE (" : " AND (") + c + ")";
    return out;
  }
  // Just the conditions joined by AND ("1 = 1" when empty), for use inside a larger WHERE.
  std::string condition() const {
    if (conditions_.empty()) return "1 = 1";
    std::string out;
    for (const auto& c : conditions_) out += (out.empty() ? "(" : " AND (") + c + ")";
    return out;
  }
  const db::Params& params() const { return params_; }
  db::Params params_with(db::Params extra) const {
    db::Params all = params_;
    for (auto& p : extra) all.push_back(std::move(p));
    return all;
  }

 private:
  std::vector<std::string> conditions_;
  db::Params params_;
  std::set<std::string, std::less<>> joined_;
};

// A table a list's rows are joined with (`sql`, "JOIN enterprises e ON …"), named by its alias ("e").
struct Join {
  const char* alias;
  const char* sql;
};

// What a list counts: the record's own table ("policies p") and the joins that a filter may read. A count
// joins only those whose alias the filter reads (SqlFilter::add_on_joined): each follows a required
// foreign key, so leaving it out neither drops nor repeats a row.
struct CountFrom {
  const char* table;
  std::vector<Join> joins = {};

  // The FROM clause's tables for this filter, and for this order when rows are sorted by a joined column.
  std::string tables_for(const SqlFilter& where, std::string_view order_by = {}) const {
    std::string out = table;
    for (const auto& join : joins)
      if (where.reads_joined(join.alias) || names_alias(order_by, join.alias))
        out += std::string(" ") + join.sql;
    return out;
  }

  // Whether `sql` reads a column of `alias` ("e.name" reads e, "sp.name" does not).
  static bool names_alias(std::string_view sql, std::string_view alias) {
    const auto is_name_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    for (auto at = sql.find(alias); at != std::string_view::npos; at = sql.find(alias, at + 1))
      if ((at == 0 || !is_name_char(sql[at - 1])) && sql.substr(at + alias.size(), 1) == ".") return true;
    return false;
  }
};

}  // namespace rw

namespace rw {

// `column` IN a set of ids passed as one parameter (a JSON array), so the statement's text is the same
// whatever the set: prepared statements are reused and no id is ever pasted into SQL. PostgreSQL gets the
// set as an array: it plans `= ANY(array)` with the array's values (row estimates, index keys, a hash
// table for a long one), where a set from json_array_elements_text under an OR is a subplan it guesses
// at 100 rows and tests on every row of the table.
inline SqlFilter in_id_set(db::Dialect dialect, std::string_view column, const std::string& ids_json) {
  if (dialect == db::Dialect::sqlite)
    return SqlFilter(std::string(column) + " IN (SELECT value FROM json_each(?))", db::Params{ids_json});
  std::string ids_array("{");  // "[1,2,3]" -> "{1,2,3}"
  ids_array.append(ids_json, 1, ids_json.size() - 2).push_back('}');
  return SqlFilter(std::string(column) + " = ANY(CAST(? AS BIGINT[]))", db::Params{std::move(ids_array)});
}

// The rows where any of `columns` holds `text`, ignoring the case of ASCII letters (db::like_ignoring_case).
inline SqlFilter any_column_holds(db::Dialect dialect, std::initializer_list<std::string_view> columns,
                                  std::string_view text) {
  std::string condition;
  db::Params params;
  for (auto column : columns) {
    condition += (condition.empty() ? "" : " OR ") + db::like_ignoring_case(dialect, column, text);
    params.emplace_back(db::like_contains(text));
  }
  return SqlFilter(std::move(condition), std::move(params));
}

// "[1,2,3]"
inline std::string json_id_array(const std::vector<std::int64_t>& ids) {
  std::string out = "[";
  for (auto id : ids) {
    if (out.size() > 1) out += ',';
    out += std::to_string(id);
  }
  return out + "]";
}

// "?, ?, ?" for an IN list of n values (n ≥ 1).
inline std::string placeholders(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
  return out;
}

}  // namespace rw
