#!/usr/bin/env bash
# Cold first page of the desk app (issue 10): the time from navigation to the first list rendered after sign-in,
# for the home page, five lists (enterprises, policies, visits, hazards, notices) and one enterprise's page, in
# headless chromium (playwright-core, as the browser tests) with a fresh browser context per run. Not part of
# `make test`; see bench/README.md.
#
# Usage: bench/web-first-page-bench.sh [runs]      (default 5 runs per page)
# Environment:
#   RISKWATCH_BIN    server binary (default build/riskwatch)
#   BENCH_WEB_DIR    the built web app to serve (default web/dist; build it first: cd web && npm run build)
#   BENCH_DB_FILE    a SQLite database to serve a copy of, e.g. the province that bench/province-bench.sh caches
#                    in /var/tmp/riskwatch-bench (100,000 enterprises); default: a fresh database with seed-demo
#   USERNAME         who signs in (default demo-admin)
#   BENCH_PAGES      only the pages whose name matches this regex, e.g. 'home|enterprise' (default: all seven)
#   BENCH_KEEP=1     keep the temp dir (database copy, server log)
set -euo pipefail

readonly PROG=web-first-page-bench
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REAL_BIN=${RISKWATCH_BIN:-$ROOT/build/riskwatch}
RUNS=${1:-5}
[[ -x $REAL_BIN ]] || { echo "$PROG: error: server binary not found or not executable: $REAL_BIN" >&2; exit 2; }
[[ -z ${BENCH_DB_FILE:-} || -f $BENCH_DB_FILE ]] || { echo "$PROG: error: no such database: $BENCH_DB_FILE" >&2; exit 2; }
[[ -x /usr/bin/chromium ]] || { echo "$PROG: error: /usr/bin/chromium is needed (apt-get install chromium)" >&2; exit 2; }

# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

# bench_start runs "$BIN migrate|seed-demo|serve": with BENCH_DB_FILE, migrate serves a copy of it instead (the
# demo logins are in it) and seed-demo does nothing; the server gets the given web app.
riskwatch_for_bench() {
    case $1 in
        migrate) if [[ -n ${BENCH_DB_FILE:-} ]]; then cp --reflink=auto "$BENCH_DB_FILE" "${DB#sqlite://}"; else "$REAL_BIN" "$@"; fi ;;
        seed-demo) [[ -n ${BENCH_DB_FILE:-} ]] || "$REAL_BIN" "$@" ;;
        serve)
            shift
            local args=()
            while (($#)); do
                if [[ $1 == --web-dir ]]; then args+=(--web-dir "$WEB"); shift 2; else args+=("$1"); shift; fi
            done
            exec "$REAL_BIN" serve "${args[@]}" ;;
        *) "$REAL_BIN" "$@" ;;
    esac
}
WEB=${BENCH_WEB_DIR:-$ROOT/web/dist}
[[ -f $WEB/index.html ]] || die "no web app in $WEB (cd web && npm run build, or set BENCH_WEB_DIR)"
BIN=riskwatch_for_bench
BENCH_TOOLS="curl jq node"
bench_start

log "server on $BASE, ${BENCH_DB_FILE:-seed-demo data}, web app from $WEB, $RUNS cold runs per page"
BASE_URL=$BASE BENCH_USER=$USERNAME BENCH_PASSWORD=$PASSWORD node "$ROOT/bench/web-first-page.mjs" "$RUNS"

# What each picker asks the server once typing pauses: the first page of matches (limit=30) for a short text.
urlencode() { jq -rn --arg s "$1" '$s | @uri'; }
search_ms() {   # the best of three, in ms
    local best=""
    for _ in 1 2 3; do
        local s
        s=$(curl -fsS -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $TOKEN" "$BASE/api/v1$1") || return 1
        best=$(awk -v a="$s" -v b="${best:-999}" 'BEGIN { print (a < b ? a : b) }')
    done
    awk -v s="$best" 'BEGIN { printf "%.1f", s * 1000 }'
}
echo
printf '%-56s %8s\n' "picker searches as $USERNAME (limit=30, best of 3)" ms
for path in "/enterprises?q=$(urlencode 化工)" "/organizations?type=enterprise&q=$(urlencode 化工)" \
    "/organizations?type=agency&active=true&q=$(urlencode 环)" "/users?q=$(urlencode 张)" "/staff?q=$(urlencode 张)" \
    "/regions?q=$(urlencode 新吴)" "/policies?q=$(urlencode PICC)" "/industries?q=$(urlencode 制造)" "/industries?level=1"; do
    sep='&'; [[ $path == *\?* ]] || sep='?'
    printf '%-56s %8s\n' "GET $path" "$(search_ms "$path${sep}limit=30")"
done
