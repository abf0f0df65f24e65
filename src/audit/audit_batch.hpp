#pragma once
// The audit of a bulk write such as a spreadsheet import: one entry for the whole (which file, how many
// records were created, updated, left unchanged or refused) and, per record, only what changed — a created
// record's values once, an updated record's changed fields before and after, nothing for an unchanged one.
// Each record's entry names the batch's entry in batch_id, so `GET /audit?batch_id=` lists them and a
// record's history
// (`?entity=&entity_id=`) still shows the change.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"

namespace rw::audit {

class Batch {
 public:
  // Writes the batch's own entry now (its id is what the records' entries reference); finish() fills in its
  // outcome.
  Batch(const accounts::Operation& op, const Entry& entry);
  Batch(const Batch&) = delete;
  Batch& operator=(const Batch&) = delete;

  std::int64_t id() const { return id_; }
  void created(const std::string& entity, std::int64_t id, std::optional<std::int64_t> org_id,
               const nlohmann::json& record);
  // The keys whose values differ; none, and nothing recorded, when no field differs.
  std::vector<std::string> updated(const std::string& entity, std::int64_t id,
                                   std::optional<std::int64_t> org_id, const nlohmann::json& before,
                                   const nlohmann::json& after);
  // Writes the records' entries still held and sets the batch entry's changes to `outcome` (a created-style
  // {field: {from: null, to}} object).
  void finish(const nlohmann::json& outcome);

 private:
  void add(const std::string& entity, std::int64_t id, const char* action, std::optional<std::int64_t> org_id,
           const nlohmann::json& changes);
  void flush();

  const accounts::Operation& op_;
  std::string at_;
  std::int64_t id_ = 0;
  db::Params pending_;  // the held entries' values, kRecordColumns a row
  std::size_t pending_rows_ = 0;
};

// A record's entry of a batch as stored (only the values set, for a created record) turned into the
// {field: {from, to}} form every other entry has.
nlohmann::json expand_batch_changes(const std::string& action, const nlohmann::json& stored);

}  // namespace rw::audit
