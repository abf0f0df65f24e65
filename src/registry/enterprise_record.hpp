#pragma once
// An enterprise's stored fields: read from a JSON object (API body or an imported row), checked
// as a whole, written in one statement, and turned back into JSON.
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

struct Contact {
  std::string name;
  std::string phone;
  std::string role;
  bool operator==(const Contact&) const = default;
};

struct EnterpriseRecord {
  std::string name;
  std::string credit_code;
  std::string legal_representative;
  std::string registered_address;
  std::string business_address;
  std::optional<double> longitude;
  std::optional<double> latitude;
  std::vector<Contact> contacts;
  std::string industry_code;
  std::string scale;
  std::int64_t region_id = 0;
  std::optional<std::int64_t> park_org_id;
  std::optional<std::int64_t> org_id;
  std::string production_status = "operating";
  std::string permit_type = "none";
  std::string permit_number;
  std::optional<std::string> permit_valid_from;
  std::optional<std::string> permit_valid_until;
  std::string risk_level = "unknown";
  std::optional<std::string> risk_assessed_on;
  std::string risk_source;
  std::vector<std::string> sensitive_receptors;
  std::vector<std::string> tags;
  bool operator==(const EnterpriseRecord&) const = default;
};

// The keys a client may write, and the subset an enterprise may change about itself.
const std::vector<std::string>& enterprise_keys();
const std::vector<std::string>& enterprise_self_keys();

// A row of the enterprises table.
EnterpriseRecord record_from_row(const db::Row& row);
// The record as JSON under the API's keys (the inverse of read_enterprise).
nlohmann::json record_json(const EnterpriseRecord& record);

// Reads every key of `object` (a complete record: base values merged with the client's changes).
// Shape errors go into `fields`; the caller calls fields.finish().
EnterpriseRecord read_enterprise(Fields& fields);

// Lookups the checks need, cached so an import of thousands of rows asks the database once.
class EnterpriseChecks {
 public:
  EnterpriseChecks(db::Connection& db, const accounts::Actor& user) : db_(db), user_(user) {}
  // Rules that need the database: region level, park, linked organization.
  // `self_id` and `stored_org_id`: the enterprise being changed and the organization it is linked to now
  // (0 and nullopt for a new one).
  void check(Fields& fields, const EnterpriseRecord& record, std::int64_t self_id,
             std::optional<std::int64_t> stored_org_id);

 private:
  void check_org_binding(Fields& fields, const EnterpriseRecord& record, std::int64_t self_id,
                         std::optional<std::int64_t> stored_org_id);
  std::optional<std::string> region_level(std::int64_t id);
  std::optional<std::string> org_type(std::int64_t id);
  db::Connection& db_;
  const accounts::Actor& user_;
  std::map<std::int64_t, std::optional<std::string>> region_levels_;
  std::map<std::int64_t, std::optional<std::string>> org_types_;
};

// Inserts and returns the new id; updates every column of an existing one.
// The values of the enterprise columns a record fills, in the order of enterprise_keys().
db::Params enterprise_column_values(const EnterpriseRecord& record);
std::int64_t insert_enterprise(db::Connection& db, const EnterpriseRecord& record,
                               std::int64_t created_by_org_id, const std::string& now);
// Several at once (an import's chunk); the new ids in the records' order.
std::vector<std::int64_t> insert_enterprises(db::Connection& db, const std::vector<EnterpriseRecord>& records,
                                             std::int64_t created_by_org_id, const std::string& now);
void update_enterprise_row(db::Connection& db, std::int64_t id, const EnterpriseRecord& record,
                           const std::string& now);
struct EnterpriseUpdate {
  std::int64_t id = 0;
  EnterpriseRecord record;
};
// Sets only the columns of `keys` (names from enterprise_keys()) of each enterprise to its record's values,
// many enterprises a statement.
void update_enterprises_columns(db::Connection& db, const std::vector<EnterpriseUpdate>& updates,
                                const std::string& now, const std::vector<std::string>& keys);
// The id of the enterprise holding this credit code, archived or not.
std::optional<std::int64_t> enterprise_with_credit_code(db::Connection& db, const std::string& credit_code);
ApiError duplicate_credit_code();

}  // namespace rw::registry
