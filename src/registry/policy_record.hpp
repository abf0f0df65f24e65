#pragma once
// An insurance policy's stored fields, read and checked the same way for the API and for imports.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "accounts/actor.hpp"
#include "platform/db/database.hpp"
#include "platform/json_input.hpp"

namespace rw::registry {

struct PolicyRecord {
  std::string insurance_type;
  std::int64_t insurer_org_id = 0;
  std::string policy_number;
  std::int64_t enterprise_id = 0;
  std::string starts_on;
  std::string ends_on;
  std::int64_t premium_fen = 0;
  std::int64_t sum_insured_fen = 0;
  std::string fund_share_kind;
  std::int64_t fund_share_value = 0;  // fen, or basis points of the premium
  std::string status = "active";
};

const std::vector<std::string>& policy_keys();

// Shape rules; `insurer_org_id` defaults to the user's own organization for insurer users.
PolicyRecord read_policy(Fields& fields, const accounts::Actor& user);
// Whether the organization is an insurer whose policies the user may write.
bool may_write_policies_of(db::Connection& db, const accounts::Actor& user, std::int64_t insurer_org_id);
// 409 duplicate_policy_number when another policy of the same insurer has this number.
std::optional<std::int64_t> policy_with_number(db::Connection& db, std::int64_t insurer_org_id,
                                               const std::string& policy_number);
ApiError duplicate_policy_number();

std::int64_t insert_policy(db::Connection& db, const PolicyRecord& record, const std::string& now);
void update_policy_row(db::Connection& db, std::int64_t id, const PolicyRecord& record,
                       const std::string& now);
void delete_policy_row(db::Connection& db, std::int64_t id);

// The prevention-service fund the policy sets aside, in fen.
std::int64_t prevention_fund_fen(const PolicyRecord& record);
PolicyRecord policy_from_row(const db::Row& row);
// API keys and values (yuan amounts, percent) of the record.
nlohmann::json policy_record_json(const PolicyRecord& record);

}  // namespace rw::registry
