#pragma once
// The authenticity flags of a photo, for those who review its owner (authenticity_rules.hpp has the rules).
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>

#include "accounts/operation.hpp"

namespace rw::files {

// The flags of the file seen through one of its owners: {file_id, owner_kind, owner_id, flags: [{code,
// message, message_en}]}. 404 unless the caller sees the owner and the file is attached to it.
nlohmann::json file_flags(const accounts::Operation& op, std::int64_t file_id, const std::string& kind,
                          std::int64_t owner_id);

}  // namespace rw::files
