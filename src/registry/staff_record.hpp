#pragma once
// A staff member of an agency or insurer with qualifications, read and checked the same way for the
// API and for imports.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "accounts/actor.hpp"
#include "platform/db/database.hpp"
#include "platform/json_input.hpp"

namespace rw::registry {

struct Certificate {
  std::string name;
  std::string number;
  std::optional<std::string> expires_on;
};

struct StaffRecord {
  std::int64_t org_id = 0;
  std::optional<std::int64_t> user_id;
  std::string name;
  std::string phone;
  std::string title_level = "none";
  std::string kind;
  std::optional<std::string> expert_pool_level;
  std::optional<std::string> safety_engineer_level;
  std::vector<std::string> specialties;
  std::vector<Certificate> certificates;
  std::string evaluation_grade;
  bool excluded = false;
  std::string excluded_reason;
  bool active = true;
};

const std::vector<std::string>& staff_keys();

// Shape rules; `org_id` defaults to the user's own organization.
StaffRecord read_staff(Fields& fields, const accounts::Actor& user);
// The organization must be an agency or insurer the user may write for; a linked user must belong to it
// and not be linked to another staff record.
void check_staff(db::Connection& db, const accounts::Actor& user, Fields& fields, const StaffRecord& record,
                 std::int64_t self_id);
bool may_write_staff_of(db::Connection& db, const accounts::Actor& user, std::int64_t org_id);
// Another staff record of the organization with this phone number (the import's upsert key).
std::optional<std::int64_t> staff_with_phone(db::Connection& db, std::int64_t org_id,
                                             const std::string& phone);

std::int64_t insert_staff(db::Connection& db, const StaffRecord& record, const std::string& now);
void update_staff_row(db::Connection& db, std::int64_t id, const StaffRecord& record, const std::string& now);

StaffRecord staff_from_row(const db::Row& row, std::vector<Certificate> certificates);
nlohmann::json staff_record_json(const StaffRecord& record);
// Certificates of each staff id, in one query.
std::map<std::int64_t, std::vector<Certificate>> certificates_of(db::Connection& db,
                                                                 const std::vector<std::int64_t>& staff_ids);

}  // namespace rw::registry
