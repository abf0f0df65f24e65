#pragma once
// Who asks to take a step: the signed-in user with what the workflow tables ask of them (party type,
// permissions, the organizations they act for), computed once per request and reused for every object
// of a list.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/actor.hpp"
#include "platform/db/database.hpp"

namespace rw::workflow {

class Caller {
 public:
  // Reads the organizations below the user's own once.
  Caller(db::Connection& db, const accounts::Actor& user);
  // The user's organization and those below it, as given (unit tests).
  Caller(const accounts::Actor& user, std::vector<std::int64_t> org_subtree);

  const accounts::Actor& user() const { return user_; }
  // The user's organization is of one of these types (platform, insurer, agency, enterprise…).
  bool is(std::span<const std::string_view> party_types) const;
  bool has(std::string_view permission) const;
  // The organization is the user's own or below it, or the user is a platform admin.
  bool acts_for(std::int64_t org_id) const;
  bool acts_for(std::optional<std::int64_t> org_id) const { return org_id && acts_for(*org_id); }

 private:
  const accounts::Actor& user_;
  std::vector<std::string> permissions_;
  std::vector<std::int64_t> org_subtree_;
};

}  // namespace rw::workflow
