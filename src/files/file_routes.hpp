#pragma once
// The routes of files: upload, metadata, original, thumbnails, links and authenticity flags.
#include "api/context.hpp"

namespace rw::files {

void add_file_routes(api::Routes& routes);

}  // namespace rw::files
