# Shared by the benchmarks: tools, a temp dir cleaned up on exit, a seeded server on a free loopback
# port, and a signed-in token. Source it after setting PROG, ROOT, BIN and BENCH_TOOLS (see below).
#   BENCH_TOOLS   tools to install if missing, e.g. "curl jq wrk"
#   BENCH_DB      database URL (default: a fresh SQLite file in the temp dir)
#   USERNAME/PASSWORD  who signs in (default demo-admin / Demo@2026)
#   BENCH_SERVE_ARGS   extra options for `riskwatch serve`, e.g. "--max-body-bytes 67108864"
# Sourcing defines log and die; bench_start then sets $TMP, $BASE, $TOKEN, $SERVER_PID, and stops the
# server (and EXTRA_PID when set) on exit.

log() { printf '%s: %s\n' "$PROG" "$*" >&2; }
die() { printf '%s: error: %s\n' "$PROG" "$*" >&2; exit 2; }
USERNAME=${USERNAME:-demo-admin}
PASSWORD=${PASSWORD:-Demo@2026}

bench_start() {
# ------------------------------------------------------------------ tools
need=()
for tool in $BENCH_TOOLS; do
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
EXTRA_PID=""

# shellcheck disable=SC2317  # invoked through the EXIT trap
cleanup() {
    local rc=$?
    set +e
    trap - EXIT INT TERM HUP
    if [[ -n $EXTRA_PID ]] && kill -0 "$EXTRA_PID" 2>/dev/null; then
        kill -TERM "$EXTRA_PID" 2>/dev/null
        wait "$EXTRA_PID" 2>/dev/null
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

DB=${BENCH_DB:-sqlite://$TMP/riskwatch.db}      # $TMP is absolute, so this is sqlite:///abs/path.db
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
# shellcheck disable=SC2086  # BENCH_SERVE_ARGS is a list of words
"$BIN" serve --db "$DB" --listen "127.0.0.1:$PORT" --data-dir "$DATA_DIR" --web-dir "$WEB_DIR" \
    ${BENCH_SERVE_ARGS:-} </dev/null >"$TMP/server.log" 2>&1 &
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
}
