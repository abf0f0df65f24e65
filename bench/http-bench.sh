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
log() { printf '%s: %s\n' "$PROG" "$*" >&2; }
die() { printf '%s: error: %s\n' "$PROG" "$*" >&2; exit 2; }

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
readonly USERNAME=demo-admin PASSWORD='Demo@2026'

[[ -x $BIN ]] || die "server binary not found or not executable: $BIN (build it first, or set RISKWATCH_BIN)"

# ------------------------------------------------------------------ tools (curl, jq, wrk)
need=()
for tool in curl jq wrk; do
    command -v "$tool" >/dev/null 2>&1 || need+=("$tool")
done
if [[ ${#need[@]} -gt 0 ]]; then
    [[ $EUID -eq 0 ]] || die "missing tools: ${need[*]} (install them: sudo apt-get install -y ${need[*]})"
    log "installing ${need[*]} with apt-get ..."
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-get install -y -q "${need[@]}" >&2; then
        log "apt-get install failed; running apt-get update once and retrying ..."
        apt-get update -q >&2 || die "apt-get update failed"
        apt-get install -y -q "${need[@]}" >&2 || die "apt-get install -y ${need[*]} failed"
    fi
fi

# ------------------------------------------------------------------ temp dir, server, cleanup
TMP=$(mktemp -d "${TMPDIR:-/tmp}/riskwatch-bench.XXXXXX") || die "mktemp failed"
SERVER_PID=""
WRK_PID=""

# shellcheck disable=SC2317  # invoked through the EXIT trap
cleanup() {
    local rc=$?
    set +e
    trap - EXIT INT TERM HUP
    if [[ -n $WRK_PID ]] && kill -0 "$WRK_PID" 2>/dev/null; then
        kill -TERM "$WRK_PID" 2>/dev/null
        wait "$WRK_PID" 2>/dev/null
    fi
    if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null
        local _
        for _ in $(seq 1 50); do
            kill -0 "$SERVER_PID" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$SERVER_PID" 2>/dev/null; then
            log "server did not stop after SIGTERM; killing it"
            kill -KILL "$SERVER_PID" 2>/dev/null
        fi
        wait "$SERVER_PID" 2>/dev/null
    fi
    if [[ ${BENCH_KEEP:-0} == 1 ]]; then
        log "kept $TMP"
    else
        rm -rf -- "$TMP"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

pick_port() {
    local p
    if command -v python3 >/dev/null 2>&1 &&
        p=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null) &&
        [[ $p =~ ^[0-9]+$ ]]; then
        printf '%s' "$p"
        return
    fi
    local _
    for _ in $(seq 1 200); do
        p=$(( 20000 + RANDOM % 40000 ))
        if ! ss -ltnH "( sport = :$p )" 2>/dev/null | grep -q .; then
            printf '%s' "$p"
            return
        fi
    done
    return 1
}

DB="sqlite://$TMP/riskwatch.db"      # $TMP is absolute, so this is sqlite:///abs/path.db
DATA_DIR=$TMP/data
mkdir -p "$DATA_DIR"
WEB_DIR=$ROOT/web/dist
if [[ ! -f $WEB_DIR/index.html ]]; then
    # the API benchmark does not need the web app; give the server a minimal one
    WEB_DIR=$TMP/web
    mkdir -p "$WEB_DIR/field"
    printf '<!doctype html><title>Riskwatch</title>\n' >"$WEB_DIR/index.html"
    cp "$WEB_DIR/index.html" "$WEB_DIR/field.html"
fi

run_step() {
    local name=$1; shift
    if ! "$@" >"$TMP/$name.log" 2>&1; then
        tail -n 30 "$TMP/$name.log" >&2
        die "'$*' failed (output above)"
    fi
}
log "migrate + seed-demo into $DB"
run_step migrate "$BIN" migrate --db "$DB"
run_step seed-demo "$BIN" seed-demo --db "$DB"

PORT=$(pick_port) || die "could not find a free loopback port"
BASE=http://127.0.0.1:$PORT
log "starting server on 127.0.0.1:$PORT"
"$BIN" serve --db "$DB" --listen "127.0.0.1:$PORT" --data-dir "$DATA_DIR" --web-dir "$WEB_DIR" \
    </dev/null >"$TMP/server.log" 2>&1 &
SERVER_PID=$!

ready=0
for _ in $(seq 1 150); do       # up to ~30 s
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        tail -n 30 "$TMP/server.log" >&2
        die "server exited during start-up (log above)"
    fi
    if curl -fsS -o /dev/null --max-time 2 "$BASE/api/v1/health" 2>/dev/null; then
        ready=1
        break
    fi
    sleep 0.2
done
if [[ $ready -ne 1 ]]; then
    tail -n 30 "$TMP/server.log" >&2
    die "server did not answer GET /api/v1/health within 30 s (log above)"
fi

# ------------------------------------------------------------------ sign in
login_body=$(jq -cn --arg u "$USERNAME" --arg p "$PASSWORD" '{username: $u, password: $p}')
login_resp=$(curl -sS --max-time 10 -X POST -H 'Content-Type: application/json' \
    --data "$login_body" -w '\n%{http_code}' "$BASE/api/v1/auth/login") || die "login request failed"
login_status=${login_resp##*$'\n'}
login_json=${login_resp%$'\n'*}
[[ $login_status == 200 ]] || die "login as $USERNAME returned HTTP $login_status: $login_json"
TOKEN=$(jq -r '.token // empty' <<<"$login_json") || die "login response is not JSON: $login_json"
[[ -n $TOKEN ]] || die "login response has no token: $login_json"

me_status=$(curl -sS -o /dev/null -w '%{http_code}' --max-time 10 \
    -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/me") || die "GET /api/v1/me failed"
[[ $me_status == 200 ]] || die "GET /api/v1/me with the Bearer token returned HTTP $me_status"

# ------------------------------------------------------------------ benchmark
# one tab-separated row per endpoint: label, req/s, p50, p99, failed requests
ROWS=()
bench() {
    local label=$1 path=$2; shift 2
    local out=$TMP/wrk-${#ROWS[@]}.txt
    log "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency $label"
    # in the background, so a signal to this script is handled at once (the traps stop wrk too)
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$BASE$path" </dev/null >"$out" 2>&1 &
    WRK_PID=$!
    if ! wait "$WRK_PID"; then
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
