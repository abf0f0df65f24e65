#include "services/step_service.hpp"

#include "audit/audit_log.hpp"

namespace rw::services {

void audit_journal(const accounts::Operation& op, const workflow::Journal& journal) {
  for (const auto& change : journal)
    audit::record(op, {change.entity, std::to_string(change.id), "update", change.org_id, change.changes});
}

}  // namespace rw::services
