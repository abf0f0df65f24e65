#pragma once
// Notice numbering: the patterns an issuing organization sets per notice kind, and the number a notice
// takes when it is issued.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>

#include "accounts/operation.hpp"
#include "platform/clock.hpp"

namespace rw::notices {

// The number the notice of `kind` that `org_id` issues now gets, taken in the caller's write transaction
// (which must commit with the notice, or give the number back by rolling back); "" when the organization's
// pattern for the kind is empty (no counter moves). The year is the China date's.
std::string take_number(db::Connection& db, const Clock& clock, std::int64_t org_id, const std::string& kind);

// [{kind, pattern, is_default, next_number}] for every kind: the organization's own or visible to the actor
// with org:read (404 otherwise). next_number is what the next issue would get, null for an empty pattern.
nlohmann::json numbering_of(const accounts::Operation& op, std::int64_t org_id);

// Sets the pattern of one kind from {"pattern": "…"} (number_rules: 422 with the rule broken); who may
// change the organization may (403), unknown kinds are 404.
nlohmann::json set_numbering(const accounts::Operation& op, std::int64_t org_id, const std::string& kind,
                             const nlohmann::json& body);

}  // namespace rw::notices
