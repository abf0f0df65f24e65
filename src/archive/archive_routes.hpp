#pragma once
#include "api/context.hpp"

namespace rw::archive {

// /archive/… and /enterprises/{id}/archive/…: lists, settings, the enterprise's archive, versions, paper
// status, history, document reads, withdrawal, the .zip export and the chain's verification.
void add_archive_routes(api::Routes& routes);

}  // namespace rw::archive
