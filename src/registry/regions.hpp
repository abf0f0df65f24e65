#pragma once
#include "api/context.hpp"

namespace rw::registry {

inline const std::set<std::string> kRegionLevels = {"province", "city", "district", "street"};

// The level a parent of `level` must have; "" for a province (no parent).
std::string parent_level(const std::string& level);

void add_region_routes(api::Routes& routes);

}  // namespace rw::registry
