#pragma once
// Audit log of every write: who, when, which entity, what action, which fields changed.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "accounts/operation.hpp"

namespace rw::audit {

struct Entry {
  std::string entity;  // "user", "organization", "region", "session"
  std::string entity_id;
  std::string action;                  // create | update | delete | login | logout | password
  std::optional<std::int64_t> org_id;  // the tenant the entity belongs to; decides who may read the entry
  nlohmann::json changes = nlohmann::json::object();
};

// Written in the operation's transaction, so it exists exactly when the change does.
void record(const accounts::Operation& op, const Entry& entry);
// The user given explicitly, for writes before a session exists (login).
void record_as(db::Connection& db, const std::string& at, std::string_view trace_id, std::int64_t user_id,
               const std::string& username, const Entry& entry);

// An "update" entry with the fields that differ between `before` and `after`; none when nothing changed.
void record_update(const accounts::Operation& op, const std::string& entity, std::int64_t id,
                   std::optional<std::int64_t> org_id, const nlohmann::json& before,
                   const nlohmann::json& after);

// {field: {from, to}} for every key of `after` whose value differs from `before`.
nlohmann::json diff(const nlohmann::json& before, const nlohmann::json& after);
// {field: {from: null, to}} for a created record.
nlohmann::json created(const nlohmann::json& record);
// {field: {from, to: null}} for a deleted record.
nlohmann::json deleted(const nlohmann::json& record);

}  // namespace rw::audit
