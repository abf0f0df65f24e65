#include "workflow/caller.hpp"

#include <algorithm>

#include "accounts/scope.hpp"

namespace rw::workflow {

Caller::Caller(db::Connection& db, const accounts::Actor& user)
    : Caller(user, accounts::reach_of(db, user).org_ids) {}

Caller::Caller(const accounts::Actor& user, std::vector<std::int64_t> org_subtree)
    : user_(user), permissions_(accounts::permissions_for(user)), org_subtree_(std::move(org_subtree)) {}

bool Caller::is(std::span<const std::string_view> party_types) const {
  return std::find(party_types.begin(), party_types.end(), user_.org_type) != party_types.end();
}

bool Caller::has(std::string_view permission) const {
  return std::find(permissions_.begin(), permissions_.end(), permission) != permissions_.end();
}

bool Caller::acts_for(std::int64_t org_id) const {
  return user_.is_platform_admin() ||
         std::find(org_subtree_.begin(), org_subtree_.end(), org_id) != org_subtree_.end();
}

}  // namespace rw::workflow
