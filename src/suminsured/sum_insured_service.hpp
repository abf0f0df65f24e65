#pragma once
// Suggested sum insured: the table an insurer publishes (versions, never changed once published), the shipped
// example for insurers without one, and the band for an enterprise or a given level and scale. Operations
// with the access model's rules: an insurer's table is read by who sees the organization (404 otherwise) and
// published only by the insurer's own leads (suminsured:write); the band for an enterprise needs the
// enterprise visible. No HTTP.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "accounts/operation.hpp"
#include "suminsured/sum_insured_rules.hpp"

namespace rw::suminsured {

// Which table a suggestion used: an insurer's version, or the example (no organization, no version).
struct TableRef {
  std::optional<std::int64_t> org_id;
  std::string org_name;
  std::optional<int> version;
  std::string name;
  std::string note;
  bool is_example = true;
};

struct Suggestion {
  std::optional<Band> band;  // none for an unassessed level or an unknown scale
  TableRef table;
};

// {org_id, org_name, version (null: the example), is_example, label (示例，需保险机构确认 for the example,
// else null), name, note, bands, published_at, published_by {id, name}, versions: [{version, name,
// published_at, published_by}]}: the organization's latest version, or the example while it has none.
nlohmann::json current_table(const accounts::Operation& op, std::int64_t org_id);
// One published version (404 when the organization has no such version).
nlohmann::json table_version(const accounts::Operation& op, std::int64_t org_id, std::int64_t version);
// The shipped example, to start a table from.
nlohmann::json example(const accounts::Operation& op);

// Publishes {name, note, bands} as the organization's next version (422 with every broken rule); only an
// insurer's own leads (403 for others who see it, 404 for who does not).
nlohmann::json publish_table(const accounts::Operation& op, std::int64_t org_id, const nlohmann::json& body);

// The band for an enterprise at `level` (general | larger | major): its scale and industry, the table of the
// insurer of its environmental policy (the example without one). 404 unless the enterprise is visible.
Suggestion suggest_for_enterprise(const accounts::Operation& op, std::int64_t enterprise_id,
                                  const std::string& level);
// {level, scale, industry_code} or {level, enterprise_id} → {band (null when none), table: {org_id,
// org_name, version, name, is_example, label}}. Without an enterprise the caller's insurer table is used,
// else the example (在线速算 by an agency).
nlohmann::json suggest(const accounts::Operation& op, const nlohmann::json& body);
nlohmann::json suggestion_json(const Suggestion& suggestion);

}  // namespace rw::suminsured
