#pragma once
// The organizations a policy, staff member, commission, plan or visit names: whether an id is one of the
// type it must be.
#include <cstdint>

#include "platform/db/database.hpp"

namespace rw::registry {

// An organization of `type` (agency, insurer), active or not.
bool is_org_of_type(db::Connection& db, std::int64_t org_id, const char* type);
// … and active.
bool is_active_org(db::Connection& db, std::int64_t org_id, const char* type);

}  // namespace rw::registry
