#pragma once
// Field inspections: a visit's checklists filled item by item (offline edits arrive later with the version
// they were based on), submitted, signed by the enterprise, amended only by reviewers. Operations of every
// caller with the access model's rules; no HTTP.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <string>

#include "accounts/operation.hpp"
#include "platform/json_with_raw.hpp"

namespace rw::inspections {

// One page of the inspections the actor may see. Filters: visit_id, enterprise_id, status; limit, offset.
nlohmann::json list_inspections(const accounts::Operation& op,
                                const std::map<std::string, std::string>& query);
// The inspection with its template, answers, hidden items, what a submission still lacks, findings, score,
// the visit's photo consent and `actions`. The template's body, a read's largest part and the same on every
// read, comes as the text kept with the parsed template.
JsonWithRaw get_inspection(const accounts::Operation& op, std::int64_t id);

// PUT /inspections/{id}/answers/{item}: {value, detail?, note?, photos?, version, edited_at, reason?}. The
// write is based on `version` (0 for the first answer): a stale base is 409 `answer_conflict` with the
// current answer; the same answer again is accepted without a change (a retried sync). Once signed, only a
// reviewer, with a reason. Runs in the caller's write transaction.
nlohmann::json put_answer(const accounts::Operation& op, std::int64_t id, const std::string& item_id,
                          const nlohmann::json& body);
// The same, for a caller outside a transaction (the route): the checks run first, outside the write
// transaction, so that the writers of a SQLite file queue only for the writes (bench/README.md, "answer an
// item"); the transaction then reads again what the checks read and, should another writer have changed it
// meanwhile, checks once more inside.
nlohmann::json put_answer_checked_first(const accounts::Operation& op, std::int64_t id,
                                        const std::string& item_id, const nlohmann::json& body);

// A finding the inspector records by hand from an item ("记录隐患"): {item_id, category, grade
// (major|general), description, suggestion?, basis?, photos?}.
nlohmann::json record_finding(const accounts::Operation& op, std::int64_t id, const nlohmann::json& body);

}  // namespace rw::inspections
