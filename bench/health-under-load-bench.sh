#!/usr/bin/env bash
# /api/v1/health latency while a slow search runs flat out. Not part of `make test`; see bench/README.md.
#
# Usage: bench/health-under-load-bench.sh [N]   (N enterprises imported first, default 99999)
#
# Environment:
#   RISKWATCH_BIN             server binary (default: build/riskwatch in the repository)
#   BENCH_DB                  database URL (default: a fresh SQLite file; e.g. postgresql://… for PostgreSQL)
#   BENCH_SERVE_ARGS          extra `serve` options, e.g. "--workers 8"
#   BENCH_DURATION            wrk duration of each case (default 10s)
#   BENCH_SLOW_CONNECTIONS    searches running at once (default 4)
#   BENCH_HEALTH_CONNECTIONS  wrk connections on /health (default 2)
#   BENCH_SEARCH              the slow request (default: enterprises whose name contains 测试企业 — all of them —
#                             sorted, with the total)
#   BENCH_KEEP=1              keep the temp dir for inspection
#
# It seeds a server, imports N enterprises from one CSV file in one request (bench/make-enterprises.py), then
# measures with wrk: /health alone, the search alone, and /health while the search runs in parallel. Per case
# it prints req/s, p50, p99 and errors.
set -euo pipefail

readonly PROG=health-under-load-bench
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

COUNT=${1:-99999}
[[ $COUNT =~ ^[0-9]+$ ]] || die "N must be a number"
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${RISKWATCH_BIN:-$ROOT/build/riskwatch}
DURATION=${BENCH_DURATION:-10s}
SLOW_CONNECTIONS=${BENCH_SLOW_CONNECTIONS:-4}
HEALTH_CONNECTIONS=${BENCH_HEALTH_CONNECTIONS:-2}
SEARCH=${BENCH_SEARCH:-/api/v1/enterprises?q=%E6%B5%8B%E8%AF%95%E4%BC%81%E4%B8%9A&limit=20}
[[ -x $BIN ]] || die "server binary not found or not executable: $BIN (build it first, or set RISKWATCH_BIN)"
BENCH_TOOLS="curl jq wrk python3"
bench_start

log "importing $COUNT enterprises in one request"
python3 "$ROOT/bench/make-enterprises.py" "$COUNT" "$TMP/enterprises.csv"
status=$(curl -sS --max-time 1200 -o "$TMP/report.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" \
    -H "Content-Type: text/csv" --data-binary "@$TMP/enterprises.csv" "$BASE/api/v1/imports/enterprises")
[[ $status == 200 && $(jq -r .created "$TMP/report.json") == "$COUNT" ]] ||
    die "import returned HTTP $status: $(head -c 400 "$TMP/report.json")"
total=$(curl -fsS --max-time 60 -H "Authorization: Bearer $TOKEN" "$BASE$SEARCH" | jq -r .total) ||
    die "GET $SEARCH failed"
log "the search finds $total enterprises"

# wrk CONNECTIONS PATH OUT [wrk options…], in the background; sets EXTRA_PID so the exit trap stops it.
start_wrk() {
    local connections=$1 path=$2 out=$3; shift 3
    wrk -t1 -c"$connections" -d"$DURATION" --timeout 30s --latency "$@" "$BASE$path" </dev/null >"$out" 2>&1 &
    EXTRA_PID=$!
}
finish_wrk() {
    local pid=$1 out=$2
    wait "$pid" || { cat "$out" >&2; die "wrk failed ($out)"; }
}
# One tab-separated row from wrk's output: label, req/s, p50, p99, failed requests.
summary() {
    awk -v label="$1" '
        /^Requests\/sec:/             { rps = $2 }
        $1 == "50%"                   { p50 = $2 }
        $1 == "99%"                   { p99 = $2 }
        /Non-2xx or 3xx responses:/   { bad += $NF }
        /Socket errors:/              { for (i = 3; i <= NF; i += 2) { v = $(i + 1); gsub(/,/, "", v); bad += v } }
        END { printf "%s\t%s\t%s\t%s\t%d\n", label, rps, p50, p99, bad }' "$2"
}
AUTH=(-H "Authorization: Bearer $TOKEN")
ROWS=()

log "/health alone"
start_wrk "$HEALTH_CONNECTIONS" /api/v1/health "$TMP/health-alone.txt"
finish_wrk "$EXTRA_PID" "$TMP/health-alone.txt"
ROWS+=("$(summary "/health alone (-c$HEALTH_CONNECTIONS)" "$TMP/health-alone.txt")")

log "the search alone"
start_wrk "$SLOW_CONNECTIONS" "$SEARCH" "$TMP/search-alone.txt" "${AUTH[@]}"
finish_wrk "$EXTRA_PID" "$TMP/search-alone.txt"
ROWS+=("$(summary "search alone (-c$SLOW_CONNECTIONS)" "$TMP/search-alone.txt")")

log "/health while the search runs"
start_wrk "$SLOW_CONNECTIONS" "$SEARCH" "$TMP/search-loaded.txt" "${AUTH[@]}"
SEARCH_PID=$EXTRA_PID
sleep 1  # the search is under way before /health is measured
start_wrk "$HEALTH_CONNECTIONS" /api/v1/health "$TMP/health-loaded.txt"
finish_wrk "$EXTRA_PID" "$TMP/health-loaded.txt"
EXTRA_PID=$SEARCH_PID
finish_wrk "$SEARCH_PID" "$TMP/search-loaded.txt"
ROWS+=("$(summary "/health during the search" "$TMP/health-loaded.txt")")
ROWS+=("$(summary "search during /health" "$TMP/search-loaded.txt")")

echo
printf 'riskwatch /health under load on %s (%s CPUs), %s, %s enterprises, serve %s\n' "$(uname -n)" \
    "$(nproc 2>/dev/null || echo '?')" "${DB%%:*}" "$COUNT" "${BENCH_SERVE_ARGS:-(defaults)}"
printf 'search: %s (%s found)\n' "$SEARCH" "$total"
printf '%-30s %10s %10s %10s %7s\n' case req/s p50 p99 errors
errors=0
for row in "${ROWS[@]}"; do
    IFS=$'\t' read -r label rps p50 p99 bad <<<"$row"
    printf '%-30s %10s %10s %10s %7s\n' "$label" "$rps" "$p50" "$p99" "$bad"
    errors=$(( errors + bad ))
done
[[ $errors -eq 0 ]] || { log "warning: some requests failed; the numbers above are not trustworthy"; exit 1; }
