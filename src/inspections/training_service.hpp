#pragma once
// On-site training records (检训合一, wuxi 第十条: training given during the visit): topic, trainer,
// attendees (name, role, a drawn signature or the photo of a sign-in sheet), duration, photos and feedback.
// The visit's team or agency records them while the visit is under way or done; whoever sees the visit sees
// them.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>

#include "accounts/operation.hpp"

namespace rw::inspections {

// {items: [...]} of the visit (404 unless the visit is visible).
nlohmann::json list_training_records(const accounts::Operation& op, std::int64_t visit_id);
// {topic, trainer, attendees: [{name, role?, signature_file_id?}], duration_minutes, sign_in_sheet_file_id?,
// photos?, feedback?, client_id?}; the same client_id again returns the record made the first time.
nlohmann::json create_training_record(const accounts::Operation& op, std::int64_t visit_id,
                                      const nlohmann::json& body);
// Replaces the record's fields (the same body without client_id).
nlohmann::json update_training_record(const accounts::Operation& op, std::int64_t id,
                                      const nlohmann::json& body);

}  // namespace rw::inspections
