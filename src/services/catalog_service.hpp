#pragma once
// The service catalog 服务目录: every signed-in user reads it; platform admins edit it, each change of a
// type's rules making a new version, so services made with the old one keep their rules.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <string>

#include "accounts/operation.hpp"

namespace rw::services {

// {items}: every class in the catalog's order, or those of ?source=.
nlohmann::json list_service_classes(const accounts::Operation& op,
                                    const std::map<std::string, std::string>& query);
// One page of types as they stand. Filters: source, class_code, insurance_type, on_site, active, q (name
// or code); limit and offset.
nlohmann::json list_service_types(const accounts::Operation& op,
                                  const std::map<std::string, std::string>& query);
// The type with the summaries of its versions.
nlohmann::json get_service_type(const accounts::Operation& op, std::int64_t id);
nlohmann::json get_service_type_version(const accounts::Operation& op, std::int64_t id, std::int64_t version);
// From its fields (service_type_keys): 422 with every error, 409 on a code in use.
nlohmann::json create_service_type(const accounts::Operation& op, const nlohmann::json& fields);
// The given fields over the current ones; the code never changes. A change of any rule adds a version;
// the class and the active switch change in place.
nlohmann::json update_service_type(const accounts::Operation& op, std::int64_t id,
                                   const nlohmann::json& changes);

}  // namespace rw::services
