#pragma once
#include <string>

#include "accounts/actor.hpp"
#include "platform/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/files/file_store.hpp"

namespace rw::app {

constexpr const char* kDemoPassword = "Demo@2026";

// A demo city with regulator, insurers, agencies, a park, 20 enterprises and one user per party.
// The demo's photos and signatures go to `store`. Returns false (and changes nothing) when the demo data is
// already there.
bool seed_demo(db::Database& database, const Clock& clock, files::FileStore& store);

// The demo user `username` as an actor, for the demo's records made through the services.
accounts::Actor demo_user(db::Connection& db, const std::string& username);

}  // namespace rw::app
