# Riskwatch: `make run` serves the app with demo data; `make test` runs every test; `make bench` measures every
# list at province scale (bench/province-bench.sh; BENCH_DB=postgresql for PostgreSQL), not part of `make test`;
# `make test-crash ROUNDS=30` kills the server under a write load ROUNDS times on SQLite and on PostgreSQL
# (tests/api/crash_api_test.cpp; `make test` runs 4 rounds each).
# `make test-scale-out` runs two servers behind nginx on PostgreSQL (scripts/scale-out-test.sh; about a minute,
# not part of `make test`).
# `make fuzz` builds the libFuzzer targets with clang and runs each FUZZ_SECONDS (default 60; fuzz/README.md);
# `make test-asan` runs the unit and API tests built with ASan and UBSan. Neither is part of `make test`.
SHELL := /bin/bash
JOBS ?= 2

.PHONY: run test build deps test-deps server web clean bench test-crash test-scale-out fuzz test-asan

run: build
	scripts/run-demo.sh

test: test-deps server web
	scripts/test-all.sh

build: deps server web

deps:
	scripts/install-deps.sh

test-deps:
	scripts/install-deps.sh --test

server:
	cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
	cmake --build build -j$(JOBS)

web:
	cd web && npm run build

# Two servers behind nginx on a throw-away PostgreSQL (about a minute; not part of `make test`).
test-scale-out: test-deps server
	scripts/scale-out-test.sh

bench: server
	bench/province-bench.sh

ROUNDS ?= 30
CRASH_SEED ?= 14
test-crash: server
	RISKWATCH_CRASH_ROUNDS=$(ROUNDS) RISKWATCH_CRASH_SEED=$(CRASH_SEED) \
	  build/tests/api_tests --gtest_filter='CrashSafety.*'
	RISKWATCH_CRASH_ROUNDS=$(ROUNDS) RISKWATCH_CRASH_SEED=$(CRASH_SEED) \
	  scripts/with-postgres.sh build/tests/api_tests --gtest_filter='CrashSafety.*'

fuzz:
	scripts/install-deps.sh --fuzz
	JOBS=$(JOBS) scripts/fuzz.sh

test-asan:
	scripts/install-deps.sh --fuzz
	JOBS=$(JOBS) scripts/test-asan.sh

clean:
	rm -rf build build-fuzz build-asan web/dist test-output
