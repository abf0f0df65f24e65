#pragma once
// Demo commissions, plans, visits and their deadlines, dated around the seeding day so the desk and
// the field app show work in every state.
#include "app/demo_registry.hpp"
#include "calendar/working_calendar.hpp"

namespace rw::app {

void seed_demo_services(db::Connection& db, const DemoOrganizations& orgs, calendar::Date today,
                        const std::string& now);

}  // namespace rw::app
