#pragma once
// Administrative regions 行政区划 (province, city, district, street): the operations of the platform admin
// who keeps the tree, and the reads of everyone who picks a region.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <string>

#include "accounts/operation.hpp"

namespace rw::registry {

// One page of regions in code order. Filters: parent_id, level, q (name or code); limit and offset.
nlohmann::json list_regions(const accounts::Operation& op, const std::map<std::string, std::string>& query);
nlohmann::json get_region(const accounts::Operation& op, std::int64_t id);
// From code, name, level, parent_id: a region's parent is of the level above; 409 on a code in use.
nlohmann::json create_region(const accounts::Operation& op, const nlohmann::json& fields);
// Code and name only: a region does not move in the tree.
nlohmann::json update_region(const accounts::Operation& op, std::int64_t id, const nlohmann::json& changes);
// 409 while sub-regions or organizations refer to it.
void delete_region(const accounts::Operation& op, std::int64_t id);

}  // namespace rw::registry
