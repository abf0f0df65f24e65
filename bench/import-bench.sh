#!/usr/bin/env bash
# Spreadsheet import/export benchmark. Not part of `make test`; see bench/README.md.
#
# Usage: bench/import-bench.sh [N]      (N enterprises per file, default 10000)
#
# Environment:
#   RISKWATCH_BIN  server binary (default: build/riskwatch in the repository)
#   BENCH_DB       database URL (default: a fresh SQLite file; e.g. postgresql://… for PostgreSQL)
#   BENCH_KEEP=1   keep the temp dir for inspection
#
# On a freshly seeded server, signed in as demo-admin, it times with curl:
#   1. a UTF-8 CSV of N new enterprises (all created),
#   2. the same file again (existing rows: nothing changes, nothing is duplicated),
#   3. a GBK CSV of N other new enterprises,
#   4. the export of all enterprises to .xlsx,
#   5. that .xlsx imported back (existing rows),
# checking each report's counts, and prints seconds per step.
set -euo pipefail

readonly PROG=import-bench
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

COUNT=${1:-10000}
[[ $COUNT =~ ^[0-9]+$ ]] || die "N must be a number (see --help)"
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${RISKWATCH_BIN:-$ROOT/build/riskwatch}
[[ -x $BIN ]] || die "server binary not found or not executable: $BIN (build it first, or set RISKWATCH_BIN)"
BENCH_TOOLS="curl jq python3"
bench_start

python3 "$ROOT/bench/make-enterprises.py" "$COUNT" "$TMP/a.csv" --set A
python3 "$ROOT/bench/make-enterprises.py" "$COUNT" "$TMP/b.csv" --set B --gbk

RESULTS=()
# import LABEL FILE CONTENT_TYPE EXPECTED_CREATED EXPECTED_UPDATED
import() {
    local label=$1 file=$2 type=$3 created=$4 updated=$5 out=$TMP/report.json seconds
    seconds=$(curl -sS --max-time 600 -o "$out" -w '%{time_total}' -X POST -H "Authorization: Bearer $TOKEN" \
        -H "Content-Type: $type" --data-binary "@$file" "$BASE/api/v1/imports/enterprises")
    [[ $(jq -r '"\(.created) \(.updated) \(.invalid_rows)"' "$out") == "$created $updated 0" ]] ||
        die "$label: unexpected report $(head -c 600 "$out")"
    RESULTS+=("$label	$seconds")
}

import "CSV UTF-8, $COUNT new" "$TMP/a.csv" text/csv "$COUNT" 0
import "same CSV again (existing rows)" "$TMP/a.csv" text/csv 0 "$COUNT"
import "CSV GBK, $COUNT new" "$TMP/b.csv" text/csv "$COUNT" 0

total=$(curl -sS -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/enterprises?limit=1" | jq -r .total)
seconds=$(curl -sS --max-time 600 -o "$TMP/all.xlsx" -w '%{time_total}' -H "Authorization: Bearer $TOKEN" \
    "$BASE/api/v1/enterprises/export")
RESULTS+=("export $total to .xlsx	$seconds")
import ".xlsx of $total back (existing rows)" "$TMP/all.xlsx" \
    application/vnd.openxmlformats-officedocument.spreadsheetml.sheet 0 "$total"

echo
printf 'riskwatch import benchmark on %s (%s CPUs), %s\n' "$(uname -n)" "$(nproc 2>/dev/null || echo '?')" "${DB%%:*}"
printf '%-36s %10s\n' step seconds
for row in "${RESULTS[@]}"; do
    IFS=$'\t' read -r label seconds <<<"$row"
    printf '%-36s %10s\n' "$label" "$seconds"
done
