#pragma once
// What files can be attached to, and how the access model decides about each kind of owner. A linked file is
// visible to whoever may see any of its owners; the owner also gives the authenticity checks their setting
// (its enterprise, and the visit's days).
//
// "visit" and "enterprise" are registered here. Another capability registers its own kinds (an inspection,
// an answer, a finding, a signature) once at start, before the server serves — from its add_*_routes, which
// the server calls once — and then attaches files with files::link (file_service.hpp).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "access/entities.hpp"
#include "accounts/actor.hpp"
#include "files/authenticity_rules.hpp"
#include "platform/db/database.hpp"

namespace rw::files {

// One owner of a file: its kind ("visit"), its id, and the enterprise it belongs to.
struct OwnerRef {
  std::string kind;
  std::int64_t id = 0;
  std::int64_t enterprise_id = 0;
};

// Where an owner stands, for the authenticity checks.
struct OwnerSetting {
  std::int64_t enterprise_id = 0;
  std::optional<TimeWindow> visit;  // the days of its visit, when it belongs to one
};

using OwnerCheck = std::function<bool(db::Connection&, const accounts::Actor&, std::int64_t owner_id)>;

struct OwnerKind {
  // The actor may see the owner (the access model's rule for its entity).
  OwnerCheck visible;
  // The actor may attach files to it through POST /files/{id}/links. Capabilities that link files
  // themselves (an answer's photos) check their own rules and call files::link.
  OwnerCheck may_attach;
  // Its setting; nullopt when the owner does not exist.
  std::function<std::optional<OwnerSetting>(db::Connection&, std::int64_t owner_id)> setting;
};

// Adds or replaces a kind. Not for use while requests run.
void register_owner_kind(std::string kind, OwnerKind how);
// The kind, or nullptr when none is registered by that name.
const OwnerKind* find_owner_kind(std::string_view kind);

// `visible` for an entity of the access model (access/entities.hpp): access::one_visible finds it.
OwnerCheck visible_as(const access::EntityAccess& entity);

// The setting of a visit (its enterprise and days), for an owner that belongs to one; nullopt when the visit
// does not exist.
std::optional<OwnerSetting> visit_setting(db::Connection& db, std::int64_t visit_id);

}  // namespace rw::files
