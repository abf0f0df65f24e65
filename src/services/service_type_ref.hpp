#pragma once
// How commissions, plans and visits name the service types they were made with.
#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "platform/db/database.hpp"
#include "services/catalog.hpp"

namespace rw::services {

inline nlohmann::json service_type_ref(const ServiceRules& rules) {
  return {{"id", rules.type_id},
          {"version_id", rules.version_id},
          {"version", rules.version},
          {"code", rules.code},
          {"name_zh", rules.name_zh},
          {"name_en", rules.name_en},
          {"upload_working_days",
           rules.upload_working_days ? nlohmann::json(*rules.upload_working_days) : nlohmann::json()}};
}

// service_type_ref of each of the given versions, in the order given. What a ref shows of a version never
// changes once it is committed (a type's code, the version's names and upload rule), so the process keeps
// the refs it read outside a transaction and reads only the others: a visit, a page of visits, commissions
// or plans read the catalog once per request otherwise, a round trip on PostgreSQL.
std::vector<nlohmann::json> service_type_refs(db::Connection& db,
                                              const std::vector<std::int64_t>& version_ids);

}  // namespace rw::services
