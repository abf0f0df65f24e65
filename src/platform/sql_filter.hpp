#pragma once
// Builds a WHERE clause from optional conditions, keeping SQL and its parameters together.
#include <string>
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
};

}  // namespace rw

namespace rw {

// "?, ?, ?" for an IN list of n values (n ≥ 1).
inline std::string placeholders(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
  return out;
}

}  // namespace rw
