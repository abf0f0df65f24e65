#pragma once
// The reads of the GB/T 4754-2017 industry table (industries.hpp) that pickers and filters use.
#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>

namespace rw::registry {

struct IndustryQuery {
  std::optional<std::string> parent;  // only the children of this code
  std::optional<std::string> q;       // only classes whose code starts with it or whose name contains it
};

// {items, total} in the standard's order: the whole table (about 2,000 rows) without filters.
nlohmann::json list_industries(const IndustryQuery& query);

}  // namespace rw::registry
