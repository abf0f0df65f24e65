#!/usr/bin/env bash
# Scale-out, end to end: a throw-away PostgreSQL (scripts/with-postgres.sh), two `riskwatch serve` on their
# own ports sharing the database and one file store, behind nginx configured with deploy/nginx/riskwatch.conf
# (ports replaced by free ones; nginx runs as this user from a temp dir, on 127.0.0.1 only). Checks:
#   1. daily jobs run once a day whichever server gets there first (both check every second; the clock file
#      is moved a day at a time and the servers' logs must show one deadline sweep per day in all);
#   2. a session made on one server is valid on the other; a file uploaded to one is read from the other; a
#      calendar year uploaded through one is in the other's next answer (both keep the calendar, V058);
#   3. server B is killed (SIGKILL) in the middle of an upload load through nginx: every upload the client saw
#      acknowledged (201) is readable afterwards with the same bytes (scripts/scale_out_check.py).
# Usage: scripts/scale-out-test.sh        (needs build/riskwatch; RISKWATCH_BINARY overrides)
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -n ${RISKWATCH_TEST_PG:-} ]] || exec scripts/with-postgres.sh "$0" "$@"

readonly BIN=${RISKWATCH_BINARY:-$PWD/build/riskwatch}
readonly NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[[ -x $BIN ]] || { echo "scale-out: no server binary at $BIN (cmake --build build --target riskwatch)" >&2; exit 2; }
[[ -x $NGINX ]] || { echo "scale-out: nginx is missing (scripts/install-deps.sh --test installs it)" >&2; exit 2; }
readonly STARTED=$SECONDS
TMP=$(mktemp -d /tmp/riskwatch-scale.XXXXXX)
declare -A PID=()

log() { printf 'scale-out: %s\n' "$*"; }
# shellcheck disable=SC2317  # run by the EXIT trap
cleanup() {
    local rc=$?
    for name in "${!PID[@]}"; do kill "${PID[$name]}" 2>/dev/null || true; done
    for name in "${!PID[@]}"; do wait "${PID[$name]}" 2>/dev/null || true; done
    if [[ $rc -ne 0 ]]; then
        for f in "$TMP"/a.log "$TMP"/b.log "$TMP"/nginx/error.log; do
            [[ -f $f ]] && { echo "---- $f"; tail -n 20 "$f"; }
        done
        log "FAILED after $((SECONDS - STARTED)) s"
    fi
    rm -rf -- "$TMP"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() {  # wait_for SECONDS COMMAND...: until COMMAND succeeds
    local deadline=$((SECONDS + $1)); shift
    until "$@"; do
        ((SECONDS < deadline)) || return 1
        sleep 0.2
    done
}

# ------------------------------------------------------------------ database, clock, first admin
readonly DB_URL="${RISKWATCH_TEST_PG%/*}/scale_out"
psql -q "$RISKWATCH_TEST_PG" -c "CREATE DATABASE scale_out"
echo "2026-06-01T02:00:00Z" >"$TMP/clock"
readonly USERNAME=scale-admin PASSWORD=Scale2026out
echo "$PASSWORD" | "$BIN" create-admin --db "$DB_URL" --username "$USERNAME" >/dev/null
mkdir -p "$TMP/shared-files" "$TMP/web"

# ------------------------------------------------------------------ two servers, one file store
start_server() {
    local name=$1
    "$BIN" serve --db "$DB_URL" --listen 127.0.0.1:0 --port-file "$TMP/$name.port" --data-dir "$TMP/$name" \
        --files-dir "$TMP/shared-files" --web-dir "$TMP/web" --clock-file "$TMP/clock" \
        --job-interval-seconds 1 --webhook-interval-ms 0 --trusted-proxy 127.0.0.1 >"$TMP/$name.log" 2>&1 &
    PID[$name]=$!
}
start_server a
start_server b
wait_for 60 test -s "$TMP/a.port" || { log "server A did not start"; exit 1; }
wait_for 60 test -s "$TMP/b.port" || { log "server B did not start"; exit 1; }
PORT_A=$(<"$TMP/a.port") PORT_B=$(<"$TMP/b.port")
log "servers A on $PORT_A, B on $PORT_B"

# ------------------------------------------------------------------ nginx with the shipped site config
mkdir -p "$TMP/nginx"
PORT_N=$(free_port)
sed -e "s/127\.0\.0\.1:8081/127.0.0.1:$PORT_A/" -e "s/127\.0\.0\.1:8082/127.0.0.1:$PORT_B/" \
    -e "s/listen 127\.0\.0\.1:8080/listen 127.0.0.1:$PORT_N/" deploy/nginx/riskwatch.conf >"$TMP/nginx/riskwatch.conf"
grep -q "127.0.0.1:$PORT_A" "$TMP/nginx/riskwatch.conf" && grep -q "listen 127.0.0.1:$PORT_N" "$TMP/nginx/riskwatch.conf" ||
    { log "deploy/nginx/riskwatch.conf no longer has the ports this script replaces"; exit 1; }
{
    # As root nginx would hand its workers to 'nobody', who cannot read this temp dir.
    [[ $EUID -ne 0 ]] || echo "user root;"
    cat <<EOF
worker_processes 1;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/error.log warn;
events { worker_connections 256; }
http {
    access_log $TMP/nginx/access.log;
    client_body_temp_path $TMP/nginx/body;
    proxy_temp_path $TMP/nginx/proxy;
    fastcgi_temp_path $TMP/nginx/fastcgi;
    uwsgi_temp_path $TMP/nginx/uwsgi;
    scgi_temp_path $TMP/nginx/scgi;
    include $TMP/nginx/riskwatch.conf;
}
EOF
} >"$TMP/nginx/nginx.conf"
"$NGINX" -e "$TMP/nginx/error.log" -p "$TMP/nginx" -c "$TMP/nginx/nginx.conf" -g "daemon off;" &
PID[nginx]=$!
wait_for 20 curl -sf -o /dev/null "http://127.0.0.1:$PORT_N/api/v1/health" || { log "nginx did not come up"; exit 1; }
log "nginx on $PORT_N in front of both"

# ------------------------------------------------------------------ daily jobs: once per day in all
sweeps() { cat "$TMP/a.log" "$TMP/b.log" | grep -c "deadline sweep $1" || true; }
swept() { [[ $(sweeps "$1") -ge 1 ]]; }
for day in 2026-06-01 2026-06-02 2026-06-03; do
    echo "${day}T02:00:00Z" >"$TMP/clock.tmp" && mv "$TMP/clock.tmp" "$TMP/clock"
    wait_for 20 swept "$day" || { log "no deadline sweep for $day"; exit 1; }
    sleep 2.5  # both servers have looked at least twice since
    runs=$(sweeps "$day")
    [[ $runs -eq 1 ]] || { log "the deadline sweep of $day ran $runs times"; exit 1; }
    log "deadline sweep of $day ran once (A: $(grep -c "deadline sweep $day" "$TMP/a.log" || true), B: $(grep -c "deadline sweep $day" "$TMP/b.log" || true))"
done
if grep -h "daily jobs failed" "$TMP/a.log" "$TMP/b.log"; then log "a daily job failed"; exit 1; fi

# ------------------------------------------------------------------ sessions, shared files, kill under load
python3 scripts/scale_out_check.py --nginx "$PORT_N" --a "$PORT_A" --b "$PORT_B" --b-pid "${PID[b]}" \
    --username "$USERNAME" --password "$PASSWORD"
wait "${PID[b]}" 2>/dev/null || true
unset 'PID[b]'
log "passed in $((SECONDS - STARTED)) s"
