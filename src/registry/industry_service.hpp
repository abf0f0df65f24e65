#pragma once
// The reads of the GB/T 4754-2017 industry table (industries.hpp) that pickers and filters use.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace rw::registry {

struct IndustryQuery {
  std::optional<std::string> parent;  // only the children of this code
  std::optional<std::string> q;       // only classes whose code starts with it or whose name contains it
  std::optional<int> level;  // only this level (1 门类 … 4 小类): level 1 is a picker's top level
  // A page of the matches; without one, all of them (the whole table, about 1,700 rows, without filters).
  std::optional<std::int64_t> limit;
  std::int64_t offset = 0;
};

// {items, total} in the standard's order (a code before the codes under it); total counts every match.
nlohmann::json list_industries(const IndustryQuery& query);

}  // namespace rw::registry
