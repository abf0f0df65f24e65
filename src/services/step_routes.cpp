#include "services/step_routes.hpp"

#include "audit/audit_log.hpp"

namespace rw::services {

void audit_journal(api::Context& context, const workflow::Journal& journal) {
  for (const auto& change : journal)
    audit::record(context.op(),
                  {change.entity, std::to_string(change.id), "update", change.org_id, change.changes});
}

}  // namespace rw::services
