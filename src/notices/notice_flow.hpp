#pragma once
// The life of a notice as a workflow table (notice_flow.cpp):
//   draft (the issuer edits it; or cancels it → cancelled) → issued (the issuer issues it: the number is
//   taken in the same transaction, and each linked hazard not yet told takes its `notify` step with the
//   notice's deadline) → received (the enterprise signs on a phone, or the issuer records the signed paper's
//   scan).
#include <cstdint>
#include <optional>
#include <string>

#include "platform/db/database.hpp"
#include "workflow/machine.hpp"

namespace rw::notices {

struct NoticeState {
  std::int64_t id = 0;
  std::string status;
  std::string kind;
  std::int64_t issuer_org_id = 0;
  std::int64_t enterprise_id = 0;
  std::optional<std::int64_t> enterprise_org_id;  // the enterprise's own organization, once it has one
  db::Row row;                                    // of kSelectNotice
};

// The notice as the actor may see it (404 otherwise).
NoticeState load_notice(db::Connection& db, const accounts::Actor& user, std::int64_t id);

const workflow::Machine<NoticeState>& notice_machine();

// Files attached to notices (a receipt's signature or scan) are visible to whoever sees the notice.
void register_notice_file_kind();

}  // namespace rw::notices
