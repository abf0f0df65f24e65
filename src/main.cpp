#include "app/cli.hpp"

// jemalloc's options (read at its start, CMakeLists.txt links it): a thread of its own returns the pages
// freed after a burst (an import, a report) once they have gone unused for its decay time, so an idle
// server shrinks without waiting for its next allocation. Unused when the sanitizers' allocator runs.
extern "C" const char* malloc_conf;
const char* malloc_conf = "background_thread:true,max_background_threads:1";

int main(int argc, char** argv) { return rw::app::run_cli(argc, argv); }
