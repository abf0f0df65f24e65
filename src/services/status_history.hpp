#pragma once
// Every status change of a commission item, plan or visit: who, when, from what to what, and why.
// Kept in status_events (for the object's own history) and in the audit log (for oversight).
#include <cstdint>
#include <optional>
#include <string>

#include "app/context.hpp"

namespace rw::services {

struct StatusChange {
  std::string object_type;  // commission_item | service_plan | visit
  std::int64_t object_id = 0;
  std::string action;
  std::string from;
  std::string to;
  std::string reason;
};

void record_status_change(app::Context& context, const StatusChange& change,
                          std::optional<std::int64_t> org_id);

// [{action, from, to, reason, user: {id, name}, at}] oldest first.
nlohmann::json status_history(db::Connection& db, const std::string& object_type, std::int64_t object_id);

}  // namespace rw::services
