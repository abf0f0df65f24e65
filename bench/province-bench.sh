#!/usr/bin/env bash
# Every list and search, and the common writes, at province scale (issue 10). Not part of `make test`; see
# bench/README.md.
#
# Usage: bench/province-bench.sh [-v]
#   -v   also print wrk's full output
#
# Environment:
#   RISKWATCH_BIN      server binary (default: build/riskwatch in the repository)
#   BENCH_DB           sqlite (default) or postgresql (runs itself under scripts/with-postgres.sh)
#   BENCH_SEED         bench-data seed (default 1)
#   BENCH_TODAY        the data's date and the server's fixed clock, 10:00 China time (default 2026-12-02)
#   BENCH_CACHE        where generated databases are kept between runs (default /var/tmp/riskwatch-bench)
#   BENCH_THREADS      wrk threads (default 2)
#   BENCH_CONNECTIONS  wrk connections (default 32)
#   BENCH_DURATION     wrk duration of each case (default 5s)
#   BENCH_TIMEOUT      wrk request timeout (default 10s)
#   BENCH_CASES        only the cases whose name matches this extended regex
#   BENCH_KEEP=1       keep the temp dir (database copy, server log, wrk output)
#
# The province (`riskwatch bench-data --scale province`) is generated once per seed, date, schema and generator (a
# hash of migrations/*.sql and src/benchdata/*, so it does not depend on the rest of the binary) and cached: a
# SQLite file, or a pg_dump for PostgreSQL.
# Each run works on a copy, starts `riskwatch serve --clock-file … --job-interval-seconds 0 --webhook-interval-ms 0`
# (no daily jobs; the deliveries to the generated webhook subscriptions stay pending, unsent), signs in as the
# demo parties and runs wrk per case. One line per case: req/s, p50, p99, errors, the server's CPU ms per request
# and its peak RSS during the case (from /proc), and req/s as a share of /api/v1/health in the same run.
set -euo pipefail

readonly PROG=province-bench
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
KIND=${BENCH_DB:-sqlite}
case $KIND in
    sqlite) ;;
    postgresql)
        if [[ -z ${RISKWATCH_TEST_PG:-} ]]; then exec "$ROOT/scripts/with-postgres.sh" "$0" "$@"; fi ;;
    *) printf '%s: error: BENCH_DB must be sqlite or postgresql\n' "$PROG" >&2; exit 2 ;;
esac
USERNAME=demo-regulator      # bench_start signs in as this user; the other parties sign in below
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

VERBOSE=0
case "${1:-}" in
    "") ;;
    -v|--verbose) VERBOSE=1 ;;
    -h|--help) sed -n '2,26s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
esac

REAL_BIN=${RISKWATCH_BIN:-$ROOT/build/riskwatch}
SEED=${BENCH_SEED:-1}
TODAY=${BENCH_TODAY:-2026-12-02}
CACHE=${BENCH_CACHE:-/var/tmp/riskwatch-bench}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
DURATION=${BENCH_DURATION:-5s}
TIMEOUT=${BENCH_TIMEOUT:-10s}
[[ -x $REAL_BIN ]] || die "server binary not found or not executable: $REAL_BIN (build it first, or set RISKWATCH_BIN)"
[[ $TODAY =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || die "BENCH_TODAY must be YYYY-MM-DD"

SCHEMA=$(cat "$ROOT"/migrations/*.sql "$ROOT"/src/benchdata/* | sha256sum | cut -c1-12)
CACHED=$CACHE/province-seed$SEED-$TODAY-$SCHEMA
mkdir -p "$CACHE"

# The cached province: generated once (under a lock, so two runs do not both generate it).
generate() {
    local url=$1 started=$SECONDS
    log "generating the province (seed $SEED, $TODAY) into $url: about 2.5 minutes on SQLite, more on PostgreSQL"
    "$REAL_BIN" bench-data --db "$url" --scale province --seed "$SEED" --today "$TODAY" >"$TMP/bench-data.log" 2>&1 ||
        { tail -n 20 "$TMP/bench-data.log" >&2; return 1; }
    log "generated in $(( SECONDS - started )) s"
}
provide_sqlite() {
    local target=${DB#sqlite://}
    if [[ ! -f $CACHED.db ]]; then
        generate "sqlite://$CACHED.tmp.db" || return 1
        # Only a whole province is cached (the checkpoint would create an empty file of a run killed meanwhile).
        [[ $(sqlite3 "$CACHED.tmp.db" 'SELECT COUNT(*) FROM enterprises' 2>/dev/null) -gt 0 ]] ||
            { log "the generated database has no enterprises"; return 1; }
        sqlite3 "$CACHED.tmp.db" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null && mv "$CACHED.tmp.db" "$CACHED.db"
    fi
    cp --reflink=auto "$CACHED.db" "$target"
    # Written out now: the copy's 3 GB of dirty pages would otherwise go to disk inside the server's first
    # checkpoint (its fsync), stalling the first write case's requests for a second or more.
    sync "$target"
}
provide_postgresql() {
    if [[ ! -f $CACHED.pgdump ]]; then
        generate "$DB" || return 1
        pg_dump -Fc -d "$DB" -f "$CACHED.tmp.pgdump" && mv "$CACHED.tmp.pgdump" "$CACHED.pgdump"
    else
        log "restoring $CACHED.pgdump"
        pg_restore -j2 --no-owner -d "$DB" "$CACHED.pgdump"
    fi
    # Neither a dump nor a bulk load leaves planner statistics or a visibility map, which autovacuum keeps on a
    # live database: without them PostgreSQL guesses every filter and reads the heap behind every index.
    psql -q -d "$DB" -c 'VACUUM ANALYZE'
}

# bench_start runs "$BIN migrate|seed-demo|serve": migrate provides the province instead, seed-demo does nothing
# (the demo logins are in it), serve gets the fixed clock, no daily jobs and no webhook sending. `exec` keeps the
# server's pid the one bench_start waits for and stops.
CLOCK_FILE=""
riskwatch_for_bench() {
    case $1 in
        migrate) ( flock 9 && "provide_$KIND" ) 9>"$CACHE/.lock" ;;
        seed-demo) ;;
        serve)
            shift
            CLOCK_FILE=$TMP/clock
            printf '%sT02:00:00Z\n' "$TODAY" >"$CLOCK_FILE"
            exec "$REAL_BIN" serve "$@" --clock-file "$CLOCK_FILE" --job-interval-seconds 0 --webhook-interval-ms 0 ;;
        *) "$REAL_BIN" "$@" ;;
    esac
}
BIN=riskwatch_for_bench
# lib.sh reads BENCH_DB as the database URL: the throw-away cluster, or its own SQLite file.
if [[ $KIND == sqlite ]]; then unset BENCH_DB; else BENCH_DB=$RISKWATCH_TEST_PG; fi
BENCH_TOOLS="curl jq wrk python3 sqlite3"
[[ $KIND == sqlite ]] || BENCH_TOOLS="curl jq wrk python3"
bench_start
START_MB=$(awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$SERVER_PID/status")

declare -A TOKENS=([regulator]=$TOKEN)
for party in insurer agency admin enterprise; do
    body=$(jq -cn --arg u "demo-$party" --arg p "$PASSWORD" '{username: $u, password: $p}')
    TOKENS[$party]=$(curl -fsS --max-time 10 -X POST -H 'Content-Type: application/json' --data "$body" \
        "$BASE/api/v1/auth/login" | jq -r '.token // empty') || die "login as the $party failed"
    [[ -n ${TOKENS[$party]} ]] || die "login as the $party returned no token"
done

get() {   # get PARTY PATH: the JSON body
    curl -fsS --max-time 120 -H "Authorization: Bearer ${TOKENS[$1]}" "$BASE/api/v1$2"
}
# The regions the lists filter by: the demo parties' city (无锡) and its district with the most enterprises.
urlencode() { jq -rn --arg s "$1" '$s | @uri'; }
CITY=$(get regulator "/regions?q=$(urlencode 无锡市)&level=city" | jq -r '.items[0].id')
[[ $CITY =~ ^[0-9]+$ ]] || die "no region 无锡市"
DISTRICT=$(get regulator "/regions?parent_id=$CITY&level=district" | jq -r '.items[0].id')
[[ $DISTRICT =~ ^[0-9]+$ ]] || die "no district of 无锡市"
MONTH_FROM=$(date -d "$TODAY -1 month" +%F)
# The agency's newest signed checklist (its visit done, answers and findings in it) and that visit.
INSPECTION=$(get agency "/inspections?status=signed&limit=1" | jq -r '.items[0].id')
[[ $INSPECTION =~ ^[0-9]+$ ]] || die "the agency has no signed inspection (a province generated before them?)"
INSPECTED_VISIT=$(get agency "/inspections/$INSPECTION" | jq -r '.visit_id')
# The enterprise of the agency's newest environmental risk assessment: its 一企一档 has visits, checklists,
# hazards, notices and the assessment.
ASSESSED=$(get agency "/env-risk-assessments?limit=1" | jq -r '.items[0].enterprise.id')
[[ $ASSESSED =~ ^[0-9]+$ ]] || die "the agency has no risk assessment (a province generated before them?)"

# A closed hazard of the agency (its history from found to verified) and an issued notice, for their pages.
HAZARD=$(get agency "/hazards?status=verified_closed&limit=1" | jq -r '.items[0].id')
[[ $HAZARD =~ ^[0-9]+$ ]] || die "the agency has no closed hazard"
NOTICE=$(get agency "/notices?status=issued&limit=1" | jq -r '.items[0].id')
[[ $NOTICE =~ ^[0-9]+$ ]] || die "the agency has no issued notice"
# A done visit of the agency that re-checked earlier hazards (src/benchdata/rectification_data.hpp), and one of
# them: its page has the re-checks, and its progress notes when the enterprise wrote some.
RECHECK_VISIT=""
for visit in $(get agency "/visits?status=done&limit=100" | jq -r '.items[].id'); do
    (( $(get agency "/visits/$visit/hazards" | jq '.rechecks | length') > 0 )) && { RECHECK_VISIT=$visit; break; }
done
[[ -n $RECHECK_VISIT ]] || die "none of the agency's last 100 done visits re-checked a hazard (a province generated before re-checks?)"
RECHECKED_HAZARD=$(get agency "/visits/$RECHECK_VISIT/hazards" | jq -r '.rechecks[0].hazard.id')
# A week ahead: the generator's planned visits fill it, so the picker marks busy members.
TEAM_DAY=$(date -d "$TODAY +8 day" +%F)

# The demo enterprise: its agency helped it list its work-safety risks (src/benchdata/safety_data.hpp).
OWN=$(get enterprise "/enterprises?limit=1" | jq -r '.items[0].id')
[[ $OWN =~ ^[0-9]+$ ]] || die "the demo enterprise sees no enterprise"
(( $(get agency "/enterprises/$OWN/safety-risk" | jq '.assessments | length') > 0 )) ||
    die "the demo enterprise has no work-safety risk list (a province generated before them?)"

# name | party | path
CASES=(
    "enterprises: district, risk, sort, total|regulator|/enterprises?region_id=$DISTRICT&risk_level=general&sort=name&limit=20"
    "enterprises: city, risk, sort, total|insurer|/enterprises?region_id=$CITY&risk_level=general&sort=name&limit=20"
    "enterprises: city, risk, sort, total|agency|/enterprises?region_id=$CITY&risk_level=general&sort=name&limit=20"
    "enterprises: first page|regulator|/enterprises?limit=20"
    "enterprises: first page|admin|/enterprises?limit=20"
    "search 2 chars (化工)|regulator|/enterprises?q=$(urlencode 化工)&limit=20"
    "search 3 chars (有限公)|admin|/enterprises?q=$(urlencode 有限公)&limit=20"
    "search 3 chars (人民路)|admin|/enterprises?q=$(urlencode 人民路)&limit=20"
    "search 4 chars (科技有限)|regulator|/enterprises?q=$(urlencode 科技有限)&limit=20"
    "search 4 chars, rare (宜兴环保)|admin|/enterprises?q=$(urlencode 宜兴环保)&limit=20"
    "policies|insurer|/policies?limit=20"
    "policies|regulator|/policies?limit=20"
    "commission items|insurer|/commission-items?limit=20"
    "commission items|agency|/commission-items?limit=20"
    "service plans|agency|/service-plans?limit=20"
    "service plans|regulator|/service-plans?limit=20"
    "visits: one month|agency|/visits?from=$MONTH_FROM&to=$TODAY&limit=20"
    "visits: one month|insurer|/visits?from=$MONTH_FROM&to=$TODAY&limit=20"
    "visits: one month|regulator|/visits?from=$MONTH_FROM&to=$TODAY&limit=20"
    "deadlines: overdue|agency|/deadlines?overdue=true&limit=20"
    "deadlines: overdue|regulator|/deadlines?overdue=true&limit=20"
    "notifications|agency|/notifications?limit=20"
    "audit|admin|/audit?limit=20"
    "inspections of a visit|agency|/inspections?visit_id=$INSPECTED_VISIT"
    "inspections list|agency|/inspections?limit=20"
    "inspections list|regulator|/inspections?limit=20"
    "one inspection|agency|/inspections/$INSPECTION"
    "hazards: first page|agency|/hazards?limit=20"
    "hazards: first page|insurer|/hazards?limit=20"
    "hazards: rectifying, major|regulator|/hazards?status=rectifying&grade=major&limit=20"
    "hazards: overdue|regulator|/hazards?overdue=true&limit=20"
    "hazards: district|regulator|/hazards?region_id=$DISTRICT&limit=20"
    "hazard escalations|regulator|/hazard-escalations?limit=20"
    "notices: first page|agency|/notices?limit=20"
    "notices: first page|regulator|/notices?limit=20"
    "notices: issued|regulator|/notices?status=issued&limit=20"
    "notices: issued|insurer|/notices?status=issued&limit=20"
    "notices: reminders|agency|/notices?kind=reminder&limit=20"
    "notices: reminders|insurer|/notices?kind=reminder&limit=20"
    "notices: drafts|agency|/notices?status=draft&limit=20"
    "survey gaps|insurer|/survey-gaps?limit=20"
    "survey gaps|regulator|/survey-gaps?limit=20"
    "env-risk assessments|agency|/env-risk-assessments?limit=20"
    "env-risk assessments|insurer|/env-risk-assessments?limit=20"
    "env-risk assessments|regulator|/env-risk-assessments?limit=20"
    "env-risk assessments: awaiting review|insurer|/env-risk-assessments?status=submitted&limit=20"
    "archive of an enterprise|agency|/enterprises/$ASSESSED/archive"
    "archive of an enterprise|regulator|/enterprises/$ASSESSED/archive"
    "work-safety risks of an enterprise|agency|/enterprises/$OWN/safety-risk"
    "work-safety risks of an enterprise|regulator|/enterprises/$OWN/safety-risk"
    "pickers: staff|agency|/staff?limit=20"
    "pickers: staff|regulator|/staff?limit=20"
    "pickers: staff by name (王)|agency|/staff?q=$(urlencode 王)&limit=20"
    "pickers: organizations by name (环)|regulator|/organizations?q=$(urlencode 环)&limit=20"
    "pickers: regions by name (新)|regulator|/regions?q=$(urlencode 新)&limit=20"
    "pickers: team suggestions of a day|agency|/visits/team-suggestions?planned_on=$TEAM_DAY"
    "commissions|insurer|/commissions?limit=20"
    "commissions|agency|/commissions?limit=20"
    "users|admin|/users?limit=20"
    "one enterprise|regulator|/enterprises/$ASSESSED"
    "one visit|agency|/visits/$INSPECTED_VISIT"
    "one hazard|agency|/hazards/$HAZARD"
    "one hazard|regulator|/hazards/$HAZARD"
    "one hazard, re-checked|agency|/hazards/$RECHECKED_HAZARD"
    "hazards of a visit, with re-checks|agency|/visits/$RECHECK_VISIT/hazards"
    "one notice|agency|/notices/$NOTICE"
    "first page: /me|regulator|/me"
    "first page: /dictionaries|regulator|/dictionaries"
    "first page: unread notifications|regulator|/notifications?unread=true&limit=10"
)
selected() { [[ -z ${BENCH_CASES:-} || $1 =~ $BENCH_CASES ]]; }

echo
printf 'what each case finds (total of the first page):\n'
for entry in "${CASES[@]}"; do
    IFS='|' read -r name party path <<<"$entry"
    selected "$name" || continue
    body=$(get "$party" "$path") || die "GET $path as the $party failed"
    printf '  %-42s %-9s %s\n' "$name" "$party" "$(jq -r 'if has("total") then "\(.items | length) of \(.total)" else "ok" end' <<<"$body")"
done

# ------------------------------------------------------------------ measurement
CLK_TCK=$(getconf CLK_TCK 2>/dev/null || echo 100)
server_ticks() {   # user + system CPU of the server, in clock ticks (fields 14 and 15 of /proc/PID/stat)
    local stat
    stat=$(cat "/proc/$SERVER_PID/stat") || return 0
    stat=${stat##*) }
    awk '{ print $12 + $13 }' <<<"$stat"
}
reset_peak() { echo 5 >"/proc/$SERVER_PID/clear_refs" 2>/dev/null || true; }
# Peak resident memory, and the part of it that is the server's own (RssAnon), not pages of the mapped database file.
peak_mb() { awk '/^VmHWM:/ { hwm = $2 } /^RssAnon:/ { anon = $2 } END { printf "%d/%d", hwm / 1024, anon / 1024 }' "/proc/$SERVER_PID/status"; }

# wrk_row NAME PARTY OUT: one tab-separated row from wrk's output and the server's CPU ticks used.
wrk_row() {
    awk -v name="$1" -v party="$2" -v ticks="$4" -v hz="$CLK_TCK" -v peak="$5" '
        / requests in /               { n = $1 }
        /^Requests\/sec:/             { rps = $2 }
        $1 == "50%"                   { p50 = $2 }
        $1 == "99%"                   { p99 = $2 }
        /Non-2xx or 3xx responses:/   { bad += $NF }
        /Socket errors:/              { for (i = 3; i <= NF; i += 2) { v = $(i + 1); gsub(/,/, "", v); bad += v } }
        END { cpu = (ticks != "" && n > 0) ? sprintf("%.2f", 1000 * ticks / hz / n) : "?"
              printf "%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", name, party, rps, p50, p99, bad, cpu, peak }' "$3"
}
# The server finishes requests a client has given up on: wait until /health answers at once again, so one slow case
# does not spill into the next.
# Until the server has finished what the last case left queued: its workers answer the requests wrk sent before it
# stopped (32 slow searches are seconds of work), and the next case's requests would wait behind them. /health does
# not show it (it has its own lane), the server's CPU does: at most 2 ticks in half a second.
wait_idle() {
    local _ before
    for _ in $(seq 1 1200); do
        before=$(server_ticks)
        sleep 0.5
        (( $(server_ticks) - before <= 2 )) && return 0
    done
    die "the server is still busy 10 minutes after a case"
}
ROWS=()
run_case() {   # run_case NAME PARTY PATH [CONNECTIONS [WRK_SCRIPT]]
    local name=$1 party=$2 path=$3 connections=${4:-$CONNECTIONS} out=$TMP/wrk-${#ROWS[@]}.txt before auth=()
    [[ $party == - ]] || auth=(-H "Authorization: Bearer ${TOKENS[$party]}")
    [[ -z ${5:-} ]] || auth+=(-s "$5")
    log "$name ($party): wrk -t$THREADS -c$connections -d$DURATION $path"
    [[ -n ${UNDER_LOAD:-} ]] || wait_idle
    reset_peak
    before=$(server_ticks)
    wrk -t"$THREADS" -c"$connections" -d"$DURATION" --timeout "$TIMEOUT" --latency "${auth[@]}" "$BASE/api/v1$path" \
        </dev/null >"$out" 2>&1 &
    EXTRA_PID=$!
    wait "$EXTRA_PID" || { cat "$out" >&2; die "wrk failed for $name"; }
    EXTRA_PID=""
    [[ $VERBOSE -eq 0 ]] || { echo "== $name ($party)"; cat "$out"; }
    ROWS+=("$(wrk_row "$name" "$party" "$out" "$(( $(server_ticks) - before ))" "$(peak_mb)")")
}

IDLE_MB=$(awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$SERVER_PID/status")
run_case "health" - /health
for entry in "${CASES[@]}"; do
    IFS='|' read -r name party path <<<"$entry"
    selected "$name" || continue
    run_case "$name" "$party" "$path"
done

# The whole archive's hash chain as an admin verifies it (src/archive/archive_chain.cpp), one request at a time:
# every entry hashed again and every item's state checked against its last entry.
if selected "archive: verify the chain"; then
    verified=$(get admin /archive/verify) || die "GET /archive/verify failed"
    [[ $(jq -r '.ok' <<<"$verified") == true ]] || die "the archive chain does not verify: $verified"
    (( $(jq '.entries' <<<"$verified") > 0 )) || die "the archive chain is empty (a province generated before archive states?)"
    log "archive chain: $(jq -c '{entries, states}' <<<"$verified")"
    THREADS=1 run_case "archive: verify the chain" admin /archive/verify 1
fi

# The hazard ledger (chengdu Table 9) of the district, a regulator's download: a month as .xlsx, ten days as PDF
# (at most 2,000 rows: a PDF lays out all its pages in memory). Two at a time: the server makes one large file
# for each core at once and tells a third to come back (503).
LEDGER="/hazards/ledger?region_id=$DISTRICT"
ledger_case() {   # ledger_case NAME FORMAT FROM TO
    local size
    selected "$1" || return 0
    wait_idle
    curl -fsS --max-time 120 -H "Authorization: Bearer ${TOKENS[regulator]}" -o "$TMP/ledger.$2" \
        "$BASE/api/v1$LEDGER&format=$2&from=$3&to=$4" || die "the $1 failed"
    # Rows of the sheet past its header; pages of the PDF.
    size=$(python3 -c 'import re, sys, zipfile
f = sys.argv[1]
if f.endswith(".xlsx"): print(zipfile.ZipFile(f).read("xl/worksheets/sheet1.xml").count(b"<row") - 1, "rows")
else: print(len(re.findall(rb"/Type /Page\b", open(f, "rb").read())), "pages")' "$TMP/ledger.$2")
    (( ${size%% *} > 0 )) || die "the $1 is empty"
    log "$1: $size, $(( $(stat -c %s "$TMP/ledger.$2") / 1024 )) KiB"
    run_case "$1" regulator "$LEDGER&format=$2&from=$3&to=$4" 2
}
ledger_case "hazard ledger: a district, a month (xlsx)" xlsx "$MONTH_FROM" "$TODAY"
ledger_case "hazard ledger: a district, ten days (PDF)" pdf "$(date -d "$TODAY -10 day" +%F)" "$TODAY"

# Writes (issue 10: >= 2,000/s, p99 <= 50 ms): POST bodies from bench/write-cases.lua, on this run's copy.
write_case() {   # write_case NAME PARTY CASE: run_case with the Lua script and its environment
    WRITE_CASE=$3 WRITE_THREADS=$THREADS run_case "$1" "$2" "/health" "$CONNECTIONS" "$ROOT/bench/write-cases.lua"
}
if selected "write: create an enterprise"; then
    STREET=$(get insurer "/regions?parent_id=$DISTRICT&level=street&limit=1" | jq -r '.items[0].id')
    [[ $STREET =~ ^[0-9]+$ ]] || die "no street in the district $DISTRICT"
    WRITE_REGION_ID=$STREET write_case "write: create an enterprise" insurer enterprise
fi
post() {   # post PARTY PATH BODY: the JSON body of the answer, whatever its status
    curl -sS --max-time 120 -X POST -H "Authorization: Bearer ${TOKENS[$1]}" -H 'Content-Type: application/json' \
        --data "$3" "$BASE/api/v1$2"
}
# commission_more INSURER_ORG COUNT: the insurer commissions the agency to serve about COUNT more of the
# enterprises it insures, 500 a commission (the API's most), under the services of one of the pair's commissions.
# Those it cannot (no policy in force, already in an open commission) are left out as the refusal names them.
commission_more() {
    local commission types offset ids body answer refused
    commission=$(get agency "/commission-items?insurer_org_id=$1&limit=1" | jq -r '.items[0].commission_id')
    [[ $commission =~ ^[0-9]+$ ]] || die "the agency has no commission item of the insurer"
    types=$(get insurer "/commissions/$commission" | jq -c '[.service_types[].id]')
    for (( offset = 0; offset < $2 * 3 / 2; offset += 500 )); do
        ids=$(for page in 0 200 400; do
            get insurer "/enterprises?insurer_id=$1&sort=name&limit=$(( page < 400 ? 200 : 100 ))&offset=$(( offset + page ))"
        done | jq -s -c '[.[].items[].id]')
        for _ in 1 2; do
            [[ $ids != '[]' ]] || break
            body=$(jq -nc --argjson e "$ids" --argjson t "$types" --arg a "$AGENCY_ORG" \
                '{agency_org_id: ($a | tonumber), enterprise_ids: $e, service_type_ids: $t}')
            answer=$(post insurer /commissions "$body")
            jq -e '.id' <<<"$answer" >/dev/null && break
            refused=$(jq -c '[.errors[]?.field | capture("^enterprise_ids\\[(?<i>[0-9]+)\\]$").i | tonumber]' <<<"$answer")
            [[ $refused != '[]' ]] || die "the insurer could not commission the agency: $answer"
            ids=$(jq -c --argjson r "$refused" '[to_entries[] | select(.key as $k | $r | index($k) | not) | .value]' <<<"$ids")
        done
    done
}
if selected "write: answer a commission item"; then
    INSURER_ORG=$(get insurer /me | jq -r '.org.id // .org_id')
    AGENCY_ORG=$(get agency /me | jq -r '.org.id // .org_id')
    # Answered in turn for the whole run, each of the province's 112 pending items of the pair carried some 100
    # steps of history by the end of 10 s, which every answer reads and returns (20 s answered 16 % slower than
    # 10 s). With about 2,000 more items an item carries a few steps, as a real one does.
    commission_more "$INSURER_ORG" 2000
    ITEMS=$(for offset in $(seq 0 200 3000); do
        get agency "/commission-items?status=pending&insurer_org_id=$INSURER_ORG&limit=200&offset=$offset"
    done | jq -s -r '[.[].items[].id] | unique | join(",")')
    [[ -n $ITEMS ]] || die "the agency has no pending commission item of the insurer"
    log "answering $(tr ',' '\n' <<<"$ITEMS" | wc -l) pending items in turn (request-cancel, reject-cancel)"
    WRITE_ITEM_IDS=$ITEMS WRITE_AGENCY_TOKEN=${TOKENS[agency]} WRITE_INSURER_TOKEN=${TOKENS[insurer]} \
        write_case "write: answer a commission item" agency answer
fi
if selected "write: schedule a visit"; then
    # A planned visit of the agency as the template: the same enterprise, services and team on other days.
    VISIT_ID=$(get agency "/visits?status=planned&limit=1" | jq -r '.items[0].id')
    [[ $VISIT_ID =~ ^[0-9]+$ ]] || die "the agency has no planned visit"
    WRITE_VISIT=$(get agency "/visits/$VISIT_ID" | jq -c '{enterprise_id: .enterprise.id,
        service_type_ids: [.service_types[].id], planned_on, duration_days, special_request,
        staff_ids: [.team[].staff_id], leader_staff_id: ([.team[] | select(.leader) | .staff_id][0])}')
    # Days left in the year, from tomorrow: the enterprise is commissioned for this year only.
    WRITE_DAYS=$(( ($(date -d "${TODAY:0:4}-12-31" +%s) - $(date -d "$TODAY" +%s)) / 86400 ))
    (( WRITE_DAYS > 0 )) || die "no day left in the year after $TODAY to schedule visits on"
    WRITE_FIRST_DAY=$(date -d "$TODAY +1 day" +%F) WRITE_DAYS=$WRITE_DAYS WRITE_VISIT=$WRITE_VISIT \
        write_case "write: schedule a visit" agency visit
fi

# Fresh answers to the agency's open checklists (demo-agency leads agency A, so it may answer any of them): the
# newest first, which are those of its visits in progress (opened today), then those its done visits left unfilled,
# up to $1 "inspection item option other-option" lines for bench/inspection-answers.lua: every item of the
# checklist's template with two options or more.
answer_pairs() {
    local want=$1 out=$TMP/answer-pairs.txt offset=0 page inspection template planned today=0
    local -A items=()
    : >"$out"
    while (( $(wc -l <"$out") < want )); do
        page=$(get agency "/inspections?status=open&limit=200&offset=$offset" |
            jq -r '.items[] | "\(.id) \(.template.id) \(.planned_on)"')
        [[ -n $page ]] || break
        while read -r inspection template planned; do
            [[ -n ${items[$template]+x} ]] || items[$template]=$(get agency "/checklist-templates/$template" |
                jq -r '.body | .. | objects | select(has("items")) | .items[]
                    | select((.kind == "yes_no" or .kind == "single") and (.options | length) >= 2)
                    | "\(.id) \(.options[0].value) \(.options[1].value)"')
            [[ $planned != "$TODAY" ]] || today=$(( today + $(wc -l <<<"${items[$template]}") ))
            sed "s/^/$inspection /" <<<"${items[$template]}" >>"$out"
        done <<<"$page"
        offset=$(( offset + 200 ))
    done
    log "answering $(wc -l <"$out") items of open checklists, $today of them of the agency's visits in progress"
}
if selected "write: answer an item"; then
    # Finding the items takes minutes on a loaded machine; every run starts from the same province, so they are
    # kept beside it.
    PAIRS_CACHE=$CACHED.answer-pairs-$KIND.txt
    if [[ -s $PAIRS_CACHE ]]; then
        cp "$PAIRS_CACHE" "$TMP/answer-pairs.txt"
        log "answering $(wc -l <"$TMP/answer-pairs.txt") items of open checklists (kept in $PAIRS_CACHE)"
    else
        answer_pairs 40000
        cp "$TMP/answer-pairs.txt" "$PAIRS_CACHE.tmp" && mv "$PAIRS_CACHE.tmp" "$PAIRS_CACHE"
    fi
    ANSWER_PAIRS=$TMP/answer-pairs.txt ANSWER_THREADS=$THREADS ANSWER_EDITED_AT="${TODAY}T10:00:00+08:00" \
        run_case "write: answer an item" agency /health "$CONNECTIONS" "$ROOT/bench/inspection-answers.lua"
fi

# /health while the regulator's list and a search run flat out (4 connections each, one wrk thread).
if selected "health during lists"; then
    load_out=$TMP/wrk-load.txt
    wait_idle
    list_path="/enterprises?region_id=$CITY&risk_level=general&sort=name&limit=20"
    wrk -t1 -c4 -d"$DURATION" --timeout "$TIMEOUT" --latency -H "Authorization: Bearer ${TOKENS[regulator]}" \
        "$BASE/api/v1$list_path" </dev/null >"$load_out" 2>&1 &
    LOAD_PID=$!
    wrk -t1 -c4 -d"$DURATION" --timeout "$TIMEOUT" --latency -H "Authorization: Bearer ${TOKENS[admin]}" \
        "$BASE/api/v1/enterprises?q=$(urlencode 科技有限)&limit=20" </dev/null >"$load_out.2" 2>&1 &
    LOAD2_PID=$!
    sleep 1
    THREADS=1 UNDER_LOAD=1 run_case "health during lists (8 conns)" - /health 2
    wait "$LOAD_PID" "$LOAD2_PID" || true
    ROWS+=("$(wrk_row "(the list during it)" regulator "$load_out" "" "")")
    ROWS+=("$(wrk_row "(the search during it)" admin "$load_out.2" "" "")")
fi

# ------------------------------------------------------------------ report
echo
printf 'riskwatch province benchmark: %s, seed %s, clock %sT02:00Z, wrk -t%s -c%s -d%s, on %s (%s CPUs), %s\n' \
    "$KIND" "$SEED" "$TODAY" "$THREADS" "$CONNECTIONS" "$DURATION" "$(uname -n)" "$(nproc)" \
    "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
printf 'server idle RSS: %s MB at start, %s MB after sign-in and one request of each case\n' "$START_MB" "$IDLE_MB"
printf '%-42s %-9s %9s %9s %9s %6s %8s %9s %8s\n' case party req/s p50 p99 errors 'cpu ms' 'MB pk/an' /health
health=""
errors=0
for row in "${ROWS[@]}"; do
    IFS=$'\t' read -r name party rps p50 p99 bad cpu peak <<<"$row"
    [[ $name != health ]] || health=$rps
    share=$(awk -v a="$rps" -v b="$health" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.1f%%", 100 * a / b; else print "?" }')
    printf '%-42s %-9s %9s %9s %9s %6s %8s %9s %8s\n' "$name" "$party" "$rps" "$p50" "$p99" "$bad" "$cpu" "$peak" "$share"
    errors=$(( errors + bad ))
done
[[ $errors -eq 0 ]] || { log "warning: some requests failed; the numbers above are not trustworthy"; exit 1; }
