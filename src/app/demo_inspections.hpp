#pragma once
// Demo data of field inspection, on the visit done a week ago: its expert filled and submitted the noise and
// emergency checklists (with photos: one on the visit's day, one the authenticity checks flag), the
// enterprise's representative signed the emergency one, the insurer's reviewer corrected one answer after the
// signature, and the training given on site was recorded.
#include <cstdint>

#include "platform/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/files/file_store.hpp"

namespace rw::app {

void seed_demo_inspections(db::Connection& db, const Clock& clock, files::FileStore& store,
                           std::int64_t done_visit, std::int64_t inspector_user_id);

}  // namespace rw::app
