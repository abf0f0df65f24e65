# Riskwatch: `make run` serves the app with demo data; `make test` runs every test; `make bench` measures every
# list at province scale (bench/province-bench.sh; BENCH_DB=postgresql for PostgreSQL), not part of `make test`.
SHELL := /bin/bash
JOBS ?= 2

.PHONY: run test build deps test-deps server web clean bench

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

bench: server
	bench/province-bench.sh

clean:
	rm -rf build web/dist test-output
