#pragma once
// Notices 文书 as each caller may see and change them: drafted from a visit's hazards or by hand, edited
// while a draft, listed and opened (with their hazards, receipt, history and `actions`), and rendered as PDF
// or Word from the stored record. Issuing, receiving and cancelling are the workflow's steps
// (notice_flow.hpp). No HTTP.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <string>

#include "accounts/operation.hpp"
#include "platform/files/file_store.hpp"

namespace rw::notices {

// One page of the notices the actor may see, newest first. Filters: kind, status, enterprise_id, visit_id,
// issuer_org_id; limit, offset.
nlohmann::json list_notices(const accounts::Operation& op, const std::map<std::string, std::string>& query);
// The notice with its hazards, receipt, status history and `actions`.
nlohmann::json get_notice(const accounts::Operation& op, std::int64_t id);

// POST /notices {kind, enterprise_id, hazard_ids?, …fields}: a draft issued by the caller's organization, of
// a kind it issues (notice_rules.hpp), to an enterprise it sees.
nlohmann::json create_notice(const accounts::Operation& op, const nlohmann::json& body);
// POST /visits/{id}/notices {kind, hazard_ids?, …fields}: a draft by the visit's agency to the visit's
// enterprise, listing the hazards given — by default those of the visit not yet told to the enterprise.
nlohmann::json create_visit_notice(const accounts::Operation& op, std::int64_t visit_id,
                                   const nlohmann::json& body);
// PATCH /notices/{id}: the fields given (null clears one) and hazard_ids, while a draft.
nlohmann::json update_notice(const accounts::Operation& op, std::int64_t id, const nlohmann::json& body);

// The notice as a document ("pdf" or "docx", else 422 unknown_format): a draft says 草稿 where the number
// goes; an issued one carries its number and date, a received one the signature drawn on the phone.
struct RenderedNotice {
  std::string bytes;
  std::string ascii_name;  // notice-12, without extension
  std::string name;  // 环境隐患（问题）整改预警提示单_锡环科预警〔2026〕0001号_…, without extension
};
RenderedNotice render_notice(const accounts::Operation& op, const files::FileStore& store, std::int64_t id,
                             const std::string& format);

}  // namespace rw::notices
