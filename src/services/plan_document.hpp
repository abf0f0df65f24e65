#pragma once
// A service plan 服务方案 as a document (chengdu App. C's template: the enterprise, the service items with
// their measures and expected results, the training plan of table 1, the staff and the safeguards), rendered
// from the plan as GET /service-plans/{id} returns it. The enterprise's archive export files it.
#include <nlohmann/json_fwd.hpp>

#include "documents/document.hpp"

namespace rw::services {

documents::Document plan_document(const nlohmann::json& plan);

}  // namespace rw::services
