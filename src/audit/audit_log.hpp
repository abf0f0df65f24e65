#pragma once
// Audit log of every write: who, when, which entity, what action, which fields changed.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "api/context.hpp"

namespace rw::audit {

struct Entry {
  std::string entity;  // "user", "organization", "region", "session"
  std::string entity_id;
  std::string action;                  // create | update | delete | login | logout | password
  std::optional<std::int64_t> org_id;  // the tenant the entity belongs to; decides who may read the entry
  nlohmann::json changes = nlohmann::json::object();
};

// Written in the request's transaction, so it exists exactly when the change does.
void record(api::Context& context, const Entry& entry);
// Actor given explicitly, for writes before a session exists (login).
void record_as(api::Context& context, std::int64_t user_id, const std::string& username, const Entry& entry);

// An "update" entry with the fields that differ between `before` and `after`; none when nothing changed.
void record_update(api::Context& context, const std::string& entity, std::int64_t id,
                   std::optional<std::int64_t> org_id, const nlohmann::json& before,
                   const nlohmann::json& after);

// {field: {from, to}} for every key of `after` whose value differs from `before`.
nlohmann::json diff(const nlohmann::json& before, const nlohmann::json& after);
// {field: {from: null, to}} for a created record.
nlohmann::json created(const nlohmann::json& record);
// {field: {from, to: null}} for a deleted record.
nlohmann::json deleted(const nlohmann::json& record);

void add_routes(api::Routes& routes);

}  // namespace rw::audit
