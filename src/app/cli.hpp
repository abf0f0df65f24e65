#pragma once

namespace rw::app {

// The `riskwatch` command line: serve, migrate, seed-demo, create-admin.
int run_cli(int argc, char** argv);

}  // namespace rw::app
