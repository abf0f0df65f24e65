#pragma once
// The only SQL of suggested sum insured: the insurers' published table versions, and what a suggestion for an
// enterprise reads (its scale, industry and environmental insurer).
#include <cstdint>
#include <optional>
#include <string>

#include "platform/db/database.hpp"

namespace rw::suminsured {

// A version with the publisher's name (publisher_name) and the organization's (org_name).
std::optional<db::Row> latest_version(db::Connection& db, std::int64_t org_id);
std::optional<db::Row> version_of(db::Connection& db, std::int64_t org_id, int version);
// {version, name, published_at, published_by, publisher_name}, newest first.
db::Rows versions_of(db::Connection& db, std::int64_t org_id);

struct NewVersion {
  std::int64_t org_id = 0;
  std::string name;
  std::string note;
  std::string bands;  // JSON text
  std::int64_t published_by = 0;
};
// The new version's number: one after the organization's last. A concurrent publication of the same number
// breaks the (org_id, version) key: db::ConstraintViolation.
int insert_version(db::Connection& db, const NewVersion& version, const std::string& now);

// {id, name, scale, industry_code, risk_level, insurer_org_id}: the insurer of the enterprise's environmental
// policy that ends last (NULL without one).
std::optional<db::Row> enterprise_for_suggestion(db::Connection& db, std::int64_t enterprise_id);

std::string organization_type(db::Connection& db, std::int64_t org_id);

}  // namespace rw::suminsured
