#pragma once
// The records every product write leaves behind, written the way the product writes them: an audit
// entry per change (audit/audit_log.cpp), a status event and its audit entry per workflow step
// (workflow/engine.cpp), and in-app notifications (notify/notification_store.cpp).
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "benchdata/bulk_insert.hpp"
#include "benchdata/world.hpp"

namespace rw::benchdata {

struct Note {
  std::string kind;
  std::string title;
  std::string title_en;
  std::string body;
  std::string body_en;
  std::string object_type;
  std::int64_t object_id = 0;
};

class Records {
 public:
  Records(WriteBehind& out, World& world);

  void audit(const std::string& at, std::int64_t user_id, std::optional<std::int64_t> org_id,
             const std::string& entity, std::int64_t entity_id, const std::string& action,
             const nlohmann::json& changes);
  // A status-changing step: the status history row and the audit entry of the change.
  void step(const std::string& object_type, std::int64_t object_id, std::optional<std::int64_t> audit_org,
            const std::string& action, const std::string& from, const std::string& to,
            const std::string& reason, std::int64_t user_id, const std::string& at);
  // One notification per distinct user; older ones are mostly read.
  void notify(std::vector<std::int64_t> user_ids, const Note& note, Day day, int minute);
  void flush();

 private:
  World& world_;
  BulkInsert audit_;
  BulkInsert events_;
  BulkInsert notifications_;
};

}  // namespace rw::benchdata
