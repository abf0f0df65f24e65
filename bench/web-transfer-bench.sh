#!/usr/bin/env bash
# Bytes on the wire for the web app's first load and for API lists, per Accept-Encoding, and the server CPU
# that gzipping a list costs. Not part of `make test`; see bench/README.md.
#
# Environment: RISKWATCH_BIN (default build/riskwatch), BENCH_LIST (default /enterprises?limit=20),
# BENCH_THREADS, BENCH_CONNECTIONS (default 2 and 16), BENCH_DURATION (default 10s), BENCH_KEEP=1.
# Serves web/dist (build it first: cd web && npm run build), signs in as demo-admin.
set -euo pipefail

readonly PROG=web-transfer-bench
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${RISKWATCH_BIN:-$ROOT/build/riskwatch}
LIST=${BENCH_LIST:-/enterprises?limit=20}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
DURATION=${BENCH_DURATION:-10s}
[[ -x $BIN ]] || die "server binary not found or not executable: $BIN"
[[ -f $ROOT/web/dist/index.html ]] || die "web/dist is not built (cd web && npm run build)"

BENCH_TOOLS="curl jq wrk"
bench_start

# Bytes the server sends for `path` (headers not counted) to a client sending `accept`.
wire_bytes() {
    local accept=$1 path=$2; shift 2
    curl -fsS -o /dev/null -w '%{size_download}' -H "Accept-Encoding: $accept" "$@" "$BASE$path"
}

# The first load of an entry page: the page and the scripts, preloads and styles it names. Chunks that a
# route loads later (the sign-in page's own) are not counted.
first_load() {
    local entry=$1 accept=$2 total path
    total=$(wire_bytes "$accept" "$entry")
    while read -r path; do
        total=$(( total + $(wire_bytes "$accept" "$path") ))
    done < <(curl -fsS "$BASE$entry" | grep -oE '(src|href)="/assets/[^"]+"' | sed -E 's/^(src|href)="//; s/"$//')
    printf '%s' "$total"
}

echo
printf '%-32s %12s %12s %12s\n' 'bytes on the wire' identity gzip br
for entry in / /field/; do
    printf '%-32s %12s %12s %12s\n' "first load of $entry" "$(first_load "$entry" identity)" \
        "$(first_load "$entry" gzip)" "$(first_load "$entry" 'gzip, br')"
done
auth=(-H "Authorization: Bearer $TOKEN")
for path in "$LIST" /dictionaries /me; do
    printf '%-32s %12s %12s %12s\n' "GET $path" "$(wire_bytes identity "/api/v1$path" "${auth[@]}")" \
        "$(wire_bytes gzip "/api/v1$path" "${auth[@]}")" "$(wire_bytes 'gzip, br' "/api/v1$path" "${auth[@]}")"
done

server_ticks() {   # user + system CPU of the server, in clock ticks (fields 14 and 15 of /proc/PID/stat)
    local stat
    stat=$(cat "/proc/$SERVER_PID/stat")
    awk '{ print $12 + $13 }' <<<"${stat##*) }"
}

echo
printf '%-44s %10s %10s %10s %12s\n' "wrk -t$THREADS -c$CONNECTIONS -d$DURATION" req/s p50 p99 'cpu ms/req'
for accept in identity gzip; do
    before=$(server_ticks)
    out=$TMP/wrk-$accept.txt
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" \
        -H "Accept-Encoding: $accept" "$BASE/api/v1$LIST" >"$out" 2>&1 &
    EXTRA_PID=$!
    wait "$EXTRA_PID" || { cat "$out" >&2; die "wrk failed"; }
    after=$(server_ticks)
    awk -v label="GET $LIST ($accept)" -v ticks=$(( after - before )) -v hz="$(getconf CLK_TCK)" '
        /^Requests\/sec:/ { rps = $2 }
        $1 == "50%" { p50 = $2 }
        $1 == "99%" { p99 = $2 }
        /requests in/ { n = $1 }
        /Non-2xx or 3xx responses:/ { bad = $NF }
        END { printf "%-44s %10s %10s %10s %12.3f%s\n", label, rps, p50, p99, 1000 * ticks / hz / n,
                     (bad ? "  (" bad " failed)" : "") }' "$out"
done
