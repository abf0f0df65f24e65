#include "hazards/hazard_files.hpp"

#include "access/entities.hpp"
#include "accounts/actor.hpp"
#include "files/owner_kinds.hpp"
#include "hazards/hazard_store.hpp"

namespace rw::hazards {

void register_hazard_file_kind() {
  files::register_owner_kind("hazard",
                             {files::visible_as(access::kHazard),
                              [](db::Connection& db, const accounts::Actor& actor, std::int64_t id) {
                                return (accounts::has_permission(actor, "hazard:manage") ||
                                        accounts::has_permission(actor, "hazard:rectify")) &&
                                       files::visible_as(access::kHazard)(db, actor, id);
                              },
                              [](db::Connection& db, std::int64_t id) -> std::optional<files::OwnerSetting> {
                                const auto row = hazard_row(db, id);
                                if (!row) return std::nullopt;
                                return files::OwnerSetting{row->integer("enterprise_id"), std::nullopt};
                              }});
}

}  // namespace rw::hazards
