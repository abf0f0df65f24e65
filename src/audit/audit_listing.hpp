#pragma once
// Reading the audit log: the entries the actor may see (its organization's, everything for a platform admin).
#include <nlohmann/json.hpp>

#include <map>
#include <string>

#include "accounts/operation.hpp"

namespace rw::audit {

// One page, newest first, filtered by entity, entity id, user, action and a time range (from, to).
nlohmann::json list_entries(const accounts::Operation& op, const std::map<std::string, std::string>& query);

}  // namespace rw::audit
