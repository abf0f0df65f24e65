#pragma once
// Demo archives 一企一档 of two enterprises (issue 13), partly complete: the demo enterprise's own, kept by
// its staff (a permit about to expire, an emergency plan past its 3 years, a paper copy missing with its
// reason, an item that does not apply, a superseded version), and another's kept by the platform (an expired
// permit). Their documents are PDFs rendered here; the renewal deadlines open as they do for any filing.
#include "platform/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/files/file_store.hpp"

namespace rw::app {

void seed_demo_archive(db::Connection& db, const Clock& clock, files::FileStore& store);

}  // namespace rw::app
