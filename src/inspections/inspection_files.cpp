#include "inspections/inspection_files.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "access/visibility.hpp"
#include "files/file_service.hpp"
#include "files/flag_service.hpp"
#include "inspections/inspection_flow.hpp"
#include "inspections/inspection_store.hpp"
#include "workflow/engine.hpp"

namespace rw::inspections {
namespace {

using nlohmann::json;

bool inspection_visible(db::Connection& db, const accounts::Actor& actor, std::int64_t id) {
  return files::visible_as(access::kInspection)(db, actor, id);
}

std::optional<files::OwnerSetting> inspection_setting(db::Connection& db, std::int64_t id) {
  const auto visit = visit_of_inspection(db, id);
  return visit ? files::visit_setting(db, *visit) : std::nullopt;
}

// Whoever may change its answers now: the team while it is open, a reviewer once it is signed.
bool may_attach_to_inspection(db::Connection& db, const accounts::Actor& actor, std::int64_t id) {
  const auto actions =
      workflow::actions(workflow::Caller(db, actor), inspection_machine(), load_inspection(db, actor, id));
  return std::find(actions.begin(), actions.end(), "answer") != actions.end() ||
         std::find(actions.begin(), actions.end(), "amend") != actions.end();
}

bool finding_visible(db::Connection& db, const accounts::Actor& actor, std::int64_t finding_id) {
  const auto inspection = inspection_of_finding(db, finding_id);
  return inspection && inspection_visible(db, actor, *inspection);
}

std::optional<files::OwnerSetting> finding_setting(db::Connection& db, std::int64_t finding_id) {
  const auto inspection = inspection_of_finding(db, finding_id);
  return inspection ? inspection_setting(db, *inspection) : std::nullopt;
}

// Photos and signatures come with the records that name them, not through POST /files/{id}/links.
bool never(db::Connection&, const accounts::Actor&, std::int64_t) { return false; }

void add_flags(const accounts::Operation& op, std::string_view kind, std::int64_t owner_id, json& items) {
  const std::string owner_kind(kind);
  const auto attached = files::files_of(op, owner_kind, owner_id)["items"];
  for (const auto& file : attached) {
    const std::int64_t file_id = file["id"];
    auto flagged = files::file_flags(op, file_id, owner_kind, owner_id);
    items.push_back({{"file_id", file_id},
                     {"owner_kind", owner_kind},
                     {"owner_id", owner_id},
                     {"flags", std::move(flagged["flags"])}});
  }
}

}  // namespace

void register_inspection_file_kinds() {
  files::register_owner_kind(std::string(kInspectionFiles),
                             {inspection_visible, may_attach_to_inspection, inspection_setting});
  files::register_owner_kind(std::string(kFindingFiles), {finding_visible, never, finding_setting});
  files::register_owner_kind(std::string(kSignatureFiles), {inspection_visible, never, inspection_setting});
}

void link_answer_files(const accounts::Operation& op, std::int64_t id, std::int64_t enterprise_id,
                       const forms::Item& item, const json& answer) {
  const files::OwnerRef owner{std::string(kInspectionFiles), id, enterprise_id};
  const auto ids = [&](const char* key) { return answer.at(key).get<std::vector<std::int64_t>>(); };
  if (answer.contains("photos")) files::link_named(op, ids("photos"), owner, "photos");
  if (item.kind == "photo" && answer.at("value").is_array())
    files::link_named(op, ids("value"), owner, "value");
}

void link_finding_files(const accounts::Operation& op, std::int64_t finding_id, std::int64_t enterprise_id,
                        const std::vector<std::int64_t>& photos) {
  files::link_named(op, photos, {std::string(kFindingFiles), finding_id, enterprise_id}, "photos");
}

void link_signature(const accounts::Operation& op, std::int64_t id, std::int64_t enterprise_id,
                    std::int64_t file_id) {
  files::require_own_drawing(op, file_id, "signature_file_id");
  files::link(op, file_id, {std::string(kSignatureFiles), id, enterprise_id});
}

json inspection_photo_flags(const accounts::Operation& op, std::int64_t id) {
  access::require_visible(op.db, op.actor, access::kInspection, id);
  json items = json::array();
  add_flags(op, kInspectionFiles, id, items);
  const auto findings = findings_of(op.db, id);
  for (std::size_t i = 0; i < findings.size(); ++i)
    add_flags(op, kFindingFiles, findings[i].integer("id"), items);
  return {{"items", std::move(items)}};
}

}  // namespace rw::inspections
