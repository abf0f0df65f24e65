#pragma once
// Demo commissions, plans, visits and their deadlines, dated around the seeding day so the desk and
// the field app show work in every state.
#include "app/demo_registry.hpp"
#include "calendar/working_calendar.hpp"
#include "platform/clock.hpp"
#include "platform/files/file_store.hpp"

namespace rw::app {

// The visit done a week ago gets its checklists, photos and signature (demo_inspections.hpp) in `store`.
void seed_demo_services(db::Connection& db, const DemoOrganizations& orgs, const Clock& clock,
                        files::FileStore& store);

}  // namespace rw::app
