#pragma once
// Starting the `riskwatch serve` of an API test: shared by ServerProcess (harness.hpp) and the crash test,
// which kills its server and starts it again.
#include <string>
#include <vector>

namespace rw::testing {

// Forks and runs `args` (argv, the binary first) with stdout and stderr appended to `log`; the child is
// killed when the test process ends. Returns the child's pid.
int launch_server(const std::vector<std::string>& args, const std::string& log);
// The port the server wrote to `port_file` (given to it as --port-file); throws after about six seconds.
unsigned short wait_for_port(const std::string& port_file, const std::string& log);

}  // namespace rw::testing
