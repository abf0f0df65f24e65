#!/usr/bin/env bash
# `make test-asan`: the unit and API tests built with AddressSanitizer and UBSan (gcc, build-asan) and run on
# SQLite; the server the API tests start is the sanitized build too. Any sanitizer report fails its test.
# Prints its wall time. Too slow for CI's 40 minutes beside `make test` (see fuzz/README.md for figures).
# CTEST_ARGS="-R Pattern" runs some tests only.
set -uo pipefail
cd "$(dirname "$0")/.."
jobs=${JOBS:-2}
start=$(date +%s)
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" \
  -DRISKWATCH_SANITIZE=ON >/dev/null || exit 1
cmake --build build-asan -j"$jobs" --target riskwatch unit_tests api_tests || exit 1
built=$(date +%s)
# Leaks are reported, except those of the libraries' one-time initialisation (scripts/lsan.supp).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:strict_string_checks=1:check_initialization_order=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/scripts/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# shellcheck disable=SC2086
ctest --test-dir build-asan -j"$jobs" --output-on-failure --timeout 900 ${CTEST_ARGS:-}
rc=$?
end=$(date +%s)
echo "test-asan: build $((built - start)) s, tests $((end - built)) s, wall $((end - start)) s"
exit $rc
