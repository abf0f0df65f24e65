#!/usr/bin/env bash
# Benchmark of the services list endpoints on a big city's year of data. Not part of `make test`; see bench/README.md.
#
# Usage: bench/services-bench.sh [-v]
#   -v   also print wrk's full output
#
# Environment:
#   RISKWATCH_BIN      server binary (default: build/riskwatch in the repository)
#   BENCH_THREADS      wrk threads      (default 2)
#   BENCH_CONNECTIONS  wrk connections  (default 32)
#   BENCH_DURATION     wrk duration     (default 10s)
#   BENCH_TIMEOUT      wrk request timeout (default 10s; wrk's own 2 s would count slow lists as errors)
#   BENCH_ROUNDS       measurement rounds, each with its own /health reference (default 2)
#   BENCH_TODAY        the server's fixed clock (default 2026-06-01T02:00:00Z: 10:00 China time)
#   BENCH_VISITS_FROM / BENCH_VISITS_TO   the visit list's date range (default 2026-05-01 / 2026-06-30)
#   BENCH_SQL          SQL run on the database after the data are loaded, before the server starts: to compare a
#                      schema change on the same binary, e.g. 'DROP INDEX deadlines_parties;'
#   BENCH_KEEP=1       keep the temp dir (database, server log, wrk output) for inspection
#
# It seeds a fresh SQLite database, adds a year of services for agency A / insurer A with bench/make-services.py
# and the sqlite3 CLI (one transaction), starts `riskwatch serve --clock-file … --job-interval-seconds 0`, signs
# in as demo-agency and demo-insurer, and per round benchmarks with wrk GET /api/v1/health (no auth, no database:
# the reference) and /me (session lookup: the cheapest signed-in request), then as each user /enterprises?limit=50,
# /deadlines?limit=50, /commission-items?limit=50, /visits?from=&to=&limit=50 and /notifications?limit=20; it also times one
# GET /deadlines?limit=200 per user with curl. It prints per round endpoint / user / req/s / p50 / p99 / errors /
# share of /health's rate / the server's CPU milliseconds per request, and always stops the server on exit.
set -euo pipefail

readonly PROG=services-bench
USERNAME=demo-agency         # bench_start signs in as this user; demo-insurer is signed in below
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

VERBOSE=0
case "${1:-}" in
    "") ;;
    -v|--verbose) VERBOSE=1 ;;
    -h|--help) sed -n '2,26s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
esac

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REAL_BIN=${RISKWATCH_BIN:-$ROOT/build/riskwatch}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
DURATION=${BENCH_DURATION:-10s}
TIMEOUT=${BENCH_TIMEOUT:-10s}
ROUNDS=${BENCH_ROUNDS:-2}
TODAY=${BENCH_TODAY:-2026-06-01T02:00:00Z}
VISITS_FROM=${BENCH_VISITS_FROM:-2026-05-01}
VISITS_TO=${BENCH_VISITS_TO:-2026-06-30}

[[ -x $REAL_BIN ]] || die "server binary not found or not executable: $REAL_BIN (build it first, or set RISKWATCH_BIN)"
[[ -z ${BENCH_DB:-} || ${BENCH_DB} == sqlite://* ]] || die "BENCH_DB must be SQLite: the data are loaded with the sqlite3 CLI"
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "BENCH_ROUNDS must be a positive number"

# bench_start runs "$BIN migrate|seed-demo|serve". $BIN is this function: seed-demo is followed by the services data,
# and serve gets the fixed clock and no daily jobs (the sweep would otherwise change the data under measurement).
# `exec` keeps the server's pid the one bench_start waits for and stops.
CLOCK_FILE=""
load_services() {
    local db_file=${DB#sqlite://} started=$SECONDS
    python3 "$ROOT/bench/make-services.py" "$db_file" --today "${TODAY:0:10}" >"$TMP/services.sql" || return 1
    sqlite3 -bail "$db_file" <"$TMP/services.sql" || return 1
    rm -f -- "$TMP/services.sql"
    if [[ -n ${BENCH_SQL:-} ]]; then
        sqlite3 -bail "$db_file" <<<"$BENCH_SQL" || return 1
    fi
    echo "services data loaded in $(( SECONDS - started )) s${BENCH_SQL:+, then ran BENCH_SQL: $BENCH_SQL}"
}
riskwatch_for_bench() {
    if [[ -z $CLOCK_FILE ]]; then
        CLOCK_FILE=$TMP/clock
        printf '%s\n' "$TODAY" >"$CLOCK_FILE"
    fi
    case $1 in
        seed-demo) "$REAL_BIN" "$@" --clock-file "$CLOCK_FILE" && load_services ;;
        serve) shift; exec "$REAL_BIN" serve "$@" --clock-file "$CLOCK_FILE" --job-interval-seconds 0 ;;
        *) "$REAL_BIN" "$@" ;;
    esac
}
BIN=riskwatch_for_bench

BENCH_TOOLS="curl jq wrk python3 sqlite3"
bench_start
AGENCY_TOKEN=$TOKEN
grep -h '^make-services:\|^services data loaded' "$TMP/seed-demo.log" | sed "s/^/$PROG: /" >&2 || true

# ------------------------------------------------------------------ second user
login_body=$(jq -cn --arg u demo-insurer --arg p "$PASSWORD" '{username: $u, password: $p}')
INSURER_TOKEN=$(curl -fsS --max-time 10 -X POST -H 'Content-Type: application/json' --data "$login_body" \
    "$BASE/api/v1/auth/login" | jq -r '.token // empty') || die "login as demo-insurer failed"
[[ -n $INSURER_TOKEN ]] || die "login as demo-insurer returned no token"

ENDPOINTS=(
    "/api/v1/enterprises?limit=50"
    "/api/v1/deadlines?limit=50"
    "/api/v1/commission-items?limit=50"
    "/api/v1/visits?from=$VISITS_FROM&to=$VISITS_TO&limit=50"
    "/api/v1/notifications?limit=20"
)
USERS=(agency insurer)
token_of() { if [[ $1 == agency ]]; then printf '%s' "$AGENCY_TOKEN"; else printf '%s' "$INSURER_TOKEN"; fi; }

# ------------------------------------------------------------------ what each user sees
echo
printf 'data: %s\n' "$(sqlite3 "${DB#sqlite://}" "SELECT (SELECT COUNT(*) FROM commission_items) || ' commission items, ' ||
    (SELECT COUNT(*) FROM visits) || ' visits, ' || (SELECT COUNT(*) FROM deadlines) || ' deadlines (' ||
    (SELECT COUNT(*) FROM deadlines WHERE status = 'open') || ' open), ' ||
    (SELECT COUNT(*) FROM notifications) || ' notifications'")"
for user in "${USERS[@]}"; do
    for path in "${ENDPOINTS[@]}"; do
        body=$(curl -fsS --max-time 30 -H "Authorization: Bearer $(token_of "$user")" "$BASE$path") ||
            die "GET $path as demo-$user failed"
        n=$(jq -r '"\(.items | length) of \(.total)"' <<<"$body") || die "GET $path as demo-$user: not a page: ${body:0:300}"
        printf '  %-8s %-50s %s\n' "$user" "${path#/api/v1}" "$n"
    done
done

# ------------------------------------------------------------------ benchmark
# The server's CPU time (user + system, in clock ticks) from /proc: CPU per request does not depend on what else
# the machine runs as much as req/s does. Empty when /proc is not there.
CLK_TCK=$(getconf CLK_TCK 2>/dev/null || echo 100)
server_ticks() {
    local stat
    stat=$(cat "/proc/$SERVER_PID/stat" 2>/dev/null) || return 0
    stat=${stat##*) }                       # the fields after "(comm) "; utime and stime are the 12th and 13th
    awk '{ print $12 + $13 }' <<<"$stat"
}

# one tab-separated row per measurement: round, label, user, req/s, p50, p99, failed requests, server CPU ms/request
ROWS=()
bench() {
    local round=$1 user=$2 path=$3; shift 3
    local out=$TMP/wrk-${#ROWS[@]}.txt label=${path#/api/v1} ticks_before ticks
    ticks_before=$(server_ticks)
    log "round $round: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout $TIMEOUT --latency $label ($user)"
    # in the background, so a signal to this script is handled at once (the traps stop wrk too)
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout "$TIMEOUT" --latency "$@" "$BASE$path" </dev/null >"$out" 2>&1 &
    EXTRA_PID=$!
    if ! wait "$EXTRA_PID"; then
        cat "$out" >&2
        die "wrk failed for $label"
    fi
    ticks=$(server_ticks)
    [[ -n $ticks && -n $ticks_before ]] && ticks=$(( ticks - ticks_before )) || ticks=""
    [[ $VERBOSE -eq 0 ]] || { echo "== round $round: $label ($user)"; cat "$out"; echo; }
    ROWS+=("$(awk -v round="$round" -v label="$label" -v user="$user" -v ticks="$ticks" -v hz="$CLK_TCK" '
        / requests in /               { n = $1 }
        /^Requests\/sec:/             { rps = $2 }
        $1 == "50%"                   { p50 = $2 }
        $1 == "99%"                   { p99 = $2 }
        /Non-2xx or 3xx responses:/   { bad += $NF }
        /Socket errors:/              { for (i = 3; i <= NF; i += 2) { v = $(i + 1); gsub(/,/, "", v); bad += v } }
        END { cpu = (ticks != "" && n > 0) ? sprintf("%.3f", 1000 * ticks / hz / n) : "?"
              printf "%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n", round, label, user, (rps == "" ? "?" : rps),
              (p50 == "" ? "?" : p50), (p99 == "" ? "?" : p99), bad, cpu }
    ' "$out")")
}

SINGLE=()   # round, user, seconds of one GET /deadlines?limit=200
for round in $(seq 1 "$ROUNDS"); do
    bench "$round" - /api/v1/health
    bench "$round" agency /api/v1/me -H "Authorization: Bearer $AGENCY_TOKEN"
    for path in "${ENDPOINTS[@]}"; do
        for user in "${USERS[@]}"; do
            bench "$round" "$user" "$path" -H "Authorization: Bearer $(token_of "$user")"
        done
    done
    for user in "${USERS[@]}"; do
        seconds=$(curl -fsS --max-time 60 -o "$TMP/deadlines-200.json" -w '%{time_total}' \
            -H "Authorization: Bearer $(token_of "$user")" "$BASE/api/v1/deadlines?limit=200") ||
            die "GET /deadlines?limit=200 as demo-$user failed"
        SINGLE+=("$round	$user	$seconds	$(jq '.items | length' "$TMP/deadlines-200.json")")
    done
done

# ------------------------------------------------------------------ report
echo
printf 'riskwatch services benchmark: wrk -t%s -c%s -d%s --timeout %s on %s (%s CPUs), SQLite, clock %s\n' \
    "$THREADS" "$CONNECTIONS" "$DURATION" "$TIMEOUT" "$(uname -n)" "$(nproc 2>/dev/null || echo '?')" "$TODAY"
[[ -z ${BENCH_SQL:-} ]] || printf 'BENCH_SQL: %s\n' "$BENCH_SQL"
errors_total=0
for round in $(seq 1 "$ROUNDS"); do
    printf '\nround %s of %s\n' "$round" "$ROUNDS"
    printf '%-58s %-8s %10s %10s %10s %7s %9s %12s\n' endpoint user req/s p50 p99 errors /health 'cpu ms/req'
    health=""
    for row in "${ROWS[@]}"; do
        IFS=$'\t' read -r r label user rps p50 p99 bad cpu <<<"$row"
        [[ $r == "$round" ]] || continue
        [[ $label != /health ]] || health=$rps
        share=$(awk -v a="$rps" -v b="$health" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.1f%%", 100 * a / b; else print "?" }')
        printf '%-58s %-8s %10s %10s %10s %7s %9s %12s\n' "GET /api/v1$label" "$user" "$rps" "$p50" "$p99" "$bad" \
            "$share" "$cpu"
        errors_total=$(( errors_total + bad ))
    done
    for row in "${SINGLE[@]}"; do
        IFS=$'\t' read -r r user seconds count <<<"$row"
        [[ $r == "$round" ]] || continue
        printf '%-58s %-8s %10s s (one curl request, %s items)\n' "GET /api/v1/deadlines?limit=200" "$user" "$seconds" "$count"
    done
done
if [[ $errors_total -gt 0 ]]; then
    log "warning: some requests failed (non-2xx responses or socket errors); the numbers above are not trustworthy"
    exit 1
fi
