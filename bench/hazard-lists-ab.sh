#!/usr/bin/env bash
# Hazard lists at province scale, two binaries side by side: the server CPU ms per request (10 in a row, after one
# to warm up) of each case on binary A and on binary B, each serving its own copy of the province, so one run
# compares them at the same machine load. Not part of `make test`; see bench/README.md ("Hazards").
#
# Usage: A_BIN=old/riskwatch B_BIN=build/riskwatch bench/hazard-lists-ab.sh PROVINCE.db
#   PROVINCE.db: a province made by `riskwatch bench-data --scale province --today 2026-12-02` (province-bench.sh
#   keeps one in /var/tmp/riskwatch-bench); it is copied twice into a temp dir (about 3 GB each).
set -euo pipefail

if [[ $# -ne 1 || ! -f $1 || ! -x ${A_BIN:-} || ! -x ${B_BIN:-} ]]; then
    sed -n '2,8s/^# \{0,1\}//p' "$0"
    exit 2
fi
work=$(mktemp -d /var/tmp/hazard-lists-ab.XXXXXX)
declare -A PID PORT TOKEN
stop() {
    for pid in "${PID[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap stop EXIT
echo "2026-12-02T02:00:00Z" >"$work/clock"

# serve NAME BINARY: migrates its copy with its binary, serves it with the province's clock and no daily jobs.
serve() {
    local db="sqlite://$work/$1.db"
    cp "$PROVINCE" "$work/$1.db"
    "$2" migrate --db "$db" >"$work/$1.log" 2>&1
    "$2" serve --db "$db" --listen 127.0.0.1:0 --port-file "$work/$1.port" --data-dir "$work/$1.data" \
        --clock-file "$work/clock" --job-interval-seconds 0 >>"$work/$1.log" 2>&1 &
    PID[$1]=$!
    for _ in $(seq 300); do [[ -s $work/$1.port ]] && break; sleep 0.2; done
    PORT[$1]=$(cat "$work/$1.port")
    for user in demo-regulator demo-insurer demo-agency; do
        TOKEN[$1.$user]=$(curl -sS -X POST -H 'Content-Type: application/json' \
            -d "{\"username\":\"$user\",\"password\":\"Demo@2026\"}" \
            "http://127.0.0.1:${PORT[$1]}/api/v1/auth/login" | jq -r .token)
    done
}
get() { curl -sS -o /dev/null -H "Authorization: Bearer ${TOKEN[$1.$2]}" "http://127.0.0.1:${PORT[$1]}/api/v1$3"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/${PID[$1]}/stat"; }

PROVINCE=$1
serve A "$A_BIN"
serve B "$B_BIN"
tick=$(getconf CLK_TCK)
printf '%-36s %9s %9s %6s\n' case "A cpu ms" "B cpu ms" "A/B"
while IFS='|' read -r name user path; do
    declare -A ms=()
    for side in A B; do
        get "$side" "$user" "$path"
        before=$(cpu_ticks "$side")
        for _ in $(seq 10); do get "$side" "$user" "$path"; done
        ms[$side]=$(( ($(cpu_ticks "$side") - before) * 1000 / tick / 10 ))
    done
    printf '%-36s %9s %9s %6s\n' "$name" "${ms[A]}" "${ms[B]}" \
        "$(awk -v a="${ms[A]}" -v b="${ms[B]}" 'BEGIN { if (b > 0) printf "%.1f", a / b; else printf "-" }')"
done <<'CASES'
hazards first page (agency)|demo-agency|/hazards?limit=20
hazards first page (insurer)|demo-insurer|/hazards?limit=20
hazards first page (regulator)|demo-regulator|/hazards?limit=20
rectifying, major (regulator)|demo-regulator|/hazards?status=rectifying&grade=major&limit=20
overdue (regulator)|demo-regulator|/hazards?overdue=true&limit=20
overdue (insurer)|demo-insurer|/hazards?overdue=true&limit=20
district (regulator)|demo-regulator|/hazards?region_id=132&limit=20
escalations (regulator)|demo-regulator|/hazard-escalations?limit=20
escalations (agency)|demo-agency|/hazard-escalations?limit=20
CASES
printf 'load average: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
