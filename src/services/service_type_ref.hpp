#pragma once
// How commissions, plans and visits name the service types they were made with.
#include <nlohmann/json.hpp>

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

}  // namespace rw::services
