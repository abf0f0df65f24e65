#!/usr/bin/env bash
# HTTP benchmark of the Riskwatch server with wrk. Not part of `make test`; see bench/README.md.
#
# Usage: bench/http-bench.sh [-v]
#   -v   also print wrk's full output
#
# Environment:
#   RISKWATCH_BIN      server binary (default: build/riskwatch in the repository)
#   BENCH_THREADS      wrk threads      (default 2)
#   BENCH_CONNECTIONS  wrk connections  (default 64)
#   BENCH_DURATION     wrk duration     (default 10s)
#   BENCH_KEEP=1       keep the temp dir (database, server log, wrk output) for inspection
#
# It migrates and seeds a fresh SQLite database in a temp dir, starts `riskwatch serve` on a free
# loopback port, signs in as demo-admin, benchmarks GET /api/v1/health and GET /api/v1/me (Bearer
# token), prints endpoint / req/s / p50 / p99, and always stops the server on exit.
set -euo pipefail

readonly PROG=http-bench
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

VERBOSE=0
case "${1:-}" in
    "") ;;
    -v|--verbose) VERBOSE=1 ;;
    -h|--help) sed -n '2,17s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
esac

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${RISKWATCH_BIN:-$ROOT/build/riskwatch}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
DURATION=${BENCH_DURATION:-10s}

[[ -x $BIN ]] || die "server binary not found or not executable: $BIN (build it first, or set RISKWATCH_BIN)"

BENCH_TOOLS="curl jq wrk"
bench_start

# ------------------------------------------------------------------ benchmark
# one tab-separated row per endpoint: label, req/s, p50, p99, failed requests
ROWS=()
bench() {
    local label=$1 path=$2; shift 2
    local out=$TMP/wrk-${#ROWS[@]}.txt
    log "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency $label"
    # in the background, so a signal to this script is handled at once (the traps stop wrk too)
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$BASE$path" </dev/null >"$out" 2>&1 &
    EXTRA_PID=$!
    if ! wait "$EXTRA_PID"; then
        cat "$out" >&2
        die "wrk failed for $label"
    fi
    [[ $VERBOSE -eq 0 ]] || { echo "== $label"; cat "$out"; echo; }
    # wrk prints "Requests/sec: N", a "Latency Distribution" block with "50%"/"99%" lines,
    # and, when any, "Socket errors: ..." and "Non-2xx or 3xx responses: N".
    ROWS+=("$(awk -v label="$label" '
        /^Requests\/sec:/             { rps = $2 }
        $1 == "50%"                   { p50 = $2 }
        $1 == "99%"                   { p99 = $2 }
        /Non-2xx or 3xx responses:/   { bad += $NF }
        /Socket errors:/              { for (i = 3; i <= NF; i += 2) { v = $(i + 1); gsub(/,/, "", v); bad += v } }
        END { printf "%s\t%s\t%s\t%s\t%d\n", label, (rps == "" ? "?" : rps), (p50 == "" ? "?" : p50), (p99 == "" ? "?" : p99), bad }
    ' "$out")")
}

bench "GET /api/v1/health" /api/v1/health
bench "GET /api/v1/me" /api/v1/me -H "Authorization: Bearer $TOKEN"

# ------------------------------------------------------------------ report
echo
printf 'riskwatch HTTP benchmark: wrk -t%s -c%s -d%s on %s (%s CPUs), SQLite\n' \
    "$THREADS" "$CONNECTIONS" "$DURATION" "$(uname -n)" "$(nproc 2>/dev/null || echo '?')"
printf '%-22s %12s %10s %10s %8s\n' endpoint req/s p50 p99 errors
errors_total=0
for row in "${ROWS[@]}"; do
    IFS=$'\t' read -r label rps p50 p99 bad <<<"$row"
    printf '%-22s %12s %10s %10s %8s\n' "$label" "$rps" "$p50" "$p99" "$bad"
    errors_total=$(( errors_total + bad ))
done
if [[ $errors_total -gt 0 ]]; then
    log "warning: some requests failed (non-2xx responses or socket errors); the numbers above are not trustworthy"
    exit 1
fi
