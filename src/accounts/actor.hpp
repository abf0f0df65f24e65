#pragma once
// Who acts in a request: the signed-in user, their organization and party type, what their roles allow,
// and (read once, then kept) the organizations and regions they reach.
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace rw::accounts {

inline const std::set<std::string> kRoles = {"admin",    "manager", "expert",         "technician",
                                             "reviewer", "viewer",  "enterprise_user"};
inline const std::set<std::string> kOrgTypes = {"platform", "regulator",  "insurer",
                                                "agency",   "enterprise", "park"};

struct Reach;

struct Actor {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  std::string phone;
  std::string email;
  std::int64_t org_id = 0;
  std::string org_name;
  std::string org_type;
  std::vector<std::string> roles;
  std::int64_t session_id = 0;
  std::string csrf_token;
  // The organizations and regions the user reaches, read on first use and kept for the request
  // (accounts/scope.hpp).
  mutable std::shared_ptr<const Reach> reach;
  // The reference generations the request's session statement read (V058): while they hold, the reach and
  // the working calendar kept in the process are current. A reading request has both. A writing request
  // (`writes`) has the reach's, and uses and keeps reaches only after reading that the number has not moved
  // (accounts/scope.cpp); it reads the calendar afresh. Actors that no request signed in (jobs, the CLI) have
  // neither and read afresh.
  std::optional<std::int64_t> reach_generation;
  std::optional<std::int64_t> calendar_generation;
  bool writes = false;

  bool has_role(std::string_view role) const;
  bool is_platform_admin() const { return org_type == "platform" && has_role("admin"); }
};

// Permission codes shared with the web app's menu and v-perm directive.
std::vector<std::string> permissions_for(const Actor& user);
bool has_permission(const Actor& user, std::string_view permission);
// 403 unless the user has the permission.
void require_permission(const Actor& user, std::string_view permission);

}  // namespace rw::accounts
