#include "app/cli.hpp"

int main(int argc, char** argv) { return rw::app::run_cli(argc, argv); }
