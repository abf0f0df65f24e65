#!/usr/bin/env bash
# Server memory during a large spreadsheet import. Not part of `make test`; see bench/README.md.
#
# Usage: bench/import-memory-bench.sh [N]      (N enterprises, default 99999: with the header, 100,000 rows)
#
# Environment:
#   RISKWATCH_BIN  server binary (default: build/riskwatch in the repository)
#   BENCH_DB       database URL (default: a fresh SQLite file; e.g. postgresql://… for PostgreSQL)
#   BENCH_KEEP=1   keep the temp dir for inspection
#
# On a freshly seeded server, signed in as demo-admin (platform admin), it imports an .xlsx of N new
# enterprises (shared strings, as Excel writes them), then the same file again (nothing changes), then the
# same rows as a UTF-8 CSV (nothing changes), then a CSV of the same enterprises with two fields changed in each
# (all updated), each file in one request, checking each report, and prints the
# server's resident memory (VmRSS) and the step's peak (VmHWM, from /proc/PID/status, reset before each step
# through clear_refs), with the seconds until the answer, rows per second, the seconds until the search indexes
# hold the rows (SQLite: the server's passes after the answer) and the server's CPU seconds the step took. The goal:
# peak ≤ 250 MB at 100,000 rows.
set -euo pipefail

readonly PROG=import-memory-bench
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

COUNT=${1:-99999}
[[ $COUNT =~ ^[0-9]+$ ]] || die "N must be a number"
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${RISKWATCH_BIN:-$ROOT/build/riskwatch}
[[ -x $BIN ]] || die "server binary not found or not executable: $BIN (build it first, or set RISKWATCH_BIN)"
BENCH_TOOLS="curl jq python3"
# 100,000 rows of CSV are about 13 MB: more than the 10 MiB cap of JSON bodies, well within the import route's
# (--max-upload-bytes, 200 MiB). A server older than that cap needs BENCH_SERVE_ARGS="--max-body-bytes 67108864".
bench_start

log "generating $COUNT enterprises as .xlsx and .csv"
python3 "$ROOT/bench/make-enterprises.py" "$COUNT" "$TMP/enterprises.xlsx"
python3 "$ROOT/bench/make-enterprises.py" "$COUNT" "$TMP/enterprises.csv"
python3 "$ROOT/bench/make-enterprises.py" "$COUNT" "$TMP/changed.csv" --changed

# The server's memory figure NAME (VmRSS, VmHWM) in MB.
memory() { awk -v name="$1:" '$1 == name { printf "%.0f", $2 / 1024 }' "/proc/$SERVER_PID/status"; }
# The server's CPU time so far (user + system) in seconds: steadier than wall time on a busy machine.
CLK_TCK=$(getconf CLK_TCK 2>/dev/null || echo 100)
cpu_seconds() {
    local stat
    stat=$(cat "/proc/$SERVER_PID/stat")
    stat=${stat##*) }  # the fields after "(comm) "; utime and stime are the 12th and 13th
    awk -v hz="$CLK_TCK" '{ printf "%.1f", ($12 + $13) / hz }' <<<"$stat"
}

# SQLite: the enterprises an import wrote wait for the server's next passes to enter the text indexes (V052); how
# many still wait, or nothing on PostgreSQL, whose indexes take each row as it is written.
SQLITE_FILE=
[[ $DB == sqlite://* ]] && SQLITE_FILE=${DB#sqlite://}
waiting_for_index() {
    [[ -n $SQLITE_FILE ]] || { echo 0; return; }
    python3 -c 'import sqlite3, sys
db = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
print(db.execute("SELECT COUNT(*) FROM enterprise_search_waiting").fetchone()[0])' "$SQLITE_FILE"
}
now() { date +%s.%N; }

RESULTS=("start	-	-	-	-	$(memory VmRSS)	$(memory VmHWM)")
# import LABEL FILE CONTENT_TYPE EXPECTED_CREATED EXPECTED_UPDATED
import() {
    local label=$1 file=$2 type=$3 created=$4 updated=$5 out=$TMP/report.json seconds cpu_before cpu rate
    local started indexed
    cpu_before=$(cpu_seconds)
    started=$(now)
    # Reset the peak to the current size, so it shows this step's (the login's Argon2 hash alone takes 64 MiB).
    echo 5 >"/proc/$SERVER_PID/clear_refs" 2>/dev/null || log "cannot reset the peak; it includes earlier steps"
    seconds=$(curl -sS --max-time 1200 -o "$out" -w '%{time_total}' -X POST -H "Authorization: Bearer $TOKEN" \
        -H "Content-Type: $type" --data-binary "@$file" "$BASE/api/v1/imports/enterprises")
    [[ $(jq -r '"\(.created) \(.updated) \(.invalid_rows)"' "$out") == "$created $updated 0" ]] ||
        die "$label: unexpected report $(head -c 600 "$out")"
    while (($(waiting_for_index) > 0)); do sleep 0.05; done
    indexed=$(awk -v a="$started" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }')
    sleep 1  # let the server finish the request and its index pass before reading its memory
    cpu=$(awk -v a="$cpu_before" -v b="$(cpu_seconds)" 'BEGIN { printf "%.1f", b - a }')
    rate=$(awk -v n="$COUNT" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }')
    RESULTS+=("$label	$seconds	$rate	$indexed	$cpu	$(memory VmRSS)	$(memory VmHWM)")
    log "$label: ${seconds}s ($rate rows/s), in the search indexes after ${indexed}s, CPU ${cpu}s," \
        "RSS $(memory VmRSS) MB, peak $(memory VmHWM) MB"
}

XLSX=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
import ".xlsx, $COUNT new" "$TMP/enterprises.xlsx" "$XLSX" "$COUNT" 0
import "same .xlsx again (unchanged)" "$TMP/enterprises.xlsx" "$XLSX" 0 "$COUNT"
import "same rows as CSV (unchanged)" "$TMP/enterprises.csv" text/csv 0 "$COUNT"
import "CSV, 2 fields changed (updates)" "$TMP/changed.csv" text/csv 0 "$COUNT"

echo
printf 'riskwatch import memory on %s (%s CPUs), %s, .xlsx %s bytes\n' "$(uname -n)" \
    "$(nproc 2>/dev/null || echo '?')" "${DB%%:*}" "$(stat -c %s "$TMP/enterprises.xlsx")"
printf '%-32s %9s %9s %9s %9s %9s %9s\n' "after step" seconds "rows/s" indexed "CPU s" "RSS MB" "peak MB"
for row in "${RESULTS[@]}"; do
    IFS=$'\t' read -r label seconds rate indexed cpu rss peak <<<"$row"
    printf '%-32s %9s %9s %9s %9s %9s %9s\n' "$label" "$seconds" "$rate" "$indexed" "$cpu" "$rss" "$peak"
done
