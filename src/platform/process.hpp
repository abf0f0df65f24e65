#pragma once
// Runs another program (pg_dump, pg_restore) with an argument list, never through a shell.
#include <string>
#include <vector>

namespace rw {

// Starts argv[0] (looked up in PATH) with the caller's environment, stdout and stderr, and waits for it.
// Returns its exit code; throws when it cannot be started or is killed by a signal.
int run_program(const std::vector<std::string>& argv);

}  // namespace rw
