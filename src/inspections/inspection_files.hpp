#pragma once
// The files of an inspection as owners the files capability knows (files/owner_kinds.hpp): each is visible
// to exactly whoever may see the inspection (the access model's kInspection), and the authenticity checks
// read the inspection's enterprise and its visit's days.
//   "inspection"            the inspection: its answers' photos (an answer has no id of its own), and files
//                           its team attaches while it may answer (a reviewer while it may amend)
//   "inspection_finding"    a finding recorded by hand: its photos (a raised finding's are its answer's)
//   "inspection_signature"  the inspection: the representative's signature drawn on the phone
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string_view>
#include <vector>

#include "accounts/operation.hpp"
#include "forms/template.hpp"

namespace rw::inspections {

inline constexpr std::string_view kInspectionFiles = "inspection";
inline constexpr std::string_view kFindingFiles = "inspection_finding";
inline constexpr std::string_view kSignatureFiles = "inspection_signature";

// Registers the three kinds; once at start (add_inspection_routes), and by the demo seeding.
void register_inspection_file_kinds();

// Link the files a saved record names, each checked first (files::link_named, files::require_own_drawing):
// an answer's photos (and a photo item's value), a hand-recorded finding's photos, the signature.
void link_answer_files(const accounts::Operation& op, std::int64_t id, std::int64_t enterprise_id,
                       const forms::Item& item, const nlohmann::json& answer);
void link_finding_files(const accounts::Operation& op, std::int64_t finding_id, std::int64_t enterprise_id,
                        const std::vector<std::int64_t>& photos);
void link_signature(const accounts::Operation& op, std::int64_t id, std::int64_t enterprise_id,
                    std::int64_t file_id);

// {items: [{file_id, owner_kind, owner_id, flags: [{code, message, message_en}]}]}: the authenticity flags
// of every photo of the inspection and of its findings (404 unless the inspection is visible).
nlohmann::json inspection_photo_flags(const accounts::Operation& op, std::int64_t id);

}  // namespace rw::inspections
