#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL cluster.
#
# Usage: scripts/with-postgres.sh CMD [ARGS...]
#
# - Installs Debian's `postgresql` package if no /usr/lib/postgresql/*/bin/initdb exists (needs root
#   or password-less sudo).
# - Creates a fresh cluster in a `mktemp -d` directory (trust auth, loopback only, a free port,
#   unix socket inside the temp dir, fsync=off). As root the cluster runs as the `postgres` system user,
#   since PostgreSQL refuses to run as root.
# - Exports RISKWATCH_TEST_PG=postgresql://postgres@127.0.0.1:PORT/postgres and runs CMD (as the caller).
# - Always stops the cluster and deletes the temp dir on exit, and exits with CMD's exit code.
#   (Its own failures exit with 2 before CMD runs.)
#
# Example:
#   scripts/with-postgres.sh bash -c 'psql "$RISKWATCH_TEST_PG" -c "select 1"'
set -euo pipefail

readonly PROG=with-postgres
log() { printf '%s: %s\n' "$PROG" "$*" >&2; }
die() { printf '%s: error: %s\n' "$PROG" "$*" >&2; exit 2; }

if [[ $# -lt 1 || $1 == -h || $1 == --help ]]; then
    sed -n '2,16s/^# \{0,1\}//p' "$0" >&2
    [[ $# -lt 1 ]] && exit 2 || exit 0
fi

# ------------------------------------------------------------------ find or install PostgreSQL
find_bindir() {
    local d best=""
    for d in /usr/lib/postgresql/*/bin; do
        [[ -x $d/initdb && -x $d/pg_ctl ]] || continue
        # keep the highest major version
        if [[ -z $best ]] || [[ $(basename "$(dirname "$d")") -gt $(basename "$(dirname "$best")") ]]; then
            best=$d
        fi
    done
    printf '%s' "$best"
}

as_admin() {
    if [[ $EUID -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        sudo -n "$@"
    else
        return 1
    fi
}

install_postgres() {
    if [[ $EUID -ne 0 ]] && ! { command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; }; then
        die "PostgreSQL is not installed and this script is neither root nor allowed password-less sudo; install it with: sudo apt-get install -y postgresql"
    fi
    command -v apt-get >/dev/null 2>&1 || die "PostgreSQL is not installed and apt-get is not available"
    log "PostgreSQL not found; installing Debian package 'postgresql' ..."
    export DEBIAN_FRONTEND=noninteractive
    if ! as_admin apt-get install -y -q postgresql >&2; then
        log "apt-get install failed; running apt-get update once and retrying ..."
        as_admin apt-get update -q >&2 || die "apt-get update failed"
        as_admin apt-get install -y -q postgresql >&2 || die "apt-get install -y postgresql failed"
    fi
}

BINDIR=$(find_bindir)
if [[ -z $BINDIR ]]; then
    install_postgres
    BINDIR=$(find_bindir)
    [[ -n $BINDIR ]] || die "postgresql was installed but no /usr/lib/postgresql/*/bin/initdb was found"
fi
PG_VERSION=$(basename "$(dirname "$BINDIR")")

# ------------------------------------------------------------------ who runs the server
RUN_AS=()
if [[ $EUID -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' system user to run the server as"
    command -v runuser >/dev/null 2>&1 || die "running as root but 'runuser' is missing (package util-linux)"
    RUN_AS=(runuser -u postgres --)
fi

# Runs a PostgreSQL tool as the server's owner, from inside the temp dir (the caller's working
# directory may not be readable by the postgres user).
pg() { (cd "$TMP" && "${RUN_AS[@]}" "$@"); }

# ------------------------------------------------------------------ temp dir + cleanup
TMP=""
STARTED=0
CMD_RC=""

# shellcheck disable=SC2317  # invoked through the EXIT trap
cleanup() {
    local rc=$?
    set +e
    trap - EXIT INT TERM HUP
    if [[ -n $TMP && -d $TMP ]]; then
        if [[ $STARTED -eq 1 || -f $TMP/data/postmaster.pid ]]; then
            if ! pg "$BINDIR/pg_ctl" -D "$TMP/data" -m immediate -w -t 30 stop >/dev/null 2>&1; then
                # last resort: kill the postmaster recorded in its pid file
                local pid
                pid=$(head -n1 "$TMP/data/postmaster.pid" 2>/dev/null)
                if [[ $pid =~ ^[0-9]+$ ]]; then
                    log "pg_ctl stop failed; killing postmaster $pid"
                    kill -KILL "$pid" 2>/dev/null
                    sleep 0.5
                fi
            fi
        fi
        rm -rf -- "$TMP" || log "warning: could not remove $TMP"
    fi
    if [[ -n $CMD_RC ]]; then
        exit "$CMD_RC"
    fi
    exit "$rc"
}
# A signal during set-up exits (running cleanup); while CMD runs it is forwarded to CMD and we
# exit once CMD has exited.
CHILD=""
# shellcheck disable=SC2317  # invoked through the signal traps
on_signal() {
    local sig=$1 code=$2
    if [[ -n $CHILD ]] && kill -0 "$CHILD" 2>/dev/null; then
        kill -s "$sig" "$CHILD" 2>/dev/null || true
    else
        exit "$code"
    fi
}
trap cleanup EXIT
trap 'on_signal INT 130' INT
trap 'on_signal TERM 143' TERM
trap 'on_signal HUP 129' HUP

make_tmp() {
    local base=${TMPDIR:-/tmp}
    TMP=$(mktemp -d "$base/riskwatch-pg.XXXXXX" 2>/dev/null) || TMP=""
    if [[ -n $TMP && ${#RUN_AS[@]} -gt 0 ]]; then
        chown postgres: "$TMP"
        # The postgres user must be able to reach the dir (a private TMPDIR like /root/tmp is not).
        if ! "${RUN_AS[@]}" test -w "$TMP" 2>/dev/null; then
            rm -rf -- "$TMP"
            TMP=""
        fi
    fi
    if [[ -z $TMP && $base != /tmp ]]; then
        TMP=$(mktemp -d /tmp/riskwatch-pg.XXXXXX) || die "mktemp failed"
        [[ ${#RUN_AS[@]} -eq 0 ]] || chown postgres: "$TMP"
    fi
    [[ -n $TMP ]] || die "could not create a temporary directory"
    # the unix socket path must stay under ~107 bytes
    (( ${#TMP} < 80 )) || die "temporary directory path is too long for a unix socket: $TMP"
}
make_tmp

# ------------------------------------------------------------------ initdb
LOCALE_ARGS=(--locale=C)
if locale -a 2>/dev/null | grep -qix 'c\.utf-\{0,1\}8'; then
    # byte-order collation (deterministic), UTF-8 aware character classes for Chinese text
    LOCALE_ARGS=(--lc-collate=C --lc-ctype=C.UTF-8)
fi

mkdir -p "$TMP/sock"
[[ ${#RUN_AS[@]} -eq 0 ]] || chown postgres: "$TMP/sock"

log "initdb (PostgreSQL $PG_VERSION) in $TMP/data"
if ! pg "$BINDIR/initdb" -D "$TMP/data" -U postgres -E UTF8 "${LOCALE_ARGS[@]}" \
        --auth-local=trust --auth-host=trust --no-sync >"$TMP/initdb.log" 2>&1; then
    cat "$TMP/initdb.log" >&2
    die "initdb failed"
fi

# Loopback only: the server listens on 127.0.0.1 and pg_hba accepts nothing else.
cat >"$TMP/data/pg_hba.conf" <<'EOF'
# throw-away test cluster made by scripts/with-postgres.sh: trust, loopback only
local   all             all                     trust
host    all             all     127.0.0.1/32    trust
local   replication     all                     trust
host    replication     all     127.0.0.1/32    trust
EOF
cat >>"$TMP/data/postgresql.conf" <<EOF

# ---- scripts/with-postgres.sh (throw-away test cluster) ----
listen_addresses = '127.0.0.1'
unix_socket_directories = '$TMP/sock'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
logging_collector = off
timezone = 'UTC'
log_timezone = 'UTC'
EOF
[[ ${#RUN_AS[@]} -eq 0 ]] || chown postgres: "$TMP/data/pg_hba.conf" "$TMP/data/postgresql.conf"

# ------------------------------------------------------------------ pick a port and start
port_in_use() {
    ss -ltnH "( sport = :$1 )" 2>/dev/null | grep -q .
}

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
        if ! port_in_use "$p"; then
            printf '%s' "$p"
            return
        fi
    done
    return 1
}

PORT=""
for attempt in 1 2 3 4 5; do
    PORT=$(pick_port) || die "could not find a free loopback port"
    : >"$TMP/server.log"
    [[ ${#RUN_AS[@]} -eq 0 ]] || chown postgres: "$TMP/server.log"
    STARTED=1
    if pg "$BINDIR/pg_ctl" -D "$TMP/data" -l "$TMP/server.log" -o "-p $PORT" -w -t 60 start >/dev/null 2>&1; then
        break
    fi
    if grep -qiE 'could not bind|address already in use' "$TMP/server.log" && [[ $attempt -lt 5 ]]; then
        log "port $PORT was taken meanwhile; trying another"
        STARTED=0
        continue
    fi
    tail -n 30 "$TMP/server.log" >&2 || true
    die "PostgreSQL failed to start (log above)"
done

export RISKWATCH_TEST_PG="postgresql://postgres@127.0.0.1:$PORT/postgres"
log "PostgreSQL $PG_VERSION ready at $RISKWATCH_TEST_PG"

# ------------------------------------------------------------------ run the command
# CMD runs in the background (keeping our stdin) so that signals reach the traps above at once.
set +e
"$@" <&0 &
CHILD=$!
while kill -0 "$CHILD" 2>/dev/null; do
    wait "$CHILD"
done
wait "$CHILD"
CMD_RC=$?
set -e
exit "$CMD_RC"
